/** Phone contact points of visible, workable-or-closed cases, for the inbound-call lookup. */
import type { Db } from '../open';
import { stmt } from './statements';

export interface PhoneCaseRow {
  case_id: string;
  reference: string;
  status: string;
  placement_code: string;
  full_name: string;
  contact_point_id: string;
  kind: 'mobile' | 'phone' | 'workplace';
  value: string;
}

export const phoneLookupRepo = {
  /**
   * Candidates whose number ends with `tail` once spaces, dashes, dots, brackets and "+" are
   * dropped (the service then matches on digits alone). Purged borrowers have no contact points.
   */
  byTail(db: Db, assigneeIds: string[] | null, tail: string, limit: number): PhoneCaseRow[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.reference, c.status, p.code AS placement_code, b.full_name,
              cp.id AS contact_point_id, cp.kind, cp.value
       FROM contact_points cp JOIN borrowers b ON b.id = cp.borrower_id JOIN cases c ON c.borrower_id = b.id
       JOIN placements p ON p.id = c.placement_id
       WHERE cp.kind IN ('mobile','phone','workplace')
         AND replace(replace(replace(replace(replace(replace(cp.value,' ',''),'-',''),'+',''),'(',''),')',''),'.','') LIKE '%' || @tail
         AND (@all = 1 OR c.assignee_id IN (SELECT value FROM json_each(@assignees)))
       ORDER BY c.status = 'closed', c.reference LIMIT @limit`,
    ).all({ tail, limit, all: assigneeIds === null ? 1 : 0, assignees: JSON.stringify(assigneeIds ?? []) }) as PhoneCaseRow[];
  },
};
