/**
 * Reads for the work loop (`cases.next`): the candidates of each kind, the last call attempt of a
 * case, and who has a case open. Ordering and skipping are decided in common/domain/cases/next.ts.
 */
import type { Db } from '../open';
import { stmt } from './statements';

export interface NextCandidateRow {
  case_id: string;
  reference: string;
  preset: 'cn' | 'us-regf' | 'uk-conc';
  next_contact_at: string | null;
  /** callback: its due instant; promise/installment: its due date; queue: the priority. */
  sort_key: string | number;
  callback_id?: string;
}

/** Assignee filter: null = everyone (admin). */
function assigneeClause(assigneeIds: string[] | null): string {
  if (assigneeIds === null) return '1';
  return 'c.assignee_id IN (SELECT value FROM json_each(@assignees))';
}

const WORKABLE = `c.status IN ('open','promise','plan')`;

export const nextRepo = {
  callbacksDue(db: Db, assigneeIds: string[] | null, now: string, placementId: string | null, limit: number): NextCandidateRow[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, p.preset, c.next_contact_at, k.due_at AS sort_key, k.id AS callback_id
       FROM callbacks k JOIN cases c ON c.id = k.case_id JOIN placements p ON p.id = c.placement_id
       WHERE k.status = 'due' AND k.due_at <= @now AND ${WORKABLE} AND ${assigneeClause(assigneeIds)}
         AND (@placementId IS NULL OR c.placement_id = @placementId)
       ORDER BY k.due_at, k.id LIMIT @limit`,
    ).all({ now, placementId, limit, assignees: JSON.stringify(assigneeIds ?? []) }) as NextCandidateRow[];
  },

  /** Open promises of one placement due between two local dates (inclusive), earliest first. */
  promisesDue(db: Db, assigneeIds: string[] | null, placementId: string, from: string, to: string, limit: number): NextCandidateRow[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, p.preset, c.next_contact_at, min(pr.due_date) AS sort_key
       FROM promises pr JOIN cases c ON c.id = pr.case_id JOIN placements p ON p.id = c.placement_id
       WHERE pr.status IN ('open','broken') AND pr.due_date BETWEEN @from AND @to AND c.placement_id = @placementId
         AND ${WORKABLE} AND ${assigneeClause(assigneeIds)}
       GROUP BY c.id ORDER BY sort_key, c.priority DESC, c.id LIMIT @limit`,
    ).all({ placementId, from, to, limit, assignees: JSON.stringify(assigneeIds ?? []) }) as NextCandidateRow[];
  },

  /** Installments of active plans of one placement, unpaid, due between two local dates (inclusive). */
  installmentsDue(db: Db, assigneeIds: string[] | null, placementId: string, from: string, to: string, limit: number): NextCandidateRow[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, p.preset, c.next_contact_at, min(i.due_date) AS sort_key
       FROM installments i JOIN payment_plans pl ON pl.id = i.plan_id JOIN cases c ON c.id = pl.case_id
       JOIN placements p ON p.id = c.placement_id
       WHERE pl.status = 'active' AND i.status IN ('due','partial','broken') AND i.due_date BETWEEN @from AND @to
         AND c.placement_id = @placementId AND ${WORKABLE} AND ${assigneeClause(assigneeIds)}
       GROUP BY c.id ORDER BY sort_key, c.priority DESC, c.id LIMIT @limit`,
    ).all({ placementId, from, to, limit, assignees: JSON.stringify(assigneeIds ?? []) }) as NextCandidateRow[];
  },

  /** The prioritised queue's lawful-now cases, a window at a time (walks cases_queue_order). */
  queueWindow(db: Db, assigneeIds: string[] | null, now: string, placementId: string | null, offset: number, limit: number): NextCandidateRow[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, p.preset, c.next_contact_at, c.priority AS sort_key
       FROM cases c INDEXED BY cases_queue_order JOIN placements p ON p.id = c.placement_id
       WHERE ${WORKABLE} AND ${assigneeClause(assigneeIds)} AND c.next_contact_at <= @now
         AND (@placementId IS NULL OR c.placement_id = @placementId)
       ORDER BY c.priority DESC, c.id LIMIT @limit OFFSET @offset`,
    ).all({ now, placementId, limit, offset, assignees: JSON.stringify(assigneeIds ?? []) }) as NextCandidateRow[];
  },

  /** The earliest later lawful contact among the workable cases (for "nothing now; next at …"). */
  earliestLaterContact(db: Db, assigneeIds: string[] | null, now: string, placementId: string | null): string | null {
    const row = stmt(
      db,
      `SELECT min(c.next_contact_at) AS at FROM cases c
       WHERE ${WORKABLE} AND ${assigneeClause(assigneeIds)} AND c.next_contact_at > @now
         AND (@placementId IS NULL OR c.placement_id = @placementId)`,
    ).get({ now, placementId, assignees: JSON.stringify(assigneeIds ?? []) }) as { at: string | null };
    return row.at;
  },

  lastCallAttempt(db: Db, caseId: string): { at: string; result: string } | null {
    const row = stmt(
      db,
      `SELECT at, result FROM activities WHERE case_id = ? AND channel IN ('call','visit') AND direction = 'outbound'
       ORDER BY at DESC LIMIT 1`,
    ).get(caseId) as { at: string; result: string } | undefined;
    return row ?? null;
  },

  claimOf(db: Db, caseId: string): { userId: string; expiresAt: string } | null {
    const row = stmt(db, 'SELECT user_id AS userId, expires_at AS expiresAt FROM case_claims WHERE case_id = ?').get(caseId) as
      | { userId: string; expiresAt: string }
      | undefined;
    return row ?? null;
  },

  claim(db: Db, caseId: string, userId: string, expiresAt: string): void {
    stmt(
      db,
      `INSERT INTO case_claims (case_id, user_id, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at`,
    ).run(caseId, userId, expiresAt);
  },
};
