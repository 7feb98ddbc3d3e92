/**
 * The audit listing (audit.list) filters by period, action and outcome, newest first. audit_log had
 * no index but its primary key and id, so a filtered page that does not fill from the newest rows,
 * and every page's count, read the whole log: a row per audited act (every contact), a million rows
 * at bench scale, 100–230 ms to find a page and 110–200 ms to count it (after: ≤ 3 ms a page).
 *
 * Each index leads with the column a filter compares for equality (action, outcome) and then `at`,
 * and a rowid table's index entries end with the rowid (seq): so action = ? / outcome = ?, with or
 * without a period, is one index range already in (at, seq) order, and the listing's ORDER BY
 * at DESC, seq DESC reads a page off it and stops. audit_log_at serves a period alone and the
 * unfiltered page. Cost: three more index entries per audited act (~2.5 µs of CPU an appended row,
 * measured over 200,000 appends; each commit also writes the indexes' changed pages) and disk:
 * 115 MB for a million synthetic rows, where the table and its id index take 325 MB.
 */
export const name = 'audit_indexes';
export const sql = /* sql */ `
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_outcome ON audit_log (outcome, at);
`;
