/**
 * The full-text index row of a case now has the case's own rowid, so updating one case's entry is
 * a rowid lookup instead of a scan of the whole index (case_id is UNINDEXED in FTS5).
 */
export const name = 'search_rowid';
export const sql = /* sql */ `
CREATE TEMP TABLE case_search_rekey AS
  SELECT c.rowid AS rid, s.case_id, s.reference, s.name, s.notes FROM case_search s JOIN cases c ON c.id = s.case_id;
DELETE FROM case_search;
INSERT INTO case_search (rowid, case_id, reference, name, notes) SELECT rid, case_id, reference, name, notes FROM case_search_rekey;
DROP TABLE temp.case_search_rekey;
`;
