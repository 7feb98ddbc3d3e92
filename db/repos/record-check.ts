/**
 * Rows the reports count, side by side with the chain records they were chained with: which ones
 * the record does not back (a counted field differs, or there is no record). The comparison is of
 * stored values only; the service decides what a mismatch means. Prepared statements only.
 *
 * An activity's chain record has the activity's placement and instant, so it is found through
 * chain_placement_at; a payment's through chain_payment_record (migration 13). An activity record
 * made by the demo generator carries no party or direction; those two are then not compared.
 * Counting happens in SQLite: only the (rare) mismatching rows reach JavaScript.
 */
import type { Db } from '../open';
import type { ReportParams } from './reporting';
import { stmt } from './statements';

export interface RecordCheckRow {
  id: string;
  caseId: string;
  placementId: string;
  /** 1 when no chain record exists for the row; 0 when one exists and differs. */
  unrecorded: 0 | 1;
}

const IN_SCOPE = (col: string) => `${col} IN (SELECT value FROM json_each(@scope))`;
const PLACEMENT = '(@placementId IS NULL OR c.placement_id = @placementId)';

/** Each query's rows with `backed` (1: the chain record agrees on every counted field). */
const ROWS = {
  activities: `
    SELECT a.id, a.case_id AS caseId, c.placement_id AS placementId, ch.seq IS NULL AS unrecorded,
      (ch.case_id IS a.case_id
        AND json_extract(ch.canonical, '$.body.channel', '$.body.result', '$.body.collectorId', '$.body.party', '$.body.direction')
          IN (json_array(a.channel, a.result, a.collector_id, a.party, a.direction), json_array(a.channel, a.result, a.collector_id, NULL, NULL))) AS backed
    FROM activities a INDEXED BY activities_report
    JOIN cases c INDEXED BY cases_report ON c.id = a.case_id
    LEFT JOIN chain ch ON ch.placement_id = c.placement_id AND ch.at = a.at AND ch.record_type = 'activity' AND ch.record_id = a.id
    WHERE ${IN_SCOPE('a.collector_id')} AND a.at >= @from AND a.at < @to AND ${PLACEMENT}`,
  payments: `
    SELECT p.id, p.case_id AS caseId, c.placement_id AS placementId, ch.seq IS NULL AS unrecorded,
      (ch.case_id IS p.case_id
        AND json_extract(ch.canonical, '$.body.amountMinor', '$.body.currency', '$.body.paidOn')
          IN (json_array(p.amount_minor, p.currency, p.paid_on), json_array(p.amount_minor, p.currency, NULL))) AS backed
    FROM payments p INDEXED BY payments_paid_on
    JOIN cases c INDEXED BY cases_report ON c.id = p.case_id
    LEFT JOIN chain ch ON ch.record_type = 'payment' AND ch.record_id = p.id
    WHERE p.paid_on >= @fromDate AND p.paid_on < @toDate AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}`,
} as const;

export const RECORD_CHECK_SQL = {
  ...ROWS,
  activityCounts: `SELECT count(*) AS checked, coalesce(sum(backed IS NOT 1), 0) AS mismatches FROM (${ROWS.activities})`,
  paymentCounts: `SELECT count(*) AS checked, coalesce(sum(backed IS NOT 1), 0) AS mismatches FROM (${ROWS.payments})`,
  activityMismatches: `SELECT id, caseId, placementId, unrecorded FROM (${ROWS.activities}) WHERE backed IS NOT 1 LIMIT @limit`,
  paymentMismatches: `SELECT id, caseId, placementId, unrecorded FROM (${ROWS.payments}) WHERE backed IS NOT 1 LIMIT @limit`,
} as const;

export interface RecordCheckCounts {
  checked: number;
  mismatches: number;
}

export const recordCheckRepo = {
  /** How many of the period's activities in scope there are, and how many their chain records do not back. */
  activityCounts: (db: Db, p: ReportParams): RecordCheckCounts => stmt(db, RECORD_CHECK_SQL.activityCounts).get(p) as RecordCheckCounts,
  /** The same for the period's payments in scope (as the dashboard counts them). */
  paymentCounts: (db: Db, p: ReportParams): RecordCheckCounts => stmt(db, RECORD_CHECK_SQL.paymentCounts).get(p) as RecordCheckCounts,
  activityMismatches: (db: Db, p: ReportParams, limit: number): RecordCheckRow[] =>
    stmt(db, RECORD_CHECK_SQL.activityMismatches).all({ ...p, limit }) as RecordCheckRow[],
  paymentMismatches: (db: Db, p: ReportParams, limit: number): RecordCheckRow[] =>
    stmt(db, RECORD_CHECK_SQL.paymentMismatches).all({ ...p, limit }) as RecordCheckRow[],
};
