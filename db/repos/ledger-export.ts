/** The ledger export's listing: postings dated in the period, of cases in scope, in ledger order. */
import type { Db } from '../open';
import type { ReportParams } from './reporting';
import { stmt } from './statements';

/** [effectiveOn, caseId, kind, component, amountMinor, deltaMinor, currency, reason, createdBy, createdAt, balanceNowMinor] */
export type PostingExportRow = [string, string, string, string | null, number, number, string, string, string | null, string, number];

const WHERE = `l.effective_on >= @fromDate AND l.effective_on < @toDate
  AND c.assignee_id IN (SELECT value FROM json_each(@scope)) AND (@placementId IS NULL OR c.placement_id = @placementId)`;
const FROM = 'ledger_postings l INDEXED BY ledger_postings_effective JOIN cases c ON c.id = l.case_id';
const params = (p: ReportParams) => ({ fromDate: p.fromDate, toDate: p.toDate, scope: p.scope, placementId: p.placementId });

export const ledgerExport = {
  count(db: Db, p: ReportParams): number {
    return (stmt(db, `SELECT count(*) AS n FROM ${FROM} WHERE ${WHERE}`).get(params(p)) as { n: number }).n;
  },
  iterate(db: Db, p: ReportParams): IterableIterator<PostingExportRow> {
    return stmt(
      db,
      `SELECT l.effective_on, l.case_id, l.kind, l.component, l.amount_minor, l.delta_minor, c.currency, l.reason, l.created_by, l.created_at, c.balance_minor
       FROM ${FROM} WHERE ${WHERE} ORDER BY l.effective_on, l.seq`,
    )
      .raw(true)
      .iterate(params(p)) as IterableIterator<PostingExportRow>;
  },
};
