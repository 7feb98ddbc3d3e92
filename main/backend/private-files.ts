/**
 * Owner-only files and folders, whatever the umask: folders 0700, files 0600, set explicitly with
 * chmod after creation (a umask only narrows the mode open/mkdir ask for; an existing path keeps its
 * old mode until chmod). POSIX only: Windows has no mode bits (its per-user profile folders are
 * private by ACL), so there these are plain mkdir/write.
 */
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) and makes `dir` itself owner-only. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) fs.chmodSync(dir, PRIVATE_DIR_MODE);
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
