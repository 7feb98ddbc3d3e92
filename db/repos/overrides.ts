import type { Db } from '../open';
import { stmt } from './statements';

export interface OverrideRow {
  id: string;
  case_id: string;
  decision_id: string;
  rules_json: string;
  requested_by: string;
  requested_at: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused' | 'used' | 'expired';
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export const overridesRepo = {
  insert(db: Db, o: OverrideRow): void {
    stmt(
      db,
      `INSERT INTO overrides (id, case_id, decision_id, rules_json, requested_by, requested_at, reason, status, decided_by,
         decided_at, decision_reason)
       VALUES (@id, @case_id, @decision_id, @rules_json, @requested_by, @requested_at, @reason, @status, @decided_by,
         @decided_at, @decision_reason)`,
    ).run(o);
  },
  byId(db: Db, id: string): OverrideRow | undefined {
    return stmt(db, 'SELECT * FROM overrides WHERE id = ?').get(id) as OverrideRow | undefined;
  },
  pending(db: Db): OverrideRow[] {
    return stmt(db, "SELECT * FROM overrides WHERE status = 'pending' ORDER BY requested_at").all() as OverrideRow[];
  },
  byCase(db: Db, caseId: string): OverrideRow[] {
    return stmt(db, 'SELECT * FROM overrides WHERE case_id = ? ORDER BY requested_at').all(caseId) as OverrideRow[];
  },
  decide(db: Db, id: string, status: 'approved' | 'refused', by: string, at: string, reason: string): number {
    return stmt(
      db,
      "UPDATE overrides SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'pending'",
    ).run(status, by, at, reason, id).changes;
  },
  markUsed(db: Db, id: string, _at: string): void {
    stmt(db, "UPDATE overrides SET status = 'used' WHERE id = ? AND status = 'approved'").run(id);
  },
};
