/**
 * Converting a plain data folder to an encrypted one (`casedesk db encrypt`). The plain file is
 * copied, the copy encrypted in place (SQLite3MultipleCiphers re-keys a plain file into an encrypted
 * one), verified against the original, and only then swapped in. Order of writes:
 *   1. keystore.json.encrypting  (the new key, wrapped)
 *   2. casedesk.sqlite.encrypting renamed over casedesk.sqlite
 *   3. keystore.json.encrypting renamed to keystore.json; PLAIN marker removed
 * A crash before 2 leaves the plain database as it was; after 2, running the command again finishes 3.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { DB_KEY_BYTES, encryptPlainFile, openDatabase, type Db } from '../../../db/open';
import { fsyncDir, renameDurable, writeDurable } from './atomic-file';
import { DataDirModeError } from './errors';
import { databaseFile, keystoreFile, plainMarkerFile } from './files';
import { parseKeystore, serialize, type KdfCost } from './format';
import { buildKeystore } from './keystore';
import { unlockDoc } from './unwrap';
import { dataDirState } from './mode';

const suffix = '.encrypting';

/** Per table: row count and a digest of every row, in storage order (the copy keeps the page layout). */
function contentDigest(db: Db): Record<string, string> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
      rows++;
    }
    out[name] = `${rows}:${hash.digest('hex')}`;
  }
  return out;
}

/** Folds the WAL into the file and leaves WAL mode, so the file alone is the whole database. */
function settlePlainFile(file: string): Record<string, string> {
  const db = openDatabase(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (String(db.pragma('journal_mode = DELETE', { simple: true })) !== 'delete') {
      throw new DataDirModeError('the database is in use: close CaseDesk before encrypting it');
    }
    return contentDigest(db);
  } finally {
    db.close();
  }
}

export interface EncryptResult {
  recoveryCode: string | null;
  /** True when this run only finished an earlier, interrupted one. */
  resumed: boolean;
}

export async function encryptDataDir(dataDir: string, passphrase: string, opts: { kdf?: KdfCost; nativeBinding?: string } = {}): Promise<EncryptResult> {
  const file = databaseFile(dataDir);
  const pendingKeystore = keystoreFile(dataDir) + suffix;
  const state = dataDirState(dataDir);
  if (state.keystore) throw new DataDirModeError(`${dataDir} is already encrypted (it has keystore.json)`);
  if (state.database === 'encrypted' && fs.existsSync(pendingKeystore)) return finishInterrupted(dataDir, passphrase, opts.nativeBinding);
  if (state.database !== 'plain') throw new DataDirModeError(`${dataDir} has no plain database to encrypt (${state.database})`);

  const before = settlePlainFile(file);
  const copy = file + suffix;
  fs.copyFileSync(file, copy);
  const key = randomBytes(DB_KEY_BYTES);
  encryptPlainFile(copy, key, opts.nativeBinding);
  const encrypted = openDatabase(copy, { key, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    if (encrypted.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('the encrypted copy failed integrity_check; the plain database is untouched');
    if (JSON.stringify(contentDigest(encrypted)) !== JSON.stringify(before)) throw new Error('the encrypted copy differs from the original; the plain database is untouched');
    encrypted.pragma('journal_mode = DELETE');
  } finally {
    encrypted.close();
  }
  const { doc, recoveryCode } = await buildKeystore(key, { passphrase, ...(opts.kdf ? { kdf: opts.kdf } : {}) }, 1);
  writeDurable(pendingKeystore, serialize(doc));
  fsyncDir(dataDir);
  renameDurable(copy, file);
  finish(dataDir);
  return { recoveryCode, resumed: false };
}

function finish(dataDir: string): void {
  renameDurable(keystoreFile(dataDir) + suffix, keystoreFile(dataDir));
  fs.rmSync(plainMarkerFile(dataDir), { force: true });
  fsyncDir(dataDir);
}

/** Step 2 happened, step 3 did not: check the pending key store really opens the database, then publish it. */
async function finishInterrupted(dataDir: string, passphrase: string, nativeBinding: string | undefined): Promise<EncryptResult> {
  const pending = keystoreFile(dataDir) + suffix;
  const key = await unlockDoc(parseKeystore(fs.readFileSync(pending, 'utf8'), pending), { passphrase }, pending);
  openDatabase(databaseFile(dataDir), { key, ...(nativeBinding ? { nativeBinding } : {}) }).close();
  finish(dataDir);
  return { recoveryCode: null, resumed: true };
}
