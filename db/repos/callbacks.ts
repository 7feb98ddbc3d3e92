/** Callbacks (migration 12): scheduled, listed, closed once. No business rules here. */
import type { Db } from '../open';
import { stmt } from './statements';

export interface CallbackRow {
  id: string;
  case_id: string;
  due_at: string;
  zone: string;
  note: string;
  source: 'case' | 'contact' | 'promise';
  created_by: string;
  created_at: string;
  status: 'due' | 'done' | 'cancelled';
  closed_by: string | null;
  closed_at: string | null;
}

export type CallbackWithRef = CallbackRow & { reference: string };

export interface CallbackFilter {
  assigneeIds: string[] | null;
  caseId?: string;
  status?: CallbackRow['status'];
  dueBy?: string;
  limit: number;
}

export const callbacksRepo = {
  insert(db: Db, r: Omit<CallbackRow, 'status' | 'closed_by' | 'closed_at'>): void {
    stmt(
      db,
      `INSERT INTO callbacks (id, case_id, due_at, zone, note, source, created_by, created_at)
       VALUES (@id, @case_id, @due_at, @zone, @note, @source, @created_by, @created_at)`,
    ).run(r);
  },
  byId(db: Db, id: string): CallbackWithRef | undefined {
    return stmt(db, 'SELECT k.*, c.reference FROM callbacks k JOIN cases c ON c.id = k.case_id WHERE k.id = ?').get(id) as
      | CallbackWithRef
      | undefined;
  },
  /** Closes a due callback; false when it was not due (already closed). */
  close(db: Db, id: string, status: 'done' | 'cancelled', by: string, at: string): boolean {
    return stmt(db, `UPDATE callbacks SET status = ?, closed_by = ?, closed_at = ? WHERE id = ? AND status = 'due'`).run(status, by, at, id).changes === 1;
  },
  list(db: Db, f: CallbackFilter): CallbackWithRef[] {
    return stmt(
      db,
      `SELECT k.*, c.reference FROM callbacks k JOIN cases c ON c.id = k.case_id
       WHERE (@all = 1 OR c.assignee_id IN (SELECT value FROM json_each(@assignees)))
         AND (@caseId IS NULL OR k.case_id = @caseId)
         AND (@status IS NULL OR k.status = @status)
         AND (@dueBy IS NULL OR k.due_at <= @dueBy)
       ORDER BY k.due_at, k.id LIMIT @limit`,
    ).all({
      all: f.assigneeIds === null ? 1 : 0,
      assignees: JSON.stringify(f.assigneeIds ?? []),
      caseId: f.caseId ?? null,
      status: f.status ?? null,
      dueBy: f.dueBy ?? null,
      limit: f.limit,
    }) as CallbackWithRef[];
  },
};
