/**
 * The database key is settled in the main process, where the OS keychain (safeStorage) lives, and
 * handed to the backend utility process as the first message on its channel (backend-protocol.ts
 * AccessMessage) — not through its environment, which /proc/<pid>/environ would show for the
 * process's whole life. Fails closed: without the keychain, a passphrase file or --plain, the
 * backend starts only to explain what is missing.
 */
import { readFileSync } from 'node:fs';
import { isDbCipher } from '../../db/open';
import { passphraseFileFrom, type DatabaseAccess } from '../backend/keys/startup';
import type { AccessMessage } from './backend-protocol';

export function accessMessage(access: DatabaseAccess | { error: string }): AccessMessage {
  if ('error' in access) return { type: 'access', error: access.error };
  if ('plain' in access) return { type: 'access', plain: true };
  return { type: 'access', dbKeyHex: access.dbKey.toString('hex'), ...(access.dbCipher ? { dbCipher: access.dbCipher } : {}) };
}

/** In the backend process: the access the main process sent, checked (input is unknown until parsed). */
export function accessFromMessage(message: AccessMessage): DatabaseAccess | { error: string } {
  if (typeof message.error === 'string' && message.error !== '') return { error: message.error };
  const { dbKeyHex, dbCipher } = message;
  if (typeof dbKeyHex === 'string' && /^[0-9a-f]{64}$/.test(dbKeyHex)) {
    if (dbCipher === undefined) return { dbKey: Buffer.from(dbKeyHex, 'hex') };
    if (isDbCipher(dbCipher)) return { dbKey: Buffer.from(dbKeyHex, 'hex'), dbCipher };
    return { error: `the main process named an unknown database cipher ${JSON.stringify(String(dbCipher).slice(0, 80))}` };
  }
  if (message.plain === true) return { plain: true };
  return { error: 'the backend was started without a database key' };
}

export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** A passphrase file path from --passphrase-file or CASEDESK_PASSPHRASE_FILE (never the passphrase itself). */
export function passphraseFileOf(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const file = passphraseFileFrom(flagValue(argv, '--passphrase-file'), env);
  if (file) readFileSync(file); // fail early and clearly if it cannot be read
  return file;
}
