/**
 * The default queue page in index order. The queue sorts lawful-now first, then priority DESC, id;
 * the first half depends on "now", so no index can hold it — but each half alone is in
 * (priority DESC, id) order. The queue reads each half by walking this index and stops after one
 * page, instead of sorting every case of the team (100,000 rows) per page. The filter columns
 * ride along so rows that do not match are skipped without a table lookup.
 */
export const name = 'bench_indexes';
export const sql = /* sql */ `
CREATE INDEX cases_queue_order ON cases (priority DESC, id, status, assignee_id, next_contact_at, placement_id, dpd);
`;
