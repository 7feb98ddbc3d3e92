import type { Db } from '../open';
import { stmt } from './statements';

/** The settings key of the audit log's MAC key: `{"key": hex of 32 bytes, "since": first keyed seq}` (migration 13). */
export const AUDIT_KEY_SETTING = 'audit.mac_key';

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  details_json: string;
  prev_hash: string;
  hash: string;
  /** HMAC-SHA256(audit key, hash) in hex; null before keying started (migration 13). Not part of `hash`. */
  mac?: string | null;
}

/** What the audit listing may filter by; an absent field does not filter. */
export interface AuditFilter {
  from?: string | undefined; // ISO instant: at >= from
  to?: string | undefined; // ISO instant: at <= to
  action?: string | undefined;
  outcome?: string | undefined;
}

/**
 * The listing's SQL for these filters: a page (with @limit and @offset) and its count, over the
 * same WHERE. Built from the filters given — `(@x IS NULL OR col = @x)` would keep every index out.
 */
export function auditListing(f: AuditFilter): { page: string; count: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.action !== undefined) {
    parts.push('action = @action');
    params.action = f.action;
  }
  if (f.outcome !== undefined) {
    parts.push('outcome = @outcome');
    params.outcome = f.outcome;
  }
  if (f.from !== undefined) {
    parts.push('at >= @from');
    params.from = f.from;
  }
  if (f.to !== undefined) {
    parts.push('at <= @to');
    params.to = f.to;
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  return {
    page: `SELECT * FROM audit_log ${where} ORDER BY at DESC, seq DESC LIMIT @limit OFFSET @offset`,
    count: `SELECT count(*) AS n FROM audit_log ${where}`,
    params,
  };
}

export const auditRepo = {
  head(db: Db): { seq: number; hash: string } | undefined {
    return stmt(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
  },
  insert(db: Db, r: AuditRow): void {
    stmt(
      db,
      `INSERT INTO audit_log (seq, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash, mac)
       VALUES (@seq, @id, @at, @actor_id, @action, @object_type, @object_id, @outcome, @details_json, @prev_hash, @hash, @mac)`,
    ).run({ ...r, mac: r.mac ?? null });
  },
  /** Every row in memory: for tests and small logs. The API verifies with span/chunk instead. */
  all(db: Db): AuditRow[] {
    return stmt(db, 'SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  },
  /** The lowest and highest sequence numbers (each read from the rowid b-tree's end), or none. */
  span(db: Db): { first: number; last: number } | undefined {
    const r = stmt(db, 'SELECT (SELECT min(seq) FROM audit_log) AS first, (SELECT max(seq) FROM audit_log) AS last').get() as
      | { first: number | null; last: number | null }
      | undefined;
    return r && r.first !== null && r.last !== null ? { first: r.first, last: r.last } : undefined;
  },
  /**
   * Up to `limit` rows from seq `from` to `last` in sequence order, streamed (.iterate()): one row
   * in memory at a time. The statement is busy until the loop over it ends or breaks.
   */
  chunk(db: Db, from: number, last: number, limit: number): IterableIterator<AuditRow> {
    return stmt(db, 'SELECT * FROM audit_log WHERE seq >= @from AND seq <= @last ORDER BY seq LIMIT @limit').iterate({
      from,
      last,
      limit,
    }) as IterableIterator<AuditRow>;
  },
  /** The hash recorded at one sequence number, if that entry exists. */
  hashAt(db: Db, seq: number): string | undefined {
    return (stmt(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  },
  countUpTo(db: Db, last: number): number {
    return (stmt(db, 'SELECT count(*) AS n FROM audit_log WHERE seq <= ?').get(last) as { n: number }).n;
  },
  /**
   * One page of the log, newest first, and how many rows match. The WHERE names only the filters
   * given, so each is served by an index (migration 0010); the order (at DESC, seq DESC) is the
   * order of those indexes, so a page reads its rows off an index and stops, without sorting
   * everything that matches.
   */
  page(db: Db, f: AuditFilter & { offset: number; limit: number }): { rows: AuditRow[]; total: number } {
    const q = auditListing(f);
    const rows = stmt(db, q.page).all({ ...q.params, limit: f.limit, offset: f.offset }) as AuditRow[];
    // A short page is the last one: its rows give the total without counting (unless the offset
    // ran past the end, where an empty page says nothing about how many there are).
    const total =
      rows.length < f.limit && (rows.length > 0 || f.offset === 0)
        ? f.offset + rows.length
        : (stmt(db, q.count).get(q.params) as { n: number }).n;
    return { rows, total };
  },
  byObject(db: Db, objectType: string, objectId: string): AuditRow[] {
    return stmt(db, 'SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY seq').all(
      objectType,
      objectId,
    ) as AuditRow[];
  },
};
