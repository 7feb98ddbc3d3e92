/**
 * The database key is settled in the main process, where the OS keychain (safeStorage) lives, and
 * handed to the backend utility process through its environment (readable only by this user, and
 * removed from the process's environment as soon as it is read). Fails closed: without the
 * keychain, a passphrase file or --plain, the backend starts only to explain what is missing.
 */
import { readFileSync } from 'node:fs';
import type { DatabaseAccess } from '../backend/keys/startup';

export const ACCESS_ENV = { key: 'CASEDESK_DB_KEY', plain: 'CASEDESK_PLAIN', error: 'CASEDESK_BACKEND_ERROR' } as const;

export function accessEnv(access: DatabaseAccess | { error: string }): Record<string, string> {
  if ('error' in access) return { [ACCESS_ENV.error]: access.error };
  if ('plain' in access) return { [ACCESS_ENV.plain]: '1' };
  return { [ACCESS_ENV.key]: access.dbKey.toString('hex') };
}

/** In the backend process: read and forget. */
export function takeAccessFromEnv(env: NodeJS.ProcessEnv): DatabaseAccess | { error: string } {
  const key = env[ACCESS_ENV.key];
  const plain = env[ACCESS_ENV.plain];
  const error = env[ACCESS_ENV.error];
  delete env[ACCESS_ENV.key];
  delete env[ACCESS_ENV.plain];
  delete env[ACCESS_ENV.error];
  if (error) return { error };
  if (key && /^[0-9a-f]{64}$/.test(key)) return { dbKey: Buffer.from(key, 'hex') };
  if (plain === '1') return { plain: true };
  return { error: 'the backend was started without a database key' };
}

export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** A passphrase file path from --passphrase-file or CASEDESK_PASSPHRASE_FILE (never the passphrase itself). */
export function passphraseFileOf(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const file = flagValue(argv, '--passphrase-file') ?? env.CASEDESK_PASSPHRASE_FILE;
  if (file) readFileSync(file); // fail early and clearly if it cannot be read
  return file;
}
