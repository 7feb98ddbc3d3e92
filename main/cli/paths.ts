/**
 * The paths a command is given, checked before anything is opened or written, so a wrong kind of
 * path is a usage error (one line, exit 2) rather than a raw SQLite or file-system message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databaseFileState, DB_FILE_NAME, keystoreFile } from '../backend/keys';
import { UsageError } from './io';

/** `file` must be a CaseDesk database: a plain SQLite file, or an encrypted one with keystore.json beside it. */
export function existingDatabaseFile(file: string, flag = 'db'): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new UsageError(`--${flag}: ${file} does not exist`);
  }
  if (st.isDirectory()) throw new UsageError(`--${flag}: ${file} is a folder; give the database file in it (${path.join(file, DB_FILE_NAME)})`);
  if (!st.isFile()) throw new UsageError(`--${flag}: ${file} is not a regular file`);
  const state = databaseFileState(file);
  if (state === 'plain') return file;
  if (state === 'encrypted' && fs.existsSync(keystoreFile(path.dirname(path.resolve(file))))) return file;
  throw new UsageError(
    `--${flag}: ${file} is not a CaseDesk database (${state === 'absent' ? 'it is empty' : 'not SQLite, and no keystore.json beside it to decrypt it'})`,
  );
}

/** `file` is about to be written: a folder is refused, and an existing file unless --force. */
export function outputFile(file: string, force: boolean, flag = 'out'): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return file;
  }
  if (st.isDirectory()) throw new UsageError(`--${flag}: ${file} is a folder; give the name of the file to write`);
  if (!force) throw new UsageError(`--${flag}: ${file} already exists; give --force to replace it`);
  if (!st.isFile()) throw new UsageError(`--${flag}: ${file} is not a regular file`);
  return file;
}
