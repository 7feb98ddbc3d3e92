import type { Db } from '../open';
import { stmt } from './statements';

/** One of a borrower's cases with what its retention depends on. */
export interface RetentionCase {
  case_id: string;
  borrower_id: string;
  placement_id: string;
  reference: string;
  status: 'open' | 'promise' | 'plan' | 'closed' | 'recalled';
  updated_at: string;
  recalled_at: string | null;
  /** The latest recorded activity's instant, if any. */
  last_activity_at: string | null;
  preset: 'cn' | 'us-regf' | 'uk-conc';
  policy_json: string;
  policy_version: string;
  retention_days: number;
  borrower_purged_at: string | null;
}

export const PURGED = '[purged]';

export const privacyRepo = {
  /**
   * Borrowers not yet purged whose every case is closed or recalled and past its placement's
   * retention_days. Only a narrowing: the service decides per borrower, with the rule set's
   * retention period as well (see canPurgeBorrower).
   */
  lenderExpiredBorrowers(db: Db, now: string): string[] {
    return (
      stmt(
        db,
        `SELECT DISTINCT c.borrower_id FROM cases c
           JOIN placements p ON p.id = c.placement_id JOIN borrowers b ON b.id = c.borrower_id
         WHERE c.status IN ('closed','recalled') AND b.purged_at IS NULL
           AND julianday(@now) - julianday(coalesce(c.recalled_at, c.updated_at)) >= p.retention_days
           AND NOT EXISTS (SELECT 1 FROM cases o JOIN placements op ON op.id = o.placement_id
                           WHERE o.borrower_id = c.borrower_id
                             AND (o.status NOT IN ('closed','recalled')
                                  OR julianday(@now) - julianday(coalesce(o.recalled_at, o.updated_at)) < op.retention_days))
         ORDER BY c.borrower_id`,
      ).all({ now }) as { borrower_id: string }[]
    ).map((r) => r.borrower_id);
  },
  /** Every case of one borrower, with its placement's retention terms and its last activity. */
  borrowerCases(db: Db, borrowerId: string): RetentionCase[] {
    return stmt(
      db,
      `SELECT c.id AS case_id, c.borrower_id, c.placement_id, c.reference, c.status, c.updated_at, c.recalled_at,
              (SELECT max(a.at) FROM activities a WHERE a.case_id = c.id) AS last_activity_at,
              p.preset, p.policy_json, p.policy_version, p.retention_days, b.purged_at AS borrower_purged_at
         FROM cases c JOIN placements p ON p.id = c.placement_id JOIN borrowers b ON b.id = c.borrower_id
       WHERE c.borrower_id = ? ORDER BY c.id`,
    ).all(borrowerId) as RetentionCase[];
  },
  purgeBorrower(db: Db, borrowerId: string, now: string): void {
    stmt(db, `UPDATE borrowers SET full_name = '${PURGED}', national_id = '', address = '', vulnerabilities_json = '[]', purged_at = ? WHERE id = ?`).run(now, borrowerId);
    stmt(db, `UPDATE contact_points SET value = '${PURGED}', label = '' WHERE borrower_id = ?`).run(borrowerId);
  },
  purgeCaseText(db: Db, caseId: string): void {
    stmt(db, `UPDATE activities SET text = '${PURGED}' WHERE case_id = ? AND text IS NOT NULL AND text <> '${PURGED}'`).run(caseId);
    stmt(db, `UPDATE complaints SET description = '${PURGED}', response = CASE WHEN response IS NULL THEN NULL ELSE '${PURGED}' END WHERE case_id = ?`).run(caseId);
    stmt(db, `UPDATE cases SET affordability_json = NULL, assessment_json = NULL WHERE id = ?`).run(caseId);
    // A callback's note is free text like an activity's (migration 12 lets only the note change once closed).
    stmt(db, `UPDATE callbacks SET note = '${PURGED}' WHERE case_id = ? AND note <> '' AND note <> '${PURGED}'`).run(caseId);
    stmt(db, 'DELETE FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)').run(caseId);
  },
};
