/**
 * What a host does before opening the database: plain (--plain, or a folder marked PLAIN), or
 * unlock the key store (creating it on the first run). The Electron shell does the same with its
 * safeStorage wrapper as `platform`.
 */
import fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_CIPHER, type DatabaseKey, type DbCipher } from '../../../db/open';
import { DataDirModeError, PassphraseRequiredError, WrongPassphraseError } from './errors';
import { encryptingKeystoreFile } from './files';
import type { PlatformKeyWrapper } from './format';
import { createKeystore, enrollPlatform, readKeystore, unlockDatabaseKey } from './keystore';
import { checkDataDirMode, dataDirState } from './mode';
import type { KeyProbe } from './pending';
import { askHidden, askNewPassphrase, PASSPHRASE_FILE_ENV, readPassphraseFile } from './passphrase-input';

/**
 * How the host opens the database. `dbCipher` is there only for a folder encrypted by an earlier
 * build (SQLCipher 4); absent, the file is AEGIS-256 like every folder this build makes.
 */
export type DatabaseAccess = { dbKey: Buffer; dbCipher?: DbCipher } | { plain: true };

const keyAccess = ({ key, cipher }: DatabaseKey): DatabaseAccess => (cipher === DEFAULT_CIPHER ? { dbKey: key } : { dbKey: key, dbCipher: cipher });

export interface StartupInput {
  dataDir: string;
  /** --plain. A folder marked PLAIN (made with --plain) is opened plain without it, and the log says so. */
  plain: boolean;
  /** A file holding the passphrase (--passphrase-file or CASEDESK_PASSPHRASE_FILE). */
  passphraseFile?: string;
  stdin: Readable & { isTTY?: boolean };
  /** Where prompts go. */
  stderr: Writable;
  /** Where a new recovery code is shown, if it is an interactive terminal (showRecoveryCode); default process.stdout. */
  stdout?: Writable & { isTTY?: boolean };
  platform?: PlatformKeyWrapper;
  nativeBinding?: string;
  /** See UnlockOptions.keyProbe: how to test a key against the database off the caller's thread. */
  keyProbe?: KeyProbe;
  log?: (line: string) => void;
}

