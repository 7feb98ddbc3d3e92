/** The key store of an encrypted data folder: create it, unlock it, change its passphrase, add the OS keychain. */
import { ensurePrivateDir } from '../private-files';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { DB_KEY_BYTES, DEFAULT_CIPHER, type DatabaseKey, type DbCipher } from '../../../db/open';
import { replaceFileAtomically } from './atomic-file';
import { DataDirModeError, KeystoreMissingError } from './errors';
import { keystoreFile, plainMarkerFile } from './files';
import { DEFAULT_KDF, parseKeystore, platformSlot, serialize, sign, verifyMac, wrapWithSecret, type KdfCost, type KeystoreDoc, type PlatformKeyWrapper } from './format';
import { settlePendingRotation, type UnlockOptions } from './pending';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { unlockDoc, type UnlockCredentials } from './unwrap';

export const MIN_PASSPHRASE_LENGTH = 8;

export interface CreateOptions {
  passphrase: string;
  platform?: PlatformKeyWrapper;
  kdf?: KdfCost;
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new DataDirModeError(`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}

/**
 * A fresh key store document for `key`: passphrase and recovery slots always, the keychain when it
 * can. `cipher` is the scheme the database is (or will be) under: AEGIS-256 for a new one; a
 * rotation keeps the one the folder has.
 */
export async function buildKeystore(
  key: Buffer,
  opts: CreateOptions,
  generation: number,
  cipher: DbCipher = DEFAULT_CIPHER,
): Promise<{ doc: KeystoreDoc; recoveryCode: string }> {
  checkNewPassphrase(opts.passphrase);
  const kdf = opts.kdf ?? DEFAULT_KDF;
  const recoveryCode = newRecoveryCode();
  const canonicalCode = normalizeRecoveryCode(recoveryCode);
  if (!canonicalCode) throw new Error('generated an invalid recovery code');
  const platform = await platformSlot(key, opts.platform);
  const doc = sign(
    {
      format: 'casedesk-keystore',
      version: 1,
      cipher,
      generation,
      slots: {
        passphrase: wrapWithSecret(key, opts.passphrase, kdf),
        recovery: wrapWithSecret(key, canonicalCode, kdf),
        ...(platform ? { platform } : {}),
      },
    },
    key,
  );
  return { doc, recoveryCode };
}

export function readKeystore(dataDir: string): KeystoreDoc {
  const file = keystoreFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
      throw new KeystoreMissingError(
        `${file} is missing. Without it the encrypted database cannot be opened: restore keystore.json from a backup of this folder`,
      );
    }
    throw err;
  }
  return parseKeystore(text, file);
}

function writeKeystore(dataDir: string, doc: KeystoreDoc): void {
  replaceFileAtomically(keystoreFile(dataDir), serialize(doc));
}

/**
 * Makes a new random database key for an empty encrypted data folder. The recovery code is returned
 * once, to be shown once; it is not stored anywhere in the clear.
 */
export async function createKeystore(dataDir: string, opts: CreateOptions): Promise<{ key: Buffer; recoveryCode: string; platformWrapped: boolean }> {
  if (fs.existsSync(keystoreFile(dataDir))) throw new DataDirModeError(`${dataDir} already has a key store; unlock it instead`);
  if (fs.existsSync(plainMarkerFile(dataDir))) throw new DataDirModeError(`${dataDir} is marked plain (--plain); encrypt it with \`casedesk db encrypt\``);
  ensurePrivateDir(dataDir);
  const key = randomBytes(DB_KEY_BYTES);
  const { doc, recoveryCode } = await buildKeystore(key, opts, 1);
  writeKeystore(dataDir, doc);
  return { key, recoveryCode, platformWrapped: doc.slots.platform !== undefined };
}

/**
 * The database key and the cipher its file is under (both from a document whose MAC the key
 * verified): spread it into openDatabase's options. Also settles a rotation a crash interrupted
 * (see pending.ts).
 */
export async function unlockDatabaseKey(dataDir: string, creds: UnlockCredentials, opts: UnlockOptions = {}): Promise<DatabaseKey> {
  const doc = readKeystore(dataDir);
  const key = await unlockDoc(doc, creds, keystoreFile(dataDir));
  return settlePendingRotation(dataDir, { key, cipher: doc.cipher }, creds, opts);
}

/** The database key alone (see unlockDatabaseKey). */
export async function unlockKeystore(dataDir: string, creds: UnlockCredentials, opts: UnlockOptions = {}): Promise<Buffer> {
  return (await unlockDatabaseKey(dataDir, creds, opts)).key;
}

/** New passphrase, same key. `creds` may be the recovery code: that is the recovery path. */
export async function changePassphrase(dataDir: string, creds: UnlockCredentials, newPassphrase: string, opts: UnlockOptions & { kdf?: KdfCost } = {}): Promise<void> {
  checkNewPassphrase(newPassphrase);
  const key = await unlockKeystore(dataDir, creds, opts);
  const { mac: _mac, ...doc } = readKeystore(dataDir);
  writeKeystore(dataDir, sign({ ...doc, slots: { ...doc.slots, passphrase: wrapWithSecret(key, newPassphrase, opts.kdf ?? DEFAULT_KDF) } }, key));
}

/**
 * Adds (or replaces) the OS-keychain slot once the key is unlocked another way. False when the
 * keychain cannot protect it here (then the passphrase stays the only everyday way in).
 */
export async function enrollPlatform(dataDir: string, key: Buffer, platform: PlatformKeyWrapper): Promise<boolean> {
  const current = readKeystore(dataDir);
  verifyMac(current, key, keystoreFile(dataDir));
  const slot = await platformSlot(key, platform);
  if (!slot) return false;
  const { mac: _mac, ...doc } = current;
  writeKeystore(dataDir, sign({ ...doc, slots: { ...doc.slots, platform: slot } }, key));
  return true;
}
