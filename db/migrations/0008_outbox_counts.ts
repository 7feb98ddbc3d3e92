/**
 * outbox_counts: how many changes of each kind wait for the lender. The sync status (the top
 * bar's pill, every 15 s, and each sync round) asked count(*) over every unsent outbox row; on a
 * workstation that has been offline with a large book that is a million rows and a second of a
 * frozen backend. These per-kind tallies, kept by triggers in the same transaction as the change,
 * answer it exactly from a few rows.
 *
 * outbox_kind_pending: the reports waiting (pushed in order, and the refused ones counted for the
 * status) are found by kind without walking every unsent chain record before them.
 */
export const name = 'outbox_counts';
export const sql = /* sql */ `
CREATE INDEX outbox_kind_pending ON outbox (kind, sent_at, seq);

CREATE TABLE outbox_counts (
  kind TEXT PRIMARY KEY,
  n    INTEGER NOT NULL CHECK (n >= 0)
) STRICT;

INSERT INTO outbox_counts (kind, n) SELECT kind, count(*) FROM outbox WHERE sent_at IS NULL GROUP BY kind;

CREATE TRIGGER outbox_counts_insert AFTER INSERT ON outbox WHEN NEW.sent_at IS NULL BEGIN
  INSERT INTO outbox_counts (kind, n) VALUES (NEW.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outbox_counts_delete AFTER DELETE ON outbox WHEN OLD.sent_at IS NULL BEGIN
  UPDATE outbox_counts SET n = n - 1 WHERE kind = OLD.kind;
END;

CREATE TRIGGER outbox_counts_update AFTER UPDATE OF kind, sent_at ON outbox
  WHEN (OLD.sent_at IS NULL) <> (NEW.sent_at IS NULL) OR OLD.kind IS NOT NEW.kind
BEGIN
  UPDATE outbox_counts SET n = n - 1 WHERE kind = OLD.kind AND OLD.sent_at IS NULL;
  INSERT INTO outbox_counts (kind, n) SELECT NEW.kind, 1 WHERE NEW.sent_at IS NULL
    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;
`;
