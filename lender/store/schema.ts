export const LENDER_SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS enrollment_codes (
  code TEXT PRIMARY KEY, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_by TEXT, used_at TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS workstations (
  id TEXT PRIMARY KEY, public_key_pem TEXT NOT NULL, name TEXT NOT NULL, enrolled_at TEXT NOT NULL, enrollment_code TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS placement_audiences (
  placement_id TEXT NOT NULL, audience TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (placement_id, audience)
) STRICT;
CREATE TABLE IF NOT EXISTS feed (
  cursor INTEGER PRIMARY KEY, audience TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, signature TEXT NOT NULL, created_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS feed_audience ON feed (audience, cursor);
CREATE TABLE IF NOT EXISTS log_leaves (leaf_index INTEGER PRIMARY KEY, leaf_hash BLOB NOT NULL, report_id TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY, workstation_id TEXT NOT NULL, placement_id TEXT NOT NULL, seq INTEGER NOT NULL,
  text TEXT NOT NULL, signature TEXT NOT NULL, head_seq INTEGER NOT NULL, head_hash TEXT NOT NULL,
  leaf_index INTEGER NOT NULL UNIQUE, receipt_payload TEXT NOT NULL, receipt_signature TEXT NOT NULL, accepted_at TEXT NOT NULL,
  UNIQUE (workstation_id, placement_id, seq)
) STRICT;
CREATE TABLE IF NOT EXISTS chain_points (
  workstation_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (workstation_id, seq)
) STRICT;
`;
