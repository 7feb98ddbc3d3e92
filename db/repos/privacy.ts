import type { Db } from '../open';
import { stmt } from './statements';

export interface PurgeCandidate {
  case_id: string;
  borrower_id: string;
  placement_id: string;
  reference: string;
}

export const PURGED = '[purged]';

export const privacyRepo = {
  /** Closed or recalled cases whose last change is older than their placement's retention period. */
  expired(db: Db, now: string): PurgeCandidate[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.borrower_id, c.placement_id, c.reference FROM cases c
         JOIN placements p ON p.id = c.placement_id JOIN borrowers b ON b.id = c.borrower_id
       WHERE c.status IN ('closed','recalled') AND b.purged_at IS NULL
         AND julianday(@now) - julianday(coalesce(c.recalled_at, c.updated_at)) >= p.retention_days
         AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.borrower_id = c.borrower_id AND o.status NOT IN ('closed','recalled'))`,
    ).all({ now }) as PurgeCandidate[];
  },
  purgeBorrower(db: Db, borrowerId: string, now: string): void {
    stmt(db, `UPDATE borrowers SET full_name = '${PURGED}', national_id = '', address = '', vulnerabilities_json = '[]', purged_at = ? WHERE id = ?`).run(now, borrowerId);
    stmt(db, `UPDATE contact_points SET value = '${PURGED}', label = '' WHERE borrower_id = ?`).run(borrowerId);
  },
  purgeCaseText(db: Db, caseId: string): void {
    stmt(db, `UPDATE activities SET text = '${PURGED}' WHERE case_id = ? AND text IS NOT NULL AND text <> '${PURGED}'`).run(caseId);
    stmt(db, `UPDATE complaints SET description = '${PURGED}', response = CASE WHEN response IS NULL THEN NULL ELSE '${PURGED}' END WHERE case_id = ?`).run(caseId);
    stmt(db, `UPDATE cases SET affordability_json = NULL, assessment_json = NULL WHERE id = ?`).run(caseId);
    stmt(db, 'DELETE FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)').run(caseId);
  },
};
