/** Small durable-file helpers: a key store that is half written after a power cut is a lost database. */
import fs from 'node:fs';
import path from 'node:path';

/** Writes and fsyncs `file` (owner-only), so a later rename publishes complete bytes. */
export function writeDurable(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    // Owner-only whatever the umask, and even if a leftover file had another mode.
    if (process.platform !== 'win32') fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or unlink in `dir` itself durable. Windows cannot open folders; NTFS journals renames. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function renameDurable(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncDir(path.dirname(to));
}

/** Replaces `file` whole or not at all, through `${file}.write`. */
export function replaceFileAtomically(file: string, text: string): void {
  const scratch = `${file}.write`;
  writeDurable(scratch, text);
  renameDurable(scratch, file);
}
