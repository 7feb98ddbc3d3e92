import type { Db } from '../open';
import { stmt } from './statements';

/** What the queue may filter by; every field is optional and already validated by the service. */
export interface QueueFilter {
  assigneeIds: string[] | null; // null = everyone (admin)
  placementId?: string;
  statuses: string[];
  dpdMin?: number;
  dpdMax?: number;
  promiseDueBy?: string; // YYYY-MM-DD: promise_due <= this
  contactableAt?: string; // ISO instant: next_contact_at <= this
  ftsMatch?: string; // a safe FTS5 MATCH expression (common/domain/search/fts.ts)
  referencePart?: string; // also match case references containing this (people type the last digits)
}

export type QueueSort = 'priority' | 'balance' | 'dpd' | 'nextAction' | 'nextContact' | 'reference';

export interface QueueRowRaw {
  id: string;
  reference: string;
  full_name: string;
  placement_code: string;
  preset: 'cn' | 'us-regf' | 'uk-conc';
  status: 'open' | 'promise' | 'plan' | 'closed' | 'recalled';
  currency: string;
  balance_minor: number;
  dpd: number;
  priority: number;
  next_action_at: string | null;
  next_contact_at: string | null;
  promise_due: string | null;
  last_contact_at: string | null;
  flag_dispute: number;
  flag_cease: number;
  flag_complaint: number;
  flag_hardship: number;
  flag_attorney: number;
  flag_bankrupt: number;
  flag_deceased: number;
  recalled_at: string | null;
  vulnerabilities_json: string;
  /** Who holds the case (the supervisor's collector column). */
  assignee_id: string | null;
}

// Sort expressions are chosen from this table, never built from input.
const ORDER: Record<QueueSort, { asc: string; desc: string }> = {
  priority: {
    desc: '(c.next_contact_at IS NOT NULL AND c.next_contact_at <= @now) DESC, c.priority DESC, c.id',
    asc: '(c.next_contact_at IS NOT NULL AND c.next_contact_at <= @now) ASC, c.priority ASC, c.id',
  },
  balance: { desc: 'c.balance_minor DESC, c.id', asc: 'c.balance_minor ASC, c.id' },
  dpd: { desc: 'c.dpd DESC, c.id', asc: 'c.dpd ASC, c.id' },
  nextAction: { asc: 'c.next_action_at IS NULL, c.next_action_at ASC, c.id', desc: 'c.next_action_at DESC, c.id' },
  nextContact: { asc: 'c.next_contact_at IS NULL, c.next_contact_at ASC, c.id', desc: 'c.next_contact_at DESC, c.id' },
  reference: { asc: 'c.reference ASC', desc: 'c.reference DESC' },
};

interface Where {
  sql: string;
  params: Record<string, unknown>;
  /**
   * Only assignee, placement and status filter the cases: the count can come from the tallies
   * (countFromTallies). Set here, beside the filters, so a new filter cannot be forgotten there.
   */
  tallied: boolean;
}