export const passphraseFileFrom = (flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined =>
  flag ?? (env[PASSPHRASE_FILE_ENV] || undefined);

function noPassphraseSource(dataDir: string, firstRun: boolean): DataDirModeError {
  const what = firstRun ? `a new database in ${dataDir} is encrypted with a passphrase` : `the database in ${dataDir} is encrypted`;
  return new DataDirModeError(
    `${what} and there is no terminal to ask for it: set ${PASSPHRASE_FILE_ENV} to a file holding the passphrase, ` +
      'or start with --plain for an unencrypted demo or test database',
  );
}

/** Where a new recovery code may be shown: stdout if it is a person's terminal, else only a notice on stderr. */
export interface RecoveryCodeOutput {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
}

/**
 * Shows a new recovery code once — only on an interactive terminal. Redirected to a file or a pipe
 * (a log, a service manager, Electron's stderr), the code would sit next to the database it opens,
 * so then it is not shown at all: a notice says so and how to get one you can keep.
 */
export function showRecoveryCode(out: RecoveryCodeOutput, code: string, dataDir: string): void {
  if (out.stdout.isTTY !== true) {
    out.stderr.write(
      `A recovery code was made for ${dataDir} but is not shown: this output is not an interactive terminal, and a log must never hold it. ` +
        `To get one you can keep, run on a terminal: casedesk db rekey --data-dir ${dataDir} (it issues a new code and retires this one)\n`,
    );
    return;
  }
  out.stdout.write(
    [
      '',
      'RECOVERY CODE — shown once. Write it down and keep it away from this computer.',
      'It opens the database if the passphrase is forgotten or the OS keychain is lost:',
      '',
      `    ${code}`,
      '',
      'Use it with: casedesk db recover --data-dir DIR --recovery-code CODE --new-passphrase-file F',
      '',
    ].join('\n'),
  );
}

export async function resolveDatabaseAccess(input: StartupInput): Promise<DatabaseAccess> {
  const { dataDir } = input;
  const state = dataDirState(dataDir);
  if (state.database === 'encrypted' && !state.keystore && fs.existsSync(encryptingKeystoreFile(dataDir))) {
    throw new DataDirModeError(`encrypting ${dataDir} was interrupted: finish it by running \`casedesk db encrypt --data-dir ${dataDir}\` again, with the same passphrase`);
  }
  if (input.plain || state.plainMarker) {
    // The PLAIN marker is the opt-out recorded when the folder was made: honoured, and said.
    if (!input.plain) input.log?.(`${dataDir} holds an unencrypted (PLAIN) database; opening it as such`);
    checkDataDirMode(dataDir, 'plain');
    return { plain: true };
  }
  const tty = input.stdin.isTTY === true;
  const file = input.passphraseFile;
  if (!state.keystore) {
    if (state.database === 'plain') {
      throw new DataDirModeError(
        `${dataDir} holds an unencrypted database from before encryption at rest: encrypt it with \`casedesk db encrypt --data-dir ${dataDir}\`, or start with --plain to keep it unencrypted`,
      );
    }
    if (state.database === 'encrypted') {
      throw new DataDirModeError(`${dataDir}/keystore.json is missing, so its encrypted database cannot be opened: restore keystore.json from a backup of this folder`);
    }
    if (!file && !tty) throw noPassphraseSource(dataDir, true);
    const passphrase = file ? readPassphraseFile(file) : await askNewPassphrase(input.stdin, input.stderr);
    const created = await createKeystore(dataDir, { passphrase, ...(input.platform ? { platform: input.platform } : {}) });
    showRecoveryCode({ stdout: input.stdout ?? process.stdout, stderr: input.stderr }, created.recoveryCode, dataDir);
    input.log?.(`created an encrypted database key for ${dataDir}${created.platformWrapped ? ' (also protected by the OS keychain)' : ''}`);
    return { dbKey: created.key };
  }
  const opts = {
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
    ...(input.log ? { onNotice: input.log } : {}),
    ...(input.keyProbe ? { keyProbe: input.keyProbe } : {}),
  };
  if (input.platform) {
    // The keychain first; it answers null where it cannot help and we fall through to the passphrase.
    try {
      return keyAccess(await unlockDatabaseKey(dataDir, { platform: input.platform }, opts));
    } catch (err) {
      if (!(err instanceof PassphraseRequiredError)) throw err;
    }
  }
  if (file) return keyAccess(await withKeychain(input, await unlockDatabaseKey(dataDir, { passphrase: readPassphraseFile(file) }, opts)));
  if (!tty) throw noPassphraseSource(dataDir, false);
  for (let attempt = 1; ; attempt++) {
    const passphrase = await askHidden(`Passphrase for ${dataDir}: `, input.stdin, input.stderr);
    try {
      return keyAccess(await withKeychain(input, await unlockDatabaseKey(dataDir, { passphrase }, opts)));
    } catch (err) {
      if (!(err instanceof WrongPassphraseError) || attempt >= 3) throw err;
      input.stderr.write('Wrong passphrase; try again.\n');
    }
  }
}

/**
 * After a passphrase unlock, puts the key back in the OS keychain when the key store has no
 * keychain entry (a rotation from the CLI drops it; so does a first run before the keychain
 * worked). Best effort: a keychain that cannot protect it (basic_text) simply adds nothing.
 */
async function withKeychain(input: StartupInput, unlocked: DatabaseKey): Promise<DatabaseKey> {
  if (!input.platform || readKeystore(input.dataDir).slots.platform) return unlocked;
  try {
    if (await enrollPlatform(input.dataDir, unlocked.key, input.platform)) input.log?.('the database key is now also protected by the OS keychain');
  } catch (err) {
    input.log?.(`could not add the OS keychain to the key store: ${err instanceof Error ? err.name : 'error'}`);
  }
  return unlocked;
}
