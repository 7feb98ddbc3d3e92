/**
 * Reporting queries: GROUP BY aggregates for the supervisor dashboard and row iterators for
 * exports. No rules here — only counting; the service turns counts into rates.
 *
 * Every query takes the people in scope as a JSON array (`@scope`), so one prepared statement
 * serves a supervisor's team and an admin's whole agency. Periods are half-open: instants in
 * [@from, @to), dates in [@fromDate, @toDate) where @toDate is the day after the last day.
 */
import type { Db } from '../open';
import { stmt } from './statements';

export interface ReportParams {
  /** First instant counted, e.g. 2026-11-01T00:00:00.000Z. */
  from: string;
  /** First instant not counted (the day after the last day, 00:00Z). */
  to: string;
  /** Same bounds as calendar dates, for date columns (due_date, paid_on). */
  fromDate: string;
  toDate: string;
  /** JSON array of user ids whose work is counted. */
  scope: string;
  placementId: string | null;
  /** Now, for snapshot figures (complaints overdue). */
  now: string;
}

export interface ActivityAggRow {
  collectorId: string;
  placementId: string;
  call: number;
  sms: number;
  email: number;
  letter: number;
  visit: number;
  rpc: number;
}

export interface CountAggRow {
  collectorId: string;
  placementId: string;
  a: number;
  b: number;
  c: number;
}

export interface MoneyAggRow {
  collectorId: string;
  placementId: string;
  currency: string;
  minor: number;
}

const PLACEMENT = '(@placementId IS NULL OR c.placement_id = @placementId)';
const IN_SCOPE = (col: string) => `${col} IN (SELECT value FROM json_each(@scope))`;

