/**
 * The figures' rows checked against the chain (issue 15, item 6): every activity and payment the
 * dashboard or an export counts for a period must match the chain record it was chained with, on
 * each field the figures read. A row edited in the database file (say a no_answer call turned into
 * a connected one) keeps its old, signed record, so the edit shows here — on the dashboard and in
 * the export's signed manifest — instead of silently raising a figure.
 */
import type { RecordIntegrity, RecordMismatch } from '../../../common/api/types-supervisor';
import type { Db } from '../../../db/open';
import { recordCheckRepo, type RecordCheckRow } from '../../../db/repos/record-check';
import type { ReportParams } from '../../../db/repos/reporting';

/** Mismatches listed by id; the rest are counted. */
export const MISMATCH_EXAMPLES = 20;

const mismatch = (kind: RecordMismatch['kind']) => (r: RecordCheckRow): RecordMismatch => ({
  kind,
  id: r.id,
  caseId: r.caseId,
  placementId: r.placementId,
  problem: r.unrecorded === 1 ? 'unrecorded' : 'differs',
});

export function checkRecords(db: Db, p: ReportParams): RecordIntegrity {
  const activities = recordCheckRepo.activityCounts(db, p);
  const payments = recordCheckRepo.paymentCounts(db, p);
  const examples: RecordMismatch[] = [];
  if (activities.mismatches > 0) examples.push(...recordCheckRepo.activityMismatches(db, p, MISMATCH_EXAMPLES).map(mismatch('activity')));
  if (payments.mismatches > 0 && examples.length < MISMATCH_EXAMPLES) {
    examples.push(...recordCheckRepo.paymentMismatches(db, p, MISMATCH_EXAMPLES - examples.length).map(mismatch('payment')));
  }
  return {
    checkedAgainst: 'chain',
    activitiesChecked: activities.checked,
    paymentsChecked: payments.checked,
    mismatches: activities.mismatches + payments.mismatches,
    examples,
  };
}
