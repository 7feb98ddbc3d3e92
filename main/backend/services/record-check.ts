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

export function checkRecords(db: Db, p: ReportParams): RecordIntegrity {
  const out: RecordIntegrity = { checkedAgainst: 'chain', activitiesChecked: 0, paymentsChecked: 0, mismatches: 0, examples: [] };
  const note = (kind: RecordMismatch['kind'], r: RecordCheckRow): void => {
    if (r.backed === 1) return;
    out.mismatches += 1;
    if (out.examples.length < MISMATCH_EXAMPLES) {
      out.examples.push({ kind, id: r.id, caseId: r.caseId, placementId: r.placementId, problem: r.unrecorded === 1 ? 'unrecorded' : 'differs' });
    }
  };
  for (const r of recordCheckRepo.activities(db, p)) {
    out.activitiesChecked += 1;
    note('activity', r);
  }
  for (const r of recordCheckRepo.payments(db, p)) {
    out.paymentsChecked += 1;
    note('payment', r);
  }
  return out;
}