/** Exported so tests can EXPLAIN them: each must read its covering index, never scan a table. */
export const REPORTING_SQL = {
  activities: `
    SELECT x.collector_id AS collectorId, c.placement_id AS placementId,
      sum(x.call) AS call, sum(x.sms) AS sms, sum(x.email) AS email, sum(x.letter) AS letter, sum(x.visit) AS visit,
      sum(x.rpc) AS rpc
    FROM (
      SELECT collector_id, case_id,
        sum(channel = 'call' AND direction = 'outbound') AS call,
        sum(channel = 'sms' AND direction = 'outbound') AS sms,
        sum(channel = 'email' AND direction = 'outbound') AS email,
        sum(channel = 'letter' AND direction = 'outbound') AS letter,
        sum(channel = 'visit' AND direction = 'outbound') AS visit,
        sum(party = 'borrower' AND result = 'connected') AS rpc
      FROM activities INDEXED BY activities_report
      WHERE ${IN_SCOPE('collector_id')} AND at >= @from AND at < @to
      GROUP BY collector_id, case_id
    ) x
    JOIN cases c INDEXED BY cases_report ON c.id = x.case_id
    WHERE ${PLACEMENT}
    GROUP BY x.collector_id, c.placement_id`,
  /** a = warnings, b = blocks. */
  decisions: `
    SELECT x.actor_id AS collectorId, c.placement_id AS placementId, sum(x.warn) AS a, sum(x.block) AS b, 0 AS c
    FROM (
      SELECT actor_id, case_id, sum(verdict = 'warn') AS warn, sum(verdict = 'block') AS block
      FROM guardrail_decisions INDEXED BY guardrail_decisions_report
      WHERE ${IN_SCOPE('actor_id')} AND at >= @from AND at < @to AND verdict <> 'allow'
      GROUP BY actor_id, case_id
    ) x
    JOIN cases c INDEXED BY cases_report ON c.id = x.case_id
    WHERE ${PLACEMENT}
    GROUP BY x.actor_id, c.placement_id`,
  /** a = promises made in the period. */
  promisesMade: `
    SELECT p.created_by AS collectorId, c.placement_id AS placementId, count(*) AS a, 0 AS b, 0 AS c
    FROM promises p INDEXED BY promises_made_report
    JOIN cases c INDEXED BY cases_report ON c.id = p.case_id
    WHERE ${IN_SCOPE('p.created_by')} AND p.created_at >= @from AND p.created_at < @to AND ${PLACEMENT}
    GROUP BY p.created_by, c.placement_id`,
  /** Promises due in the period: a = decided (kept, partial, broken), b = kept. */
  promisesDue: `
    SELECT p.created_by AS collectorId, c.placement_id AS placementId,
      count(*) AS a, sum(p.status = 'kept') AS b, 0 AS c
    FROM promises p INDEXED BY promises_due_report
    JOIN cases c INDEXED BY cases_report ON c.id = p.case_id
    WHERE ${IN_SCOPE('p.created_by')} AND p.due_date >= @fromDate AND p.due_date < @toDate
      AND p.status IN ('kept', 'partial', 'broken') AND ${PLACEMENT}
    GROUP BY p.created_by, c.placement_id`,
  /** Overrides requested in the period: a = requested, b = approved (incl. used). */
  overrides: `
    SELECT o.requested_by AS collectorId, c.placement_id AS placementId,
      count(*) AS a, sum(o.status IN ('approved', 'used')) AS b, 0 AS c
    FROM overrides o INDEXED BY overrides_report
    JOIN cases c INDEXED BY cases_report ON c.id = o.case_id
    WHERE ${IN_SCOPE('o.requested_by')} AND o.requested_at >= @from AND o.requested_at < @to AND ${PLACEMENT}
    GROUP BY o.requested_by, c.placement_id`,
  /** Payments carry no collector: they count for the case's assignee. paid_on may be a date or an instant. */
  payments: `
    SELECT c.assignee_id AS collectorId, c.placement_id AS placementId, p.currency AS currency, sum(p.amount_minor) AS minor
    FROM payments p INDEXED BY payments_paid_on
    JOIN cases c INDEXED BY cases_report ON c.id = p.case_id
    WHERE p.paid_on >= @fromDate AND p.paid_on < @toDate AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}
    GROUP BY c.assignee_id, c.placement_id, p.currency`,
  /** a = complaints opened in the period (for the case's assignee). */
  complaintsOpened: `
    SELECT c.assignee_id AS collectorId, c.placement_id AS placementId, count(*) AS a, 0 AS b, 0 AS c
    FROM complaints k INDEXED BY complaints_opened
    JOIN cases c INDEXED BY cases_report ON c.id = k.case_id
    WHERE k.opened_at >= @from AND k.opened_at < @to AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}
    GROUP BY c.assignee_id, c.placement_id`,
  /** Snapshot now: a = open (open, responded, escalated), b = of those past their deadline. */
  complaintsOpen: `
    SELECT c.assignee_id AS collectorId, c.placement_id AS placementId, count(*) AS a, sum(k.due_at < @now) AS b, 0 AS c
    FROM complaints k INDEXED BY complaints_status
    JOIN cases c INDEXED BY cases_report ON c.id = k.case_id
    WHERE k.status IN ('open', 'responded', 'escalated') AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}
    GROUP BY c.assignee_id, c.placement_id`,
} as const;

type Bound = Omit<ReportParams, never>;

export interface ReportPlacementRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  target_minor: number;
}

export interface ReportUserRow {
  id: string;
  username: string;
  display_name: string;
  role: 'collector' | 'supervisor' | 'admin';
  supervisor_id: string | null;
  disabled: number;
}

