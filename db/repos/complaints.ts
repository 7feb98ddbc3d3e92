import type { Db } from '../open';
import { stmt } from './statements';

export interface ComplaintRow {
  id: string;
  case_id: string;
  category: string;
  channel: string;
  description: string;
  opened_at: string;
  due_at: string;
  status: 'open' | 'responded' | 'resolved' | 'escalated';
  assignee_id: string | null;
  response: string | null;
  resolved_at: string | null;
  created_by: string;
}

export const complaintsRepo = {
  insert(db: Db, c: ComplaintRow): void {
    stmt(
      db,
      `INSERT INTO complaints (id, case_id, category, channel, description, opened_at, due_at, status, assignee_id, response,
         resolved_at, created_by)
       VALUES (@id, @case_id, @category, @channel, @description, @opened_at, @due_at, @status, @assignee_id, @response,
         @resolved_at, @created_by)`,
    ).run(c);
  },
  byCase(db: Db, caseId: string): ComplaintRow[] {
    return stmt(db, 'SELECT * FROM complaints WHERE case_id = ? ORDER BY opened_at').all(caseId) as ComplaintRow[];
  },
  byId(db: Db, id: string): ComplaintRow | undefined {
    return stmt(db, 'SELECT * FROM complaints WHERE id = ?').get(id) as ComplaintRow | undefined;
  },
  openCount(db: Db, caseId: string): number {
    return (
      stmt(db, "SELECT count(*) AS n FROM complaints WHERE case_id = ? AND status IN ('open','responded','escalated')").get(
        caseId,
      ) as { n: number }
    ).n;
  },
  update(db: Db, id: string, f: { status: ComplaintRow['status']; response: string | null; resolved_at: string | null; assignee_id: string | null }): void {
    stmt(
      db,
      'UPDATE complaints SET status = @status, response = @response, resolved_at = @resolved_at, assignee_id = @assignee_id WHERE id = @id',
    ).run({ ...f, id });
  },
};
