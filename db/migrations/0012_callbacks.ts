/**
 * Callbacks and the work loop's claims (issue 14).
 *
 * callbacks: a promise to call back at a borrower-local time, stored as the UTC instant with the
 * zone it was chosen in (shown in both zones). due → done or cancelled, once; nothing is deleted.
 * callbacks_due serves the "due now" list and the work loop (status = 'due', due_at <= now).
 *
 * case_claims: who has a case open, until when. One row per case, replaced by the next claim; an
 * expired claim is simply ignored, so nothing needs to clean it up.
 */
export const name = 'callbacks';
export const sql = /* sql */ `
CREATE TABLE callbacks (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases(id),
  due_at        TEXT NOT NULL,
  zone          TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT 'case' CHECK (source IN ('case','contact','promise')),
  created_by    TEXT NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due','done','cancelled')),
  closed_by     TEXT REFERENCES users(id),
  closed_at     TEXT,
  CHECK ((status = 'due') = (closed_at IS NULL))
) STRICT;
CREATE INDEX callbacks_due ON callbacks (status, due_at);
CREATE INDEX callbacks_case ON callbacks (case_id, status);

-- Only the note may change after closing (a retention purge blanks it); the schedule never changes.
CREATE TRIGGER callbacks_close_once BEFORE UPDATE ON callbacks
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.due_at IS NOT OLD.due_at OR NEW.zone IS NOT OLD.zone
  OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at OR NEW.source IS NOT OLD.source
  OR (OLD.status <> 'due' AND (NEW.status IS NOT OLD.status OR NEW.closed_at IS NOT OLD.closed_at OR NEW.closed_by IS NOT OLD.closed_by))
BEGIN SELECT RAISE(ABORT, 'a callback is closed once and its schedule never changes'); END;
CREATE TRIGGER callbacks_no_delete BEFORE DELETE ON callbacks
BEGIN SELECT RAISE(ABORT, 'callbacks are never deleted'); END;

CREATE TABLE case_claims (
  case_id     TEXT PRIMARY KEY REFERENCES cases(id),
  user_id     TEXT NOT NULL REFERENCES users(id),
  expires_at  TEXT NOT NULL
) STRICT;
`;