export const reportingRepo = {
  activities: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.activities).all(p) as ActivityAggRow[],
  decisions: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.decisions).all(pick(p, 'from', 'to', 'scope', 'placementId')) as CountAggRow[],
  promisesMade: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.promisesMade).all(pick(p, 'from', 'to', 'scope', 'placementId')) as CountAggRow[],
  promisesDue: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.promisesDue).all(pick(p, 'fromDate', 'toDate', 'scope', 'placementId')) as CountAggRow[],
  overrides: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.overrides).all(pick(p, 'from', 'to', 'scope', 'placementId')) as CountAggRow[],
  payments: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.payments).all(pick(p, 'fromDate', 'toDate', 'scope', 'placementId')) as MoneyAggRow[],
  complaintsOpened: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.complaintsOpened).all(pick(p, 'from', 'to', 'scope', 'placementId')) as CountAggRow[],
  complaintsOpen: (db: Db, p: Bound) => stmt(db, REPORTING_SQL.complaintsOpen).all(pick(p, 'now', 'scope', 'placementId')) as CountAggRow[],

  placements(db: Db): ReportPlacementRow[] {
    return stmt(db, 'SELECT id, code, name, currency, target_minor FROM placements ORDER BY code').all() as ReportPlacementRow[];
  },
  users(db: Db): ReportUserRow[] {
    return stmt(db, 'SELECT id, username, display_name, role, supervisor_id, disabled FROM users ORDER BY username').all() as ReportUserRow[];
  },
  /** Cases assigned now and not closed or recalled, per assignee. */
  openCasesByAssignee(db: Db): { assigneeId: string; n: number }[] {
    return stmt(
      db,
      "SELECT assignee_id AS assigneeId, count(*) AS n FROM cases INDEXED BY cases_assignee WHERE assignee_id IS NOT NULL AND status IN ('open', 'promise', 'plan') GROUP BY assignee_id",
    ).all() as { assigneeId: string; n: number }[];
  },
};

/** better-sqlite3 refuses named parameters a statement does not use; pass exactly those it does. */
function pick<K extends keyof ReportParams>(p: ReportParams, ...keys: K[]): Pick<ReportParams, K> {
  const out = {} as Pick<ReportParams, K>;
  for (const k of keys) out[k] = p[k];
  return out;
}

/**
 * Row listings for exports: each has a count (for progress) and a streaming iterator in time
 * order. Iterators return raw arrays (no per-row object) in the column order of the SELECT, so a
 * million rows stream at the speed of the disk and never sit in memory together.
 */
export interface Listing<Row> {
  count(db: Db, p: ReportParams): number;
  iterate(db: Db, p: ReportParams): IterableIterator<Row>;
  /** The statements, for tests that EXPLAIN them. */
  sql: { rows: string; count: string };
}

function listing<Row>(select: string, from: string, where: string, orderBy: string, keys: (keyof ReportParams)[], countFrom = from): Listing<Row> {
  const rows = `SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${orderBy}`;
  const count = `SELECT count(*) AS n FROM ${countFrom} WHERE ${where}`;
  return {
    sql: { rows, count },
    count: (db, p) => (stmt(db, count).get(pick(p, ...keys)) as { n: number }).n,
    iterate: (db, p) => stmt(db, rows).raw(true).iterate(pick(p, ...keys)) as IterableIterator<Row>,
  };
}

const PLACEMENT_OF_CASE = (col: string) => `(@placementId IS NULL OR ${col} IN (SELECT id FROM cases WHERE placement_id = @placementId))`;

/** [at, caseId, collectorId, channel, direction, party, contactPointId, result, outcome, text, disclosure, identity, source] */
export type ActivityExportRow = [string, string, string, string, string, string, string | null, string, string, string | null, number, number, string];
/** [paidOn, caseId, amountMinor, currency, source, reference, recordedBy, createdAt] */
export type PaymentExportRow = [string, string, number, string, string, string, string | null, string];
/** [createdAt, caseId, amountMinor, currency, dueDate, status, channel, createdBy] */
export type PromiseExportRow = [string, string, number, string, string, string, string, string];
/** [at, caseId, actorId, verdict, reasonsJson, nextAllowedAt, policyVersion] */
export type DecisionExportRow = [string, string, string, string, string, string | null, string];
/** [requestedAt, caseId, requestedBy, rulesJson, reason, status, decidedBy, decidedAt, decisionReason] */
export type OverrideExportRow = [string, string, string, string, string, string, string | null, string | null, string | null];
/** [openedAt, caseId, category, channel, status, dueAt, resolvedAt, description, caseAssigneeId, handlerId (the complaint's own assignee)] */
export type ComplaintExportRow = [string, string, string, string, string, string, string | null, string, string | null, string | null];

