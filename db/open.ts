/**
 * Opening the database: the key (when encrypted), pragmas, then pending migrations. One writer
 * connection per process. A database written by a newer CaseDesk is refused rather than
 * half-understood.
 *
 * One driver for every database, plain and encrypted: better-sqlite3-multiple-ciphers (the
 * SQLite3MultipleCiphers build of better-sqlite3, same API), so there is one native module to build
 * for Electron. Encrypted files use AEGIS-256 with a raw 256-bit key: every page (and WAL frame) is
 * encrypted and authenticated; the key is random, so no KDF runs at open. AEGIS rather than the
 * SQLCipher scheme because of cost: SQLCipher's AES-CBC + HMAC-SHA512 per page made logging a
 * contact ~1.35× slower, AEGIS (AES-NI) ~1.05× (README "Encryption at rest"). Files encrypted by
 * the builds before AEGIS stay under the SQLCipher scheme they were made with (DbCipher below).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, checkRegistry, type Migration } from './migrations';
import { assertActivitiesFrozen } from './migrations/append-only';

/**
 * The connection type every repository uses. It is better-sqlite3's API, which the ciphers build
 * implements whole, so code and tests that open a plain file with better-sqlite3 itself still fit.
 */
export type Db = BetterSqlite3.Database;

/** Database keys are 32 random bytes (AEGIS-256). */
export const DB_KEY_BYTES = 32;

/**
 * How a key is applied to the pages, recorded per data folder in its key store (keystore.json's
 * `cipher`). New files get AEGIS-256; 'sqlcipher4-raw-key' is what builds before AEGIS wrote, and
 * such a file keeps it (a re-key stays within the scheme the connection was opened with).
 */
export const DB_CIPHERS = ['aegis256-raw-key', 'sqlcipher4-raw-key'] as const;
export type DbCipher = (typeof DB_CIPHERS)[number];
export const DEFAULT_CIPHER: DbCipher = 'aegis256-raw-key';

export const isDbCipher = (value: unknown): value is DbCipher => (DB_CIPHERS as readonly unknown[]).includes(value);

/** The page cipher's pragmas, set before the key. */
const CIPHER_PRAGMAS: Record<DbCipher, readonly string[]> = {
  'aegis256-raw-key': [`cipher = 'aegis'`, `algorithm = 'aegis-256'`],
  // Exactly what the earlier builds set: SQLite3MultipleCiphers' SQLCipher scheme with its default
  // (SQLCipher 4) parameters. Not `legacy = 4`: that reads those files as "not a database".
  'sqlcipher4-raw-key': [`cipher = 'sqlcipher'`],
};

/** An unlocked database key and the scheme its file is under: spreads into OpenOptions. */
export interface DatabaseKey {
  key: Buffer;
  cipher: DbCipher;
}

export interface OpenOptions {
  /** Path to a native binding built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
  migrations?: readonly Migration[];
  /** 32 random bytes: open (or create) the file encrypted. Absent: a plain SQLite file. */
  key?: Buffer;
  /** With `key`: the scheme the file is under (its key store says). Default: AEGIS-256, what new files get. */
  cipher?: DbCipher;
}

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
}

/** Also thrown for a plain file opened with a key and an encrypted file opened without one. */
export class WrongKeyError extends Error {
  override readonly name = 'WrongKeyError';
  constructor(message = 'the database key is wrong or the file is not a CaseDesk database') {
    super(message);
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db: Db = new Database(file, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    if (opts.key) applyKey(db, opts.key, opts.cipher ?? DEFAULT_CIPHER);
    verifyReadable(db, opts.key !== undefined);
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // FULL: a committed contact survives power loss, not only a crash (the record is the product).
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // 32 MiB of page cache (default 2 MiB): a case's history is a handful of scattered rows in a
    // million-row table, read on every contact; keeping hot pages in memory halves the work.
    db.pragma('cache_size = -32768');
    migrate(db, opts.migrations ?? MIGRATIONS);
    assertActivitiesFrozen(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function keyLiteral(key: Buffer): string {
  if (key.length !== DB_KEY_BYTES) throw new Error(`a database key must be ${DB_KEY_BYTES} bytes, got ${key.length}`);
  // x'…' is the raw-key form: used as the cipher key directly, no passphrase KDF.
  return `"x'${key.toString('hex')}'"`;
}

function cipherPragmas(cipher: DbCipher): readonly string[] {
  // The type says it is known; a value that came from a file unchecked must still not open as AEGIS.
  if (!isDbCipher(cipher)) throw new Error(`unknown database cipher ${JSON.stringify(cipher)}`);
  return CIPHER_PRAGMAS[cipher];
}

/** Must run before any other statement: the first page read decides which codec the file gets. */
function applyKey(db: Db, key: Buffer, cipher: DbCipher): void {
  for (const p of cipherPragmas(cipher)) db.pragma(p);
  db.pragma(`key = ${keyLiteral(key)}`);
}

/** SQLite reads page 1 lazily; touch the schema now so a wrong key fails here, clearly. */
function verifyReadable(db: Db, keyed: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_NOTADB') {
      throw new WrongKeyError(
        keyed
          ? undefined
          : 'the file is not a plain SQLite database (if it is an encrypted CaseDesk database, open it with its key)',
      );
    }
    throw err;
  }
}

/**
 * Re-encrypts every page under newKey, in the scheme the connection was opened with (a file made
 * under SQLCipher stays under SQLCipher). SQLite3MultipleCiphers cannot re-key in WAL mode, so the
 * database leaves WAL for the re-key (a rollback journal makes the rewrite atomic: a crash midway
 * rolls back to the old key on the next open) and returns to WAL after. Needs the only connection.
 */
export function rekey(db: Db, newKey: Buffer): void {
  const literal = keyLiteral(newKey);
  if (db.inTransaction) throw new Error('cannot re-key inside a transaction');
  const wasWal = String(db.pragma('journal_mode', { simple: true })) === 'wal';
  if (wasWal) {
    const mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
    if (mode !== 'delete') throw new Error('cannot leave WAL mode to re-key: another connection has the database open');
  }
  try {
    db.pragma(`rekey = ${literal}`);
  } finally {
    if (wasWal) db.pragma('journal_mode = WAL');
  }
  verifyReadable(db, true);
}

/**
 * Whether `key` opens the file, without migrating it. Reading the schema also rolls back a re-key
 * interrupted by a crash (its hot journal), which needs the key the file had before.
 */
export function keyOpens(file: string, key: Buffer, nativeBinding?: string, cipher: DbCipher = DEFAULT_CIPHER): boolean {
  const db: Db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    applyKey(db, key, cipher);
    verifyReadable(db, true);
    return true;
  } catch (err) {
    if (err instanceof WrongKeyError) return false;
    throw err;
  } finally {
    db.close();
  }
}

/** Encrypts a plain file in place under `key`, with AEGIS-256 (the file must not be open elsewhere, nor in WAL mode). */
export function encryptPlainFile(file: string, key: Buffer, nativeBinding?: string): void {
  const db: Db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    verifyReadable(db, false);
    // The scheme is chosen before the re-key that turns the plain pages into encrypted ones.
    for (const p of cipherPragmas(DEFAULT_CIPHER)) db.pragma(p);
    rekey(db, key);
  } finally {
    db.close();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  checkRegistry(migrations);
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new DatabaseTooNewError(
      `this database is at schema version ${current}, newer than this CaseDesk understands (${latest}); upgrade CaseDesk`,
    );
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return latest;
}
