/**
 * Finishing or discarding an interrupted key rotation (see rotate.ts for the order of writes).
 * keystore.json.tmp exists only between "new key store written" and "renamed over the old one";
 * the database itself says which of the two keys it is under.
 */
import fs from 'node:fs';
import { keyOpens, WrongKeyError, type DatabaseKey, type DbCipher } from '../../../db/open';
import { fsyncDir, renameDurable } from './atomic-file';
import { WrongRecoveryCodeError } from './errors';
import { databaseFile, keystoreFile, pendingKeystoreFile } from './files';
import { parseKeystore } from './format';
import { unlockDoc, type UnlockCredentials } from './unwrap';

export interface UnlockOptions {
  /** Native binding for the running runtime (Electron), used to test which key opens the database. */
  nativeBinding?: string;
  /** Told when an interrupted rotation was finished. Never receives key material. */
  onNotice?: (message: string) => void;
  /**
   * Whether `key` opens the database file. Opening SQLite is synchronous: the Electron shell's main
   * process passes a probe that runs in a worker thread so its UI thread never opens the database.
   */
  keyProbe?: KeyProbe;
}

export type KeyProbe = (file: string, key: Buffer, cipher: DbCipher) => Promise<boolean>;

function discard(dataDir: string): void {
  fs.rmSync(pendingKeystoreFile(dataDir), { force: true });
  fsyncDir(dataDir);
}

/** Returns the key the database is under now (and its cipher), settling keystore.json to match it. */
export async function settlePendingRotation(dataDir: string, current: DatabaseKey, creds: UnlockCredentials, opts: UnlockOptions = {}): Promise<DatabaseKey> {
  const pending = pendingKeystoreFile(dataDir);
  if (!fs.existsSync(pending)) return current;
  const dbFile = databaseFile(dataDir);
  const dbExists = fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0;
  const opens: KeyProbe = opts.keyProbe ?? (async (file, key, cipher) => keyOpens(file, key, opts.nativeBinding, cipher));
  // The re-key never committed (or rolled back just now, in keyOpens): the old key store stands.
  if (!dbExists || (await opens(dbFile, current.key, current.cipher))) {
    discard(dataDir);
    return current;
  }
  const doc = parseKeystore(fs.readFileSync(pending, 'utf8'), pending);
  let newKey: Buffer;
  try {
    newKey = await unlockDoc(doc, creds, pending);
  } catch (err) {
    if (err instanceof WrongRecoveryCodeError) {
      throw new WrongRecoveryCodeError(
        'a key rotation was interrupted after the database was re-keyed; the old recovery code no longer opens it. Unlock with the passphrase to finish the rotation',
      );
    }
    throw err;
  }
  if (!(await opens(dbFile, newKey, doc.cipher))) {
    throw new WrongKeyError('neither keystore.json nor keystore.json.tmp holds the key this database is under; restore both from a backup');
  }
  renameDurable(pending, keystoreFile(dataDir));
  opts.onNotice?.(
    'an interrupted key rotation was completed. Its new recovery code was never shown, so run `casedesk db rekey` to issue one you can keep',
  );
  return { key: newKey, cipher: doc.cipher };
}
