/**
 * The Electron side of "encrypted unless --plain": unlock (or create) the database key with the OS
 * keychain first, then a passphrase file; never a prompt (a GUI app has no terminal). Whatever
 * goes wrong becomes a message the backend shows instead of data.
 */
import { PassThrough } from 'node:stream';
import { resolveDatabaseAccess, type DatabaseAccess } from '../backend/keys/startup';
import { enrollPlatform, type PlatformKeyWrapper } from '../backend/keys';
import { passphraseFileOf } from './backend-access';
import { workerKeyProbe } from './key-probe';
import { unwrapKey, wrapKey } from './safe-storage';

/** The OS keychain as the key store's platform slot; notes when the OS asks for the blob to be made again. */
function keychainWrapper(): { wrapper: PlatformKeyWrapper; reEncrypt: () => boolean } {
  let reEncrypt = false;
  return {
    wrapper: {
      wrap: (key) => wrapKey(key),
      unwrap: async (blob) => {
        const out = await unwrapKey(blob);
        if (out?.shouldReEncrypt) reEncrypt = true;
        return out?.key ?? null;
      },
    },
    reEncrypt: () => reEncrypt,
  };
}

export async function settleDatabaseAccess(
  dataDir: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  nativeBinding: string | undefined,
  log: (line: string) => void,
  /** dist/electron: where the key-probe worker bundle is. */
  distDir?: string,
): Promise<DatabaseAccess | { error: string }> {
  try {
    const passphraseFile = passphraseFileOf(argv, env as NodeJS.ProcessEnv);
    const noTerminal = Object.assign(new PassThrough(), { isTTY: false });
    const keychain = keychainWrapper();
    const access = await resolveDatabaseAccess({
      dataDir,
      // A folder marked PLAIN opens plain without the flag: resolveDatabaseAccess decides that, and logs it.
      plain: argv.includes('--plain'),
      ...(passphraseFile ? { passphraseFile } : {}),
      stdin: noTerminal,
      stderr: process.stderr,
      platform: keychain.wrapper,
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(distDir ? { keyProbe: workerKeyProbe(distDir, nativeBinding) } : {}),
      log,
    });
    if ('dbKey' in access && keychain.reEncrypt()) {
      // Best effort: the old blob still opens today; a failure here costs nothing but a log line.
      await enrollPlatform(dataDir, access.dbKey, keychain.wrapper).then(
        (done) => log(done ? 'the OS keychain asked for the key to be wrapped again; done' : 'the OS keychain asked for the key to be wrapped again; it could not'),
        (err: unknown) => log(`could not wrap the key again for the OS keychain: ${err instanceof Error ? err.name : 'error'}`),
      );
    }
    return access;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`database access: ${message}`);
    return { error: message };
  }
}
