/**
 * Rows the reports count, side by side with the chain records they were chained with: which ones
 * the record does not back (a counted field differs, or there is no record). The comparison is of
 * stored values only; the service decides what a mismatch means. Prepared statements only.
 *
 * An activity's chain record has the activity's placement and instant, so it is found through
 * chain_placement_at; a payment's through chain_payment_record (migration 13). Fields a record's
 * body lacks (older demo records carry no party or direction) are not compared.
 */
import type { Db } from '../open';
import type { ReportParams } from './reporting';
import { stmt } from './statements';

export interface RecordCheckRow {
  id: string;
  caseId: string;
  placementId: string;
  /** 1 when no chain record exists for the row. */
  unrecorded: 0 | 1;
  /** 1 when the row does not differ from its record (a row counted, not a mismatch). */
  backed: 0 | 1;
}

const IN_SCOPE = (col: string) => `${col} IN (SELECT value FROM json_each(@scope))`;
const PLACEMENT = '(@placementId IS NULL OR c.placement_id = @placementId)';
const body = (field: string) => `json_extract(ch.canonical, '$.body.${field}')`;

export const RECORD_CHECK_SQL = {
  activities: `
    SELECT a.id, a.case_id AS caseId, c.placement_id AS placementId, ch.seq IS NULL AS unrecorded,
      (ch.seq IS NOT NULL AND ch.case_id IS a.case_id AND ${body('channel')} IS a.channel AND ${body('result')} IS a.result
        AND ${body('collectorId')} IS a.collector_id
        AND coalesce(${body('party')}, a.party) IS a.party AND coalesce(${body('direction')}, a.direction) IS a.direction) AS backed
    FROM activities a INDEXED BY activities_report
    JOIN cases c INDEXED BY cases_report ON c.id = a.case_id
    LEFT JOIN chain ch ON ch.placement_id = c.placement_id AND ch.at = a.at AND ch.record_type = 'activity' AND ch.record_id = a.id
    WHERE ${IN_SCOPE('a.collector_id')} AND a.at >= @from AND a.at < @to AND ${PLACEMENT}`,
  payments: `
    SELECT p.id, p.case_id AS caseId, c.placement_id AS placementId, ch.seq IS NULL AS unrecorded,
      (ch.seq IS NOT NULL AND ch.case_id IS p.case_id AND ${body('amountMinor')} IS p.amount_minor
        AND ${body('currency')} IS p.currency AND coalesce(${body('paidOn')}, p.paid_on) IS p.paid_on) AS backed
    FROM payments p INDEXED BY payments_paid_on
    JOIN cases c INDEXED BY cases_report ON c.id = p.case_id
    LEFT JOIN chain ch ON ch.record_type = 'payment' AND ch.record_id = p.id
    WHERE p.paid_on >= @fromDate AND p.paid_on < @toDate AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}`,
} as const;

export const recordCheckRepo = {
  /** The period's activities in scope, each with whether its chain record backs it (streamed). */
  activities(db: Db, p: ReportParams): IterableIterator<RecordCheckRow> {
    return stmt(db, RECORD_CHECK_SQL.activities).iterate(p) as IterableIterator<RecordCheckRow>;
  },
  /** The period's payments in scope (as the dashboard counts them), each with whether its chain record backs it. */
  payments(db: Db, p: ReportParams): IterableIterator<RecordCheckRow> {
    return stmt(db, RECORD_CHECK_SQL.payments).iterate(p) as IterableIterator<RecordCheckRow>;
  },
};
