/**
 * Converting a plain data folder to an encrypted one (`casedesk db encrypt`). The plain file is
 * copied, the copy encrypted in place (SQLite3MultipleCiphers re-keys a plain file into an encrypted
 * one), verified against the original, and only then swapped in. Order of writes:
 *   1. keystore.json.encrypting  (the new key, wrapped)
 *   2. casedesk.sqlite.encrypting renamed over casedesk.sqlite
 *   3. PLAIN marker removed; then keystore.json.encrypting renamed to keystore.json
 * A crash before 2 leaves the plain database as it was; after 2, running the command again finishes
 * 3 (the encrypted file and keystore.json.encrypting, with or without the marker). The marker goes
 * before the key store is published so that no crash leaves keystore.json beside a PLAIN marker;
 * a folder left that way by the earlier order (marker removed last) is finished too.
 */
import { privatizeFile } from '../private-files';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { DB_KEY_BYTES, encryptPlainFile, openDatabase, type Db, type DatabaseKey } from '../../../db/open';
import { fsyncDir, renameDurable, writeDurable } from './atomic-file';
import { DataDirModeError } from './errors';
import { databaseFile, encryptingKeystoreFile, keystoreFile, plainMarkerFile } from './files';
import { parseKeystore, serialize, type KdfCost } from './format';
import { buildKeystore, unlockDatabaseKey } from './keystore';
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
  const pendingKeystore = encryptingKeystoreFile(dataDir);
  const state = dataDirState(dataDir);
  if (state.keystore) {
    if (state.plainMarker && state.database === 'encrypted') return finishMarkerLeftover(dataDir, passphrase, opts.nativeBinding);
    throw new DataDirModeError(`${dataDir} is already encrypted (it has keystore.json)`);
  }
  if (state.database === 'encrypted' && fs.existsSync(pendingKeystore)) return finishInterrupted(dataDir, passphrase, opts.nativeBinding);
  if (state.database !== 'plain') throw new DataDirModeError(`${dataDir} has no plain database to encrypt (${state.database})`);

  const before = settlePlainFile(file);
  const copy = file + suffix;
  fs.copyFileSync(file, copy);
  privatizeFile(copy);
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

/** Step 3. The marker first: a crash after it leaves what finishInterrupted completes. */
function finish(dataDir: string): void {
  removePlainMarker(dataDir);
  renameDurable(encryptingKeystoreFile(dataDir), keystoreFile(dataDir));
}

function removePlainMarker(dataDir: string): void {
  fs.rmSync(plainMarkerFile(dataDir), { force: true });
  fsyncDir(dataDir);
}

/** Opens (and closes) the database with `key`: WrongKeyError unless it is the key the file is under. */
function checkOpens(dataDir: string, key: DatabaseKey, nativeBinding: string | undefined): void {
  openDatabase(databaseFile(dataDir), { ...key, ...(nativeBinding ? { nativeBinding } : {}) }).close();
}

/** Step 2 happened, step 3 did not (wholly): check the pending key store really opens the database, then publish it. */
async function finishInterrupted(dataDir: string, passphrase: string, nativeBinding: string | undefined): Promise<EncryptResult> {
  const pending = encryptingKeystoreFile(dataDir);
  const doc = parseKeystore(fs.readFileSync(pending, 'utf8'), pending);
  const key = await unlockDoc(doc, { passphrase }, pending);
  checkOpens(dataDir, { key, cipher: doc.cipher }, nativeBinding);
  finish(dataDir);
  return { recoveryCode: null, resumed: true };
}

/** The earlier order's crash point: keystore.json published, the PLAIN marker not yet removed. */
async function finishMarkerLeftover(dataDir: string, passphrase: string, nativeBinding: string | undefined): Promise<EncryptResult> {
  checkOpens(dataDir, await unlockDatabaseKey(dataDir, { passphrase }, nativeBinding ? { nativeBinding } : {}), nativeBinding);
  removePlainMarker(dataDir);
  return { recoveryCode: null, resumed: true };
}