const ACTIVITIES_WHERE = `a.at >= @from AND a.at < @to AND ${IN_SCOPE('a.collector_id')} AND ${PLACEMENT_OF_CASE('a.case_id')}`;
const ACTIVITIES_KEYS: (keyof ReportParams)[] = ['from', 'to', 'scope', 'placementId'];

export type ContactPointKind = 'mobile' | 'phone' | 'email' | 'address' | 'workplace';
/** [contactPointId, activities, kind, value]: kind and value are null when the id is (or names no contact point). */
export type ContactPointCountRow = [string | null, number, ContactPointKind | null, string | null];

/**
 * Rows: activities_export (migration 0009) holds every column read here in time order, so a million
 * rows are one walk through that index and never a lookup into the table (the scope test runs per
 * row). Count: the covering activities_report, so counting never reads the table.
 *
 * contactPoints: the contact points the listed activities name, each once with how many of them
 * name it (the counts add up to count()): one pass over the same index, the id column only, then
 * probes into contact_points in key order — instead of a probe at random for each new id the rows
 * meet in time order (several times slower at 100,000 ids), and instead of a separate count.
 */
function activitiesListing(): Listing<ActivityExportRow> & {
  contactPoints(db: Db, p: ReportParams): IterableIterator<ContactPointCountRow>;
  /** Whether the period lists at least `n` rows (stops counting at n: cheap for a large period). */
  atLeast(db: Db, p: ReportParams, n: number): boolean;
  /** `at` of the row at 0-based `offset` in listing order, or null past the end (a split point). */
  atOffset(db: Db, p: ReportParams, offset: number): string | null;
  sql: { contactPoints: string; atLeast: string; atOffset: string };
} {
  const base = listing<ActivityExportRow>(
    'a.at, a.case_id, a.collector_id, a.channel, a.direction, a.party, a.contact_point_id, a.result, a.outcome, a.text, a.disclosure_confirmed, a.identity_verified, a.source',
    'activities a INDEXED BY activities_export',
    ACTIVITIES_WHERE,
    'a.at',
    ACTIVITIES_KEYS,
    'activities a INDEXED BY activities_report',
  );
  const contactPoints = `
    SELECT g.id, g.n, cp.kind, cp.value
    FROM (SELECT a.contact_point_id AS id, count(*) AS n FROM activities a INDEXED BY activities_export WHERE ${ACTIVITIES_WHERE} GROUP BY a.contact_point_id) g
    LEFT JOIN contact_points cp ON cp.id = g.id`;
  const atLeast = `SELECT count(*) AS n FROM (SELECT 1 FROM activities a INDEXED BY activities_report WHERE ${ACTIVITIES_WHERE} LIMIT @n)`;
  const atOffset = `SELECT a.at FROM activities a INDEXED BY activities_export WHERE ${ACTIVITIES_WHERE} ORDER BY a.at LIMIT 1 OFFSET @offset`;
  return {
    ...base,
    sql: { ...base.sql, contactPoints, atLeast, atOffset },
    contactPoints: (db, p) => stmt(db, contactPoints).raw(true).iterate(pick(p, ...ACTIVITIES_KEYS)) as IterableIterator<ContactPointCountRow>,
    atLeast: (db, p, n) => (stmt(db, atLeast).get({ ...pick(p, ...ACTIVITIES_KEYS), n }) as { n: number }).n >= n,
    atOffset: (db, p, offset) => (stmt(db, atOffset).pluck().get({ ...pick(p, ...ACTIVITIES_KEYS), offset }) as string | undefined) ?? null,
  };
}

