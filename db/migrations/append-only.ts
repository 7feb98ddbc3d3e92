/**
 * Append-only guards as SQL text for migrations, so every append-only table is guarded the same way.
 *
 * UPDATE and DELETE triggers alone do not make a table append-only: `INSERT OR REPLACE` (and
 * `REPLACE`, and an upsert's REPLACE resolution) deletes the colliding row without firing any
 * DELETE trigger unless `PRAGMA recursive_triggers` is on — and a plain SQLite client does not turn
 * it on. A BEFORE INSERT trigger fires before conflict resolution whatever the pragmas, so it can
 * refuse any insert whose key (rowid, primary key or any UNIQUE column set) is already taken:
 * nothing is ever replaced.
 */
import type { Db } from '../open';

/** A unique key of a table: the column or columns a REPLACE would collide on. */
export type UniqueKey = readonly string[];

export interface RefuseReplaceOptions {
  /**
   * SQL condition over NEW (and the table) under which a colliding insert is a harmless replay to
   * skip (RAISE(IGNORE): the row already there stays as it is) instead of an error. For upserts
   * that rely on `ON CONFLICT DO NOTHING`; never a way to change a row.
   */
  replayWhen?: string;
}

const keyTaken = (table: string, key: UniqueKey): string =>
  `EXISTS (SELECT 1 FROM ${table} WHERE ${key.map((c) => `${c} = NEW.${c}`).join(' AND ')})`;

/**
 * A BEFORE INSERT trigger `<table>_no_replace` refusing any insert that collides with an existing
 * row on its rowid or on any of `keys`. One EXISTS per key, so each is one index probe.
 */
export function refuseReplace(table: string, keys: readonly UniqueKey[], opts: RefuseReplaceOptions = {}): string {
  const collides = [['rowid'], ...keys].map((k) => keyTaken(table, k)).join('\n  OR ');
  const replay = opts.replayWhen ? `SELECT RAISE(IGNORE) WHERE ${opts.replayWhen};\n  ` : '';
  return `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN ${collides}
BEGIN
  ${replay}SELECT RAISE(ABORT, '${table} is append-only: a row with this key exists and cannot be replaced');
END;`;
}

/** UPDATE and DELETE refused outright. */
export function refuseChange(table: string): string {
  return `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows cannot be changed'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows cannot be deleted'); END;`;
}

/**
 * Every guard of a new append-only table: no UPDATE, no DELETE, no REPLACE. `keys` lists its
 * primary key and every UNIQUE column set (the rowid is always included).
 */
export function appendOnly(table: string, keys: readonly UniqueKey[], opts: RefuseReplaceOptions = {}): string {
  return refuseChange(table) + refuseReplace(table, keys, opts);
}

/**
 * The activities UPDATE guard: the one change allowed is a retention purge blanking the free text
 * to '[purged]' — every other column (and the rowid) unchanged — while the chain's latest record
 * is that case's `purge` record. The purge appends that record and then blanks the text in one
 * transaction (main/backend/services/privacy.ts), so blanking without a purge record is refused.
 *
 * `columns` must list every column of activities except `text`: assertActivitiesFrozen checks it
 * against the live table at every open, so a column added later without re-creating this trigger
 * stops the database from opening instead of being silently mutable.
 */
export const PURGED_TEXT = '[purged]';

export function activitiesUpdateGuard(columns: readonly string[]): string {
  const same = ['rowid', ...columns].map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
  return `
DROP TRIGGER IF EXISTS activities_no_update;
CREATE TRIGGER activities_no_update BEFORE UPDATE ON activities
WHEN NOT (
  OLD.text IS NOT NULL AND NEW.text IS '${PURGED_TEXT}' AND ${same}
  AND EXISTS (SELECT 1 FROM chain WHERE seq = (SELECT max(seq) FROM chain) AND record_type = 'purge' AND case_id = NEW.case_id)
)
BEGIN SELECT RAISE(ABORT, 'activities is append-only: rows cannot be changed (only a retention purge may blank the text)'); END;`;
}

export class AppendOnlyGuardError extends Error {
  override readonly name = 'AppendOnlyGuardError';
}

/**
 * Throws when the activities UPDATE guard leaves some column of the table mutable. Run after the
 * migrations (db/open.ts).
 */
export function assertActivitiesFrozen(db: Db): void {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'activities_no_update'").get() as { sql: string } | undefined;
  // Before migration 4 the trigger refuses every UPDATE: nothing to check.
  if (!trigger || !trigger.sql.includes(PURGED_TEXT)) return;
  const columns = (db.prepare("SELECT name FROM pragma_table_info('activities')").all() as { name: string }[]).map((r) => r.name);
  const loose = columns.filter((c) => c !== 'text' && !trigger.sql.includes(`NEW.${c} IS OLD.${c}`));
  if (loose.length > 0) {
    throw new AppendOnlyGuardError(
      `activities_no_update does not freeze ${loose.join(', ')}: re-create it with activitiesUpdateGuard(every column but text) in the migration that added them`,
    );
  }
}
