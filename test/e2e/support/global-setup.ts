/**
 * Builds one demo database per run (5,000 cases, the size) that every test copies into its
 * own data directory: each test starts from the same fresh agency without paying for the seed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEMPLATE_ENV = 'CASEDESK_E2E_TEMPLATE';
export const NOW_ENV = 'CASEDESK_E2E_NOW';

/**
 * The instant the apps under test believe it is: today at 03:00 UTC — 11:00 in Shanghai, so the
 * China placement's cases are lawfully contactable, on the same calendar day as the browser's.
 */
export function e2eNow(): string {
  return `${new Date().toISOString().slice(0, 10)}T03:00:00.000Z`;
}

export default function globalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-e2e-template-'));
  const file = path.join(dir, 'casedesk.sqlite');
  const now = e2eNow();
  execFileSync(process.execPath, ['bin/casedesk.cjs', 'demo', '--db', file, '--cases', '5000', '--now', now, '--plain'], { stdio: ['ignore', 'ignore', 'inherit'] });
  // Fold the WAL into the main file so a plain copy is complete.
  execFileSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('wal_checkpoint(TRUNCATE)');d.pragma('journal_mode=DELETE');d.close();`]);
  process.env[TEMPLATE_ENV] = file;
  process.env[NOW_ENV] = now;
}
