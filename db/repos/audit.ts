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
  all(db: Db): AuditRow[] {
    return stmt(db, 'SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  },
  byObject(db: Db, objectType: string, objectId: string): AuditRow[] {
    return stmt(db, 'SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY seq').all(
      objectType,
      objectId,
    ) as AuditRow[];
  },
};
