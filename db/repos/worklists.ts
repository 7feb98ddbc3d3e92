/** Worklist reads (callbacks.worklist): promises due or broken, cases not touched lately. */
import type { Db } from '../open';
import { stmt } from './statements';

export interface WorklistRaw {
  case_id: string;
  reference: string;
  full_name: string;
  at: string | null;
}

const VISIBLE = '(@all = 1 OR c.assignee_id IN (SELECT value FROM json_each(@assignees)))';
const WORKABLE = `c.status IN ('open','promise','plan')`;
const JOIN_B = 'JOIN borrowers b ON b.id = c.borrower_id';

function scope(assigneeIds: string[] | null): { all: number; assignees: string } {
  return { all: assigneeIds === null ? 1 : 0, assignees: JSON.stringify(assigneeIds ?? []) };
}

export const worklistsRepo = {
  /** Open promises of one placement due on a local date. */
  promisesOn(db: Db, assigneeIds: string[] | null, placementId: string, date: string, limit: number): WorklistRaw[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, b.full_name, min(pr.due_date) AS at
       FROM promises pr JOIN cases c ON c.id = pr.case_id ${JOIN_B}
       WHERE pr.status = 'open' AND pr.due_date = @date AND c.placement_id = @placementId AND ${WORKABLE} AND ${VISIBLE}
       GROUP BY c.id ORDER BY c.priority DESC, c.id LIMIT @limit`,
    ).all({ ...scope(assigneeIds), placementId, date, limit }) as WorklistRaw[];
  },
  /** Promises of one placement marked broken, or still open after their due date. */
  brokenPromises(db: Db, assigneeIds: string[] | null, placementId: string, today: string, limit: number): WorklistRaw[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, b.full_name, max(pr.due_date) AS at
       FROM promises pr JOIN cases c ON c.id = pr.case_id ${JOIN_B}
       WHERE (pr.status = 'broken' OR (pr.status = 'open' AND pr.due_date < @today)) AND c.placement_id = @placementId
         AND ${WORKABLE} AND ${VISIBLE}
       GROUP BY c.id ORDER BY at DESC, c.id LIMIT @limit`,
    ).all({ ...scope(assigneeIds), placementId, today, limit }) as WorklistRaw[];
  },
  /** Workable cases with no contact since `since` (or never), least recently touched first. */
  untouchedSince(db: Db, assigneeIds: string[] | null, since: string, limit: number): WorklistRaw[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, b.full_name, c.last_contact_at AS at FROM cases c ${JOIN_B}
       WHERE ${WORKABLE} AND ${VISIBLE} AND (c.last_contact_at IS NULL OR c.last_contact_at < @since)
       ORDER BY c.last_contact_at IS NOT NULL, c.last_contact_at, c.priority DESC, c.id LIMIT @limit`,
    ).all({ ...scope(assigneeIds), since, limit }) as WorklistRaw[];
  },
  /** Callbacks due by `now`, with the borrower's name. */
  callbacksDue(db: Db, assigneeIds: string[] | null, now: string, limit: number): WorklistRaw[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, b.full_name, k.due_at AS at
       FROM callbacks k JOIN cases c ON c.id = k.case_id ${JOIN_B}
       WHERE k.status = 'due' AND k.due_at <= @now AND ${WORKABLE} AND ${VISIBLE}
       ORDER BY k.due_at, k.id LIMIT @limit`,
    ).all({ ...scope(assigneeIds), now, limit }) as WorklistRaw[];
  },
};