export const exportListings = {
  // Rows: activities_export (migration 0009) holds every column read here in time order, so a
  // million rows are one walk through that index and never a lookup into the table (the scope test
  // runs per row). Count: the covering activities_report, so counting never reads the table.
  activities: activitiesListing(),
  payments: listing<PaymentExportRow>(
    'p.paid_on, p.case_id, p.amount_minor, p.currency, p.source, p.reference, p.recorded_by, p.created_at',
    'payments p INDEXED BY payments_paid_on JOIN cases c ON c.id = p.case_id',
    `p.paid_on >= @fromDate AND p.paid_on < @toDate AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}`,
    'p.paid_on, p.created_at',
    ['fromDate', 'toDate', 'scope', 'placementId'],
  ),
  promises: listing<PromiseExportRow>(
    'p.created_at, p.case_id, p.amount_minor, p.currency, p.due_date, p.status, p.channel, p.created_by',
    'promises p INDEXED BY promises_made_report JOIN cases c ON c.id = p.case_id',
    `${IN_SCOPE('p.created_by')} AND p.created_at >= @from AND p.created_at < @to AND ${PLACEMENT}`,
    'p.created_at',
    ['from', 'to', 'scope', 'placementId'],
  ),
  // Allowed contacts are the activities export; the conduct report lists what the guardrails held back.
  decisions: listing<DecisionExportRow>(
    'g.at, g.case_id, g.actor_id, g.verdict, g.reasons_json, g.next_allowed_at, g.policy_version',
    'guardrail_decisions g INDEXED BY guardrail_decisions_at',
    `g.at >= @from AND g.at < @to AND g.verdict <> 'allow' AND ${IN_SCOPE('g.actor_id')} AND ${PLACEMENT_OF_CASE('g.case_id')}`,
    'g.at',
    ['from', 'to', 'scope', 'placementId'],
  ),
  overrides: listing<OverrideExportRow>(
    'o.requested_at, o.case_id, o.requested_by, o.rules_json, o.reason, o.status, o.decided_by, o.decided_at, o.decision_reason',
    'overrides o INDEXED BY overrides_report JOIN cases c ON c.id = o.case_id',
    `${IN_SCOPE('o.requested_by')} AND o.requested_at >= @from AND o.requested_at < @to AND ${PLACEMENT}`,
    'o.requested_at',
    ['from', 'to', 'scope', 'placementId'],
  ),
  complaints: listing<ComplaintExportRow>(
    'k.opened_at, k.case_id, k.category, k.channel, k.status, k.due_at, k.resolved_at, k.description, c.assignee_id, k.assignee_id',
    'complaints k INDEXED BY complaints_opened JOIN cases c ON c.id = k.case_id',
    `k.opened_at >= @from AND k.opened_at < @to AND ${IN_SCOPE('c.assignee_id')} AND ${PLACEMENT}`,
    'k.opened_at',
    ['from', 'to', 'scope', 'placementId'],
  ),
};

export interface CaseLabelRow {
  reference: string;
  placement_code: string;
  borrower_name: string;
  purged_at: string | null;
}

export const lookups = {
  caseCount(db: Db): number {
    return (stmt(db, 'SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  },
  /** Every case's label in one pass, for exports that touch most cases (cheaper than a probe each). */
  allCaseLabels(db: Db): IterableIterator<CaseLabelRow & { id: string }> {
    return stmt(
      db,
      `SELECT c.id, c.reference, p.code AS placement_code, b.full_name AS borrower_name, b.purged_at
       FROM cases c JOIN placements p ON p.id = c.placement_id JOIN borrowers b ON b.id = c.borrower_id`,
    ).iterate() as IterableIterator<CaseLabelRow & { id: string }>;
  },
  caseLabel(db: Db, caseId: string): CaseLabelRow | undefined {
    return stmt(
      db,
      `SELECT c.reference, p.code AS placement_code, b.full_name AS borrower_name, b.purged_at
       FROM cases c JOIN placements p ON p.id = c.placement_id JOIN borrowers b ON b.id = c.borrower_id WHERE c.id = ?`,
    ).get(caseId) as CaseLabelRow | undefined;
  },
  contactPoint(db: Db, id: string): { kind: 'mobile' | 'phone' | 'email' | 'address' | 'workplace'; value: string } | undefined {
    return stmt(db, 'SELECT kind, value FROM contact_points WHERE id = ?').get(id) as
      | { kind: 'mobile' | 'phone' | 'email' | 'address' | 'workplace'; value: string }
      | undefined;
  },
};
