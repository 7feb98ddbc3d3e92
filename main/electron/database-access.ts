/**
 * The Electron side of "encrypted unless --plain": unlock (or create) the database key with the OS
 * keychain first, then a passphrase file; never a prompt (a GUI app has no terminal). Whatever
 * goes wrong becomes a message the backend shows instead of data.
 */
import { PassThrough } from 'node:stream';
import { resolveDatabaseAccess, type DatabaseAccess } from '../backend/keys/startup';
import type { PlatformKeyWrapper } from '../backend/keys';
import { passphraseFileOf } from './backend-access';
import { unwrapKey, wrapKey } from './safe-storage';

const keychain: PlatformKeyWrapper = {
  wrap: (key) => wrapKey(key),
  unwrap: (blob) => unwrapKey(blob),
};

export async function settleDatabaseAccess(
  dataDir: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  nativeBinding: string | undefined,
  log: (line: string) => void,
): Promise<DatabaseAccess | { error: string }> {
  try {
    const passphraseFile = passphraseFileOf(argv, env as NodeJS.ProcessEnv);
    const noTerminal = Object.assign(new PassThrough(), { isTTY: false });
    return await resolveDatabaseAccess({
      dataDir,
      // A folder marked PLAIN opens plain without the flag: resolveDatabaseAccess decides that, and logs it.
      plain: argv.includes('--plain'),
      ...(passphraseFile ? { passphraseFile } : {}),
      stdin: noTerminal,
      stderr: process.stderr,
      platform: keychain,
      ...(nativeBinding ? { nativeBinding } : {}),
      log,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`database access: ${message}`);
    return { error: message };
  }
}