function where(f: QueueFilter): Where {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  // Filters the tallies do not count by, added below.
  let untallied = 0;
  if (f.assigneeIds !== null) {
    if (f.assigneeIds.length === 0) parts.push('0');
    else {
      parts.push(`c.assignee_id IN (SELECT value FROM json_each(@assignees))`);
      params.assignees = JSON.stringify(f.assigneeIds);
    }
  }
  if (f.placementId) {
    parts.push('c.placement_id = @placementId');
    params.placementId = f.placementId;
  }
  parts.push('c.status IN (SELECT value FROM json_each(@statuses))');
  params.statuses = JSON.stringify(f.statuses);
  if (f.dpdMin !== undefined) {
    untallied++;
    parts.push('c.dpd >= @dpdMin');
    params.dpdMin = f.dpdMin;
  }
  if (f.dpdMax !== undefined) {
    untallied++;
    parts.push('c.dpd <= @dpdMax');
    params.dpdMax = f.dpdMax;
  }
  if (f.promiseDueBy) {
    untallied++;
    parts.push('c.promise_due IS NOT NULL AND c.promise_due <= @promiseDueBy');
    params.promiseDueBy = f.promiseDueBy;
  }
  if (f.contactableAt) {
    untallied++;
    parts.push('c.next_contact_at IS NOT NULL AND c.next_contact_at <= @contactableAt');
    params.contactableAt = f.contactableAt;
  }
  if (f.ftsMatch) {
    untallied++;
    if (f.referencePart) {
      // One rowid set from both: an OR across the two would scan every case and probe the FTS
      // match per row; the LIKE alone reads references only (~4 ms at 100,000 cases).
      parts.push(
        `c.rowid IN (SELECT rowid FROM case_search WHERE case_search MATCH @fts UNION SELECT rowid FROM cases WHERE reference LIKE @refLike ESCAPE '\\')`,
      );
      params.refLike = `%${f.referencePart.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    } else parts.push('c.rowid IN (SELECT rowid FROM case_search WHERE case_search MATCH @fts)');
    params.fts = f.ftsMatch;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, tallied: untallied === 0 };
}

const COLUMNS = `c.id, c.reference, b.full_name, p.code AS placement_code, p.preset, c.status, c.currency,
    c.balance_minor, c.dpd, c.priority, c.next_action_at, c.next_contact_at, c.promise_due, c.last_contact_at,
    c.flag_dispute, c.flag_cease, c.flag_complaint, c.flag_hardship, c.flag_attorney, c.flag_bankrupt,
    c.flag_deceased, c.recalled_at, b.vulnerabilities_json, c.assignee_id`;

const JOINS = 'JOIN borrowers b ON b.id = c.borrower_id JOIN placements p ON p.id = c.placement_id';

/**
 * The prioritised queue, descending (the default page), without sorting the team's cases: the
 * lawful-now cases come first, each half in (priority DESC, id) order, so each half is read by
 * walking cases_queue_order and stops after the rows the page needs — the second half only when
 * the first runs out. Same rows, same order as ORDER[priority].desc. A search goes the general
 * way: the FTS match is the selective part there.
 */
function prioritisedHalfSql(w: { sql: string }, condition: string): string {
  return `SELECT ${COLUMNS} FROM cases c INDEXED BY cases_queue_order ${JOINS}
    ${w.sql ? `${w.sql} AND` : 'WHERE'} ${condition} ORDER BY c.priority DESC, c.id LIMIT @window`;
}

function prioritisedPage(db: Db, w: { sql: string; params: Record<string, unknown> }, offset: number, limit: number, now: string): QueueRowRaw[] {
  const window = offset + limit;
  const lawful = stmt(db, prioritisedHalfSql(w, 'c.next_contact_at <= @now')).all({ ...w.params, now, window }) as QueueRowRaw[];
  if (lawful.length >= window) return lawful.slice(offset);
  const rest = stmt(db, prioritisedHalfSql(w, '(c.next_contact_at IS NULL OR c.next_contact_at > @now)')).all({
    ...w.params,
    now,
    window: window - lawful.length,
  }) as QueueRowRaw[];
  return lawful.concat(rest).slice(offset, window);
}

/** The total for filters on assignee, placement and status only: a sum of case_counts (migration 3). */
function countFromTallies(db: Db, f: QueueFilter): number {
  if (f.assigneeIds !== null && f.assigneeIds.length === 0) return 0;
  const parts = ['status IN (SELECT value FROM json_each(@statuses))'];
  const params: Record<string, unknown> = { statuses: JSON.stringify(f.statuses) };
  if (f.assigneeIds !== null) {
    parts.push('assignee_key IN (SELECT value FROM json_each(@assignees))');
    params.assignees = JSON.stringify(f.assigneeIds);
  }
  if (f.placementId) {
    parts.push('placement_id = @placementId');
    params.placementId = f.placementId;
  }
  const row = stmt(db, `SELECT coalesce(sum(n), 0) AS n FROM case_counts WHERE ${parts.join(' AND ')}`).get(params) as { n: number };
  return row.n;
}

const countSql = (w: Where): string => `SELECT count(*) AS n FROM cases c ${w.sql}`;

export const queueRepo = {
  page(
    db: Db,
    f: QueueFilter,
    sort: QueueSort,
    dir: 'asc' | 'desc',
    offset: number,
    limit: number,
    now: string,
  ): QueueRowRaw[] {
    const w = where(f);
    if (sort === 'priority' && dir === 'desc' && !f.ftsMatch) return prioritisedPage(db, w, offset, limit, now);
    const sql = `SELECT ${COLUMNS}
      FROM cases c ${JOINS}
      ${w.sql} ORDER BY ${ORDER[sort][dir]} LIMIT @limit OFFSET @offset`;
    return stmt(db, sql).all({ ...w.params, now, limit, offset }) as QueueRowRaw[];
  },
  count(db: Db, f: QueueFilter): number {
    const w = where(f);
    if (w.tallied) return countFromTallies(db, f);
    return (stmt(db, countSql(w)).get(w.params) as { n: number }).n;
  },
  /** The counting statement of a filter that the tallies cannot answer, for tests that EXPLAIN it. */
  countStatement(f: QueueFilter): { sql: string; params: Record<string, unknown> } {
    const w = where(f);
    return { sql: countSql(w), params: w.params };
  },
};
