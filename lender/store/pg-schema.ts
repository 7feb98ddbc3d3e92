/**
 * The lender's PostgreSQL schema: the same tables as the SQLite store (schema.ts), in PostgreSQL's
 * types. Migrations are numbered and applied once each, recorded in `schema_migrations`, under an
 * advisory lock so two lender instances starting together do not race.
 */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'core',
    sql: /* sql */ `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE enrollment_codes (
  code TEXT PRIMARY KEY, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_by TEXT, used_at TEXT
);
CREATE TABLE workstations (
  id TEXT PRIMARY KEY, public_key_pem TEXT NOT NULL, name TEXT NOT NULL, enrolled_at TEXT NOT NULL, enrollment_code TEXT NOT NULL
);
CREATE TABLE placement_audiences (
  placement_id TEXT NOT NULL, audience TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (placement_id, audience)
);
CREATE TABLE feed (
  cursor BIGSERIAL PRIMARY KEY, audience TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, signature TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX feed_audience ON feed (audience, cursor);
CREATE TABLE log_leaves (leaf_index BIGINT PRIMARY KEY, leaf_hash BYTEA NOT NULL, report_id TEXT NOT NULL UNIQUE);
CREATE TABLE reports (
  id TEXT PRIMARY KEY, workstation_id TEXT NOT NULL, placement_id TEXT NOT NULL, seq BIGINT NOT NULL,
  text TEXT NOT NULL, signature TEXT NOT NULL, head_seq BIGINT NOT NULL, head_hash TEXT NOT NULL,
  leaf_index BIGINT NOT NULL UNIQUE, receipt_payload TEXT NOT NULL, receipt_signature TEXT NOT NULL, accepted_at TEXT NOT NULL,
  UNIQUE (workstation_id, placement_id, seq)
);
CREATE TABLE chain_points (
  workstation_id TEXT NOT NULL, seq BIGINT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (workstation_id, seq)
);
`,
  },
];

/** Any fixed number: the key of the advisory lock that serialises migrations across instances. */
export const MIGRATION_LOCK = 727_001;
/** The advisory lock that serialises appends to the Merkle log (one log, one tail). */
export const LOG_APPEND_LOCK = 727_002;
