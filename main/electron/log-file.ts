/**
 * The shell's log file, so a failure in the field can be diagnosed: `<userData>/logs/casedesk.log`,
 * rotated at 1 MiB to casedesk.1.log … casedesk.3.log. Folder 0700, files 0600. What reaches it is
 * what the shell's `log` is given — start-up milestones, method names and error codes, backend
 * exits — never arguments or personal data.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 3;

export interface LogFile {
  file: string;
  write(line: string): void;
}

function rotate(dir: string, base: string): void {
  rmSync(path.join(dir, `${base}.${LOG_KEEP}.log`), { force: true });
  for (let i = LOG_KEEP - 1; i >= 1; i--) {
    const from = path.join(dir, `${base}.${i}.log`);
    if (existsSync(from)) renameSync(from, path.join(dir, `${base}.${i + 1}.log`));
  }
  renameSync(path.join(dir, `${base}.log`), path.join(dir, `${base}.1.log`));
}

export function openLogFile(userData: string, now: () => Date = () => new Date()): LogFile {
  const dir = path.join(userData, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = path.join(dir, 'casedesk.log');
  return {
    file,
    write(line: string): void {
      try {
        if (existsSync(file) && statSync(file).size >= LOG_MAX_BYTES) rotate(dir, 'casedesk');
        appendFileSync(file, `${now().toISOString()} ${line.replace(/[\r\n]+/g, ' ')}\n`, { mode: 0o600 });
      } catch {
        // A full or read-only disk must not take the app down with it; stderr still has the line.
      }
    },
  };
}
