/**
 * Key rotation: a new random key, the database re-encrypted under it, every slot rewrapped and a
 * new recovery code. The order of writes keeps one file holding the key the database is under at
 * every instant, whatever moment a crash or power cut picks:
 *   1. keystore.json.tmp written and fsynced (new key; keystore.json still has the old one)
 *   2. PRAGMA rekey: one SQLite transaction (rollback journal) — a crash inside it rolls back to
 *      the old key on the next open
 *   3. keystore.json.tmp renamed over keystore.json, folder fsynced
 * On the next unlock, pending.ts sees a leftover .tmp: if the old key still opens the database
 * the re-key never happened and the .tmp is deleted; otherwise the .tmp's key must open it and
 * the rename is finished.
 */
import { randomBytes } from 'node:crypto';
import { DB_KEY_BYTES, rekey, type Db } from '../../../db/open';
import { fsyncDir, renameDurable, writeDurable } from './atomic-file';
import { keystoreFile, pendingKeystoreFile } from './files';
import { serialize, type KdfCost, type PlatformKeyWrapper } from './format';
import { buildKeystore, readKeystore, unlockKeystore } from './keystore';
import type { UnlockOptions } from './pending';

export interface RotateCredentials {
  /** Required: the passphrase slot is rewrapped under the new key, so the passphrase must be known. */
  passphrase: string;
  /** When given (Electron), the keychain slot is rewrapped too; otherwise it is dropped, being stale. */
  platform?: PlatformKeyWrapper;
}

/** `db` must be this folder's open database and its only connection. Returns the new recovery code, to show once. */
export async function rotateKey(
  dataDir: string,
  db: Db,
  creds: RotateCredentials,
  opts: UnlockOptions & { kdf?: KdfCost } = {},
): Promise<{ key: Buffer; recoveryCode: string; generation: number }> {
  await unlockKeystore(dataDir, { passphrase: creds.passphrase }, opts);
  const current = readKeystore(dataDir);
  const generation = current.generation + 1;
  const key = randomBytes(DB_KEY_BYTES);
  // PRAGMA rekey keeps the scheme `db` was opened with, so the new store records the same cipher.
  const { doc, recoveryCode } = await buildKeystore(
    key,
    { passphrase: creds.passphrase, ...(creds.platform ? { platform: creds.platform } : {}), ...(opts.kdf ? { kdf: opts.kdf } : {}) },
    generation,
    current.cipher,
  );
  const pending = pendingKeystoreFile(dataDir);
  writeDurable(pending, serialize(doc));
  fsyncDir(dataDir);
  // On failure the .tmp stays: whether the re-key took effect is for the database to say, and the
  // next unlock (which every later rotation starts with) asks it before touching either file.
  rekey(db, key);
  renameDurable(pending, keystoreFile(dataDir));
  return { key, recoveryCode, generation };
}
