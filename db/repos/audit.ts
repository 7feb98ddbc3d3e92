import type { Db } from '../open';
import { stmt } from './statements';

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
      `INSERT INTO audit_log (seq, id, at, actor_id, action, object_type, object_id, outcome, details_json, prev_hash, hash)
       VALUES (@seq, @id, @at, @actor_id, @action, @object_type, @object_id, @outcome, @details_json, @prev_hash, @hash)`,
    ).run(r);
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
  countUpTo(db: Db, last: number): number {
    return (stmt(db, 'SELECT count(*) AS n FROM audit_log WHERE seq <= ?').get(last) as { n: number }).n;
  },
  page(
    db: Db,
    f: { from?: string | undefined; to?: string | undefined; action?: string | undefined; outcome?: string | undefined; offset: number; limit: number },
  ): { rows: AuditRow[]; total: number } {
    const where = `WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
      AND (@action IS NULL OR action = @action) AND (@outcome IS NULL OR outcome = @outcome)`;
    const params = { from: f.from ?? null, to: f.to ?? null, action: f.action ?? null, outcome: f.outcome ?? null };
    const rows = stmt(db, `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as AuditRow[];
    const total = (stmt(db, `SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n;
    return { rows, total };
  },
  byObject(db: Db, objectType: string, objectId: string): AuditRow[] {
    return stmt(db, 'SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY seq').all(
      objectType,
      objectId,
    ) as AuditRow[];
  },
};
