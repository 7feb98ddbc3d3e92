/**
 * Opening a workstation's database from the CLI, the way the app does: an encrypted one is unlocked
 * with its passphrase (a file: --passphrase-file or CASEDESK_PASSPHRASE_FILE, never argv), and the
 * workstation's signing key is then protected exactly as in the app (sync/protection.ts). A plain
 * (--plain) database keeps the signing key's secret inside itself (as protected as the file), or,
 * when one is given, behind a passphrase: the same file, or an environment variable
 * (--passphrase-env, default CASEDESK_KEY_PASSPHRASE).
 */
import path from 'node:path';
import type { DatabaseKey, Db } from '../../db/open';
import type { KeyProtector } from '../backend/crypto/protect';
import { PASSPHRASE_ENV } from '../backend/exports/signing';
import { dataDirState, passphraseFileFrom, readPassphraseFile, unlockDatabaseKey } from '../backend/keys';
import { workstationProtector } from '../backend/sync/protection';
import { UsageError } from './io';

export interface WorkstationAccess {
  /** The key and cipher of an encrypted database (spread into openDatabase's options), else undefined. */
  database: DatabaseKey | undefined;
  protectorFor(db: Db): KeyProtector;
}

/** The database key and its cipher when the file is encrypted (unlocked with the passphrase file), else undefined. */
export async function databaseKey(
  file: string,
  flags: { 'passphrase-file'?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Promise<DatabaseKey | undefined> {
  const dataDir = path.dirname(path.resolve(file));
  const state = dataDirState(dataDir);
  if (!state.keystore && state.database !== 'encrypted') return undefined;
  const passphraseFile = passphraseFileFrom(flags['passphrase-file'], env);
  if (!passphraseFile) throw new UsageError(`${file} is encrypted: give its passphrase in a file with --passphrase-file F (or CASEDESK_PASSPHRASE_FILE)`);
  return unlockDatabaseKey(dataDir, { passphrase: readPassphraseFile(passphraseFile) });
}

export async function workstationAccess(
  file: string,
  flags: { 'passphrase-file'?: string | undefined; 'passphrase-env'?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Promise<WorkstationAccess> {
  const database = await databaseKey(file, flags, env);
  if (database) return { database, protectorFor: (db) => workstationProtector(db, { encrypted: true }) };
  const passphraseFile = passphraseFileFrom(flags['passphrase-file'], env);
  const envName = flags['passphrase-env'] ?? PASSPHRASE_ENV;
  const passphrase = passphraseFile ? readPassphraseFile(passphraseFile) : env[envName];
  // Nothing named: the key is kept by a secret inside the plain database, as protected as the file.
  if (!passphrase && !passphraseFile && flags['passphrase-env'] === undefined) {
    return { database: undefined, protectorFor: (db) => workstationProtector(db, { encrypted: false }) };
  }
  if (!passphrase || passphrase.length < 8) {
    throw new UsageError(
      `${file} is an unencrypted (--plain) database, so the workstation's signing key is protected by a passphrase — give it in a file (--passphrase-file F) or in the environment variable ${envName} (8+ characters)`,
    );
  }
  return { database: undefined, protectorFor: (db) => workstationProtector(db, { encrypted: false, passphrase }) };
}
