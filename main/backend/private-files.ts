/**
 * Owner-only files and folders, whatever the umask: folders 0700, files 0600, set explicitly with
 * chmod after creation (a umask only narrows the mode open/mkdir ask for; an existing path keeps its
 * old mode until chmod). POSIX only: Windows has no mode bits (its per-user profile folders are
 * private by ACL), so there these are plain mkdir/write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keystoreFile, plainMarkerFile } from './keys/files';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) and makes `dir` itself owner-only. For CaseDesk's own folders. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates the missing folders on the way to `dir`, each owner-only, and leaves a folder that
 * already exists as it is (the user's own, such as /tmp or a home folder, must keep its mode).
 */
export function makeDirsPrivate(dir: string): void {
  const first = fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!posix || first === undefined) return;
  for (let d = dir; ; d = path.dirname(d)) {
    fs.chmodSync(d, PRIVATE_DIR_MODE);
    if (d === first || path.dirname(d) === d) break;
  }
}

/**
 * Creates `file` empty and owner-only for a writer to fill, unless it exists (then it is made
 * owner-only, and left in place). Returns whether it was created here: only then may a failure remove it.
 */
export function createPrivateOutput(file: string): boolean {
  let created = true;
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    created = false;
    fd = fs.openSync(file, 'r+');
  }
  try {
    if (posix) fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
  return created;
}

/** Makes an existing file owner-only; a missing one is left missing. */
export function privatizeFile(file: string): void {
  if (!posix) return;
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Writes `file` owner-only (created so, and chmod-ed in case it existed with another mode). */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const fd = fs.openSync(file, 'w', PRIVATE_FILE_MODE);
  try {
    if (posix) fs.fchmodSync(fd, PRIVATE_FILE_MODE);
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A data folder marked as CaseDesk's (a key store or a PLAIN marker in it) is made owner-only, with
 * those files, even when an earlier build created them 0755/0644; an unmarked existing folder keeps its mode.
 */
export function privatizeDataDir(dataDir: string): void {
  if (!posix || !(fs.existsSync(keystoreFile(dataDir)) || fs.existsSync(plainMarkerFile(dataDir)))) return;
  fs.chmodSync(dataDir, PRIVATE_DIR_MODE);
  privatizeFile(keystoreFile(dataDir));
  privatizeFile(plainMarkerFile(dataDir));
}

/**
 * Before SQLite opens `file`: create it empty and owner-only (SQLite reads an empty file as a new
 * database), because SQLite gives the -wal, -shm and -journal files it creates the database
 * file's own mode — so 0600 here is 0600 for them, whatever the umask.
 */
export function prepareDatabaseFile(file: string): void {
  createPrivateOutput(file);
}

/** After opening: the database and any sidecar an earlier build left with a wider mode. */
export function privatizeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) privatizeFile(`${file}${suffix}`);
}
