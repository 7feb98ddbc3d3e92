/** Getting the database key out of a key-store document with whatever the person has. */
import { DataDirModeError, PassphraseRequiredError, WrongPassphraseError, WrongRecoveryCodeError } from './errors';
import { unwrapWithSecret, verifyMac, type KeystoreDoc, type PlatformKeyWrapper } from './format';
import { normalizeRecoveryCode } from './recovery-code';

/**
 * Tried in this order: the OS keychain, the passphrase, the recovery code. A keychain that answers
 * null (unavailable, Linux basic_text, another machine) falls through to the passphrase: fail closed.
 */
export interface UnlockCredentials {
  platform?: PlatformKeyWrapper;
  passphrase?: string;
  recoveryCode?: string;
}

export async function unlockDoc(doc: KeystoreDoc, creds: UnlockCredentials, file: string): Promise<Buffer> {
  const checked = (key: Buffer): Buffer => {
    verifyMac(doc, key, file);
    return key;
  };
  if (creds.platform && doc.slots.platform) {
    const key = await creds.platform.unwrap(Buffer.from(doc.slots.platform.blob, 'base64'));
    if (key) return checked(key);
  }
  if (creds.passphrase !== undefined) {
    const key = unwrapWithSecret(doc.slots.passphrase, creds.passphrase);
    if (!key) throw new WrongPassphraseError('wrong passphrase for the database key (or its entry in keystore.json was altered)');
    return checked(key);
  }
  if (creds.recoveryCode !== undefined) {
    const code = normalizeRecoveryCode(creds.recoveryCode);
    if (!code) throw new WrongRecoveryCodeError('that is not a recovery code: expected 8 groups of 5 letters and digits');
    const key = unwrapWithSecret(doc.slots.recovery, code);
    if (!key) throw new WrongRecoveryCodeError('wrong recovery code for this database (it changes with every key rotation)');
    return checked(key);
  }
  if (creds.platform) {
    throw new PassphraseRequiredError('the OS keychain cannot unlock the database key on this machine; enter the passphrase');
  }
  throw new DataDirModeError('no passphrase, recovery code or keychain was given to unlock the database key');
}
