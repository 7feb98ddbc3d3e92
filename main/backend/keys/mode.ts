/**
 * Is this data folder encrypted or plain? Decided by what is on disk — the key store, the PLAIN
 * marker and the database file's own first bytes — so an encrypted workstation is never opened as
 * plain by mistake, nor a plain one given a key that would start a second, empty database.
 */
import fs from 'node:fs';
import { writePrivateFile } from '../private-files';
import { fsyncDir } from './atomic-file';
import { DataDirModeError } from './errors';
import { databaseFile, keystoreFile, plainMarkerFile } from './files';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type DatabaseFileState = 'absent' | 'plain' | 'encrypted';

/** SQLCipher files have no plaintext header: anything not starting with SQLite's magic is taken as encrypted. */
export function databaseFileState(file: string): DatabaseFileState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return 'absent';
    throw err;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'absent';
    return read === head.length && head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

export interface DataDirState {
  keystore: boolean;
  plainMarker: boolean;
  database: DatabaseFileState;
}

export function dataDirState(dataDir: string): DataDirState {
  return {
    keystore: fs.existsSync(keystoreFile(dataDir)),
    plainMarker: fs.existsSync(plainMarkerFile(dataDir)),
    database: databaseFileState(databaseFile(dataDir)),
  };
}

/**
 * 'encrypted': a key is about to be used. 'plain': --plain. 'unspecified': an in-process caller
 * that chose neither (tests); it may open only what is plain already.
 */
export function checkDataDirMode(dataDir: string, mode: 'encrypted' | 'plain' | 'unspecified'): void {
  const s = dataDirState(dataDir);
  if (s.keystore && s.plainMarker) {
    if (s.database === 'encrypted') {
      // What an interrupted `casedesk db encrypt` of an earlier build left; deleting keystore.json here would lose the data.
      throw new DataDirModeError(
        `${dataDir} has both keystore.json and a PLAIN marker, and its database is encrypted: an interrupted \`casedesk db encrypt --data-dir ${dataDir}\` left the marker; run it again to finish. Do not delete keystore.json`,
      );
    }
    throw new DataDirModeError(`${dataDir} has both keystore.json and a PLAIN marker; remove the one that is wrong (the database file's state: ${s.database})`);
  }
  if (mode === 'encrypted') {
    if (s.plainMarker) {
      throw new DataDirModeError(`${dataDir} holds a plain (unencrypted, --plain) database; it cannot be opened with a key. Encrypt it with: casedesk db encrypt --data-dir ${dataDir}`);
    }
    if (s.database === 'plain') {
      throw new DataDirModeError(`${dataDir} holds an unencrypted database; encrypt it first with: casedesk db encrypt --data-dir ${dataDir}`);
    }
    return;
  }
  if (s.keystore || s.database === 'encrypted') {
    throw new DataDirModeError(`${dataDir} holds an encrypted database; refusing to open it as plain. Start without --plain and unlock it with the passphrase`);
  }
}

export function markPlain(dataDir: string): void {
  const marker = plainMarkerFile(dataDir);
  if (fs.existsSync(marker)) return;
  writePrivateFile(marker, 'This CaseDesk data folder was created with --plain: its database is deliberately NOT encrypted.\n');
  fsyncDir(dataDir);
}
