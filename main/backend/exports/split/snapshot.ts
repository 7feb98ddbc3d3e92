/**
 * One snapshot read by two connections. In WAL mode each read transaction sees the database as of
 * its first read; better-sqlite3 does not expose sqlite3_snapshot_open, so the other connection
 * begins its transaction between two readings of PRAGMA data_version on this one: the first
 * outside any transaction, the second as this connection's transaction begins. data_version
 * changes exactly when another connection has committed in between, so equal readings mean no
 * commit came between them, and both transactions read the same database. When a commit slips in,
 * both begin again; no lock is taken, so the collectors' writes never wait for an export.
 */
import type { Db } from '../../../../db/open';

export interface OtherReader {
  /** Ends the other connection's read transaction, if any, and begins a new one (with a read). */
  begin(): Promise<void>;
}

const dataVersion = (db: Db): number => db.pragma('data_version', { simple: true }) as number;

/**
 * Leaves `db` inside a read transaction on the same snapshot as `other`'s, and returns how many
 * attempts that took; or returns null, with `db` outside any transaction, when writes kept
 * committing in between for `attempts` tries.
 */
export async function sharedSnapshot(db: Db, other: OtherReader, attempts = 20): Promise<number | null> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const before = dataVersion(db);
    await other.begin();
    db.exec('BEGIN');
    // The first read of the transaction: its snapshot is taken here.
    if (dataVersion(db) === before) return attempt;
    db.exec('COMMIT');
  }
  return null;
}
