/**
 * The default queue page without touching every case of the team (the benchmark: queue p95 ≤ 20 ms at
 * 100,000 cases).
 *
 * cases_queue_order: the queue sorts lawful-now first, then priority DESC, id. The first half
 * depends on "now", so no index can hold it — but each half alone is in (priority DESC, id) order.
 * The queue reads each half by walking this index and stops after one page, instead of sorting
 * every case of the team per page. The filter columns ride along so rows that do not match are
 * skipped without a table lookup.
 *
 * case_counts: the page's total. count(*) over a team's 100,000 cases visits 100,000 index entries
 * on every page (~3 ms, most of the request); these per (assignee, placement, status) tallies,
 * kept by triggers in the same transaction as the change, answer the common filters exactly from
 * a few dozen rows. Filters on other columns still count the cases.
 */
export const name = 'bench_indexes';
export const sql = /* sql */ `
CREATE INDEX cases_queue_order ON cases (priority DESC, id, status, assignee_id, next_contact_at, placement_id, dpd);

-- assignee_key: the assignee's id, or '' for an unassigned case (a key column cannot be NULL).
CREATE TABLE case_counts (
  assignee_key TEXT NOT NULL,
  placement_id TEXT NOT NULL,
  status       TEXT NOT NULL,
  n            INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (assignee_key, placement_id, status)
) STRICT;

INSERT INTO case_counts (assignee_key, placement_id, status, n)
  SELECT COALESCE(assignee_id, ''), placement_id, status, count(*) FROM cases GROUP BY 1, 2, 3;

CREATE TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_counts (assignee_key, placement_id, status, n) VALUES (COALESCE(NEW.assignee_id, ''), NEW.placement_id, NEW.status, 1)
    ON CONFLICT (assignee_key, placement_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN
  UPDATE case_counts SET n = n - 1
    WHERE assignee_key = COALESCE(OLD.assignee_id, '') AND placement_id = OLD.placement_id AND status = OLD.status;
END;

CREATE TRIGGER case_counts_update AFTER UPDATE OF assignee_id, placement_id, status ON cases
  WHEN OLD.assignee_id IS NOT NEW.assignee_id OR OLD.placement_id IS NOT NEW.placement_id OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE case_counts SET n = n - 1
    WHERE assignee_key = COALESCE(OLD.assignee_id, '') AND placement_id = OLD.placement_id AND status = OLD.status;
  INSERT INTO case_counts (assignee_key, placement_id, status, n) VALUES (COALESCE(NEW.assignee_id, ''), NEW.placement_id, NEW.status, 1)
    ON CONFLICT (assignee_key, placement_id, status) DO UPDATE SET n = n + 1;
END;
`;
