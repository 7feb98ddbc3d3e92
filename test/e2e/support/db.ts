/** Read-only looks into the app's own database file, to check what the UI claims was written. */
import path from 'node:path';
import Database from 'better-sqlite3';

export function readDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'casedesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A China-placement case of the signed-in team that may be called now, with no pause flags. */
export function contactableCnCase(dataDir: string, now: string): { id: string; reference: string; name: string } {
  return readDb(dataDir, (db) =>
    db
      .prepare(
        `SELECT c.id, c.reference, b.full_name AS name FROM cases c JOIN borrowers b ON b.id = c.borrower_id
         WHERE c.reference LIKE 'AX-%' AND c.status = 'open' AND c.next_contact_at <= ? AND c.flag_dispute = 0
           AND c.flag_cease = 0 AND c.flag_hardship = 0 AND b.vulnerabilities_json = '[]'
           AND (SELECT count(*) FROM borrowers b2 WHERE b2.full_name = b.full_name) = 1
         ORDER BY c.reference LIMIT 1`,
      )
      .get(now) as { id: string; reference: string; name: string },
  );
}
