/**
 * CLI usage errors about paths (issue 16, item 7): a folder or a text file given as --db, or an
 * existing --out without --force, exits 2 with one clear line and touches nothing; a failed export
 * removes only a file it created itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../../main/backend';
import { exportToFile } from '../../../main/backend/exports/to-file';
import { PASSPHRASE_ENV } from '../../../main/backend/exports/signing';
import { runCli } from '../../../main/cli/main';
import { tempDir } from '../../support/backend';
import { cliIo } from '../../support/cli';
import { exportBackend, PERIOD } from '../exports/support';

let t: ReturnType<typeof exportBackend>;
let scratch: string;
const saved = process.env[PASSPHRASE_ENV];
beforeAll(() => {
  t = exportBackend();
  scratch = tempDir('casedesk-cli-paths-');
  process.env[PASSPHRASE_ENV] = 'cli paths test passphrase';
});
afterAll(() => {
  if (saved === undefined) delete process.env[PASSPHRASE_ENV];
  else process.env[PASSPHRASE_ENV] = saved;
  t.cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const c = cliIo();
  const code = await runCli(args, c.io);
  return { code, err: c.err(), out: c.out() };
}

const exportArgs = (db: string, out: string, ...extra: string[]) => ['export', '--db', db, '--kind', 'ledger', '--format', 'csv', '--from', PERIOD.from, '--to', PERIOD.to, '--out', out, ...extra];

function expectOneLineUsage(r: { code: number; err: string }, pattern: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
  expect(r.err).toMatch(pattern);
}

describe('--db of the wrong kind', () => {
  it('a folder: export and report export exit 2 naming the file to give', async () => {
    expectOneLineUsage(await cli(exportArgs(t.dataDir, path.join(scratch, 'a.csv'))), /--db: .* is a folder; give the database file in it \(.*casedesk\.sqlite\)/);
    expectOneLineUsage(await cli(['report', 'export', '--db', t.dataDir, '--placement', 'CN-2026-Q4', '--out', path.join(scratch, 'r')]), /--db: .* is a folder/);
    expect(fs.existsSync(path.join(scratch, 'a.csv'))).toBe(false);
  });

  it('a text file: exit 2, "not a CaseDesk database"', async () => {
    const text = path.join(scratch, 'notes.txt');
    fs.writeFileSync(text, 'these are not the droids\n');
    expectOneLineUsage(await cli(exportArgs(text, path.join(scratch, 'b.csv'))), /--db: .*notes\.txt is not a CaseDesk database/);
    expectOneLineUsage(await cli(['report', 'export', '--db', text, '--placement', 'CN-2026-Q4', '--out', path.join(scratch, 'r2')]), /not a CaseDesk database/);
  });
});

describe('export --out', () => {
  it('an existing file without --force: exit 2, the file untouched', async () => {
    const existing = path.join(scratch, 'keep.csv');
    fs.writeFileSync(existing, 'precious\n');
    expectOneLineUsage(await cli(exportArgs(databasePath(t.dataDir), existing)), /--out: .*keep\.csv already exists; give --force to replace it/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious\n');
  });

  it('an existing folder: exit 2, even with --force', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'outdir-'));
    expectOneLineUsage(await cli(exportArgs(databasePath(t.dataDir), dir, '--force')), /--out: .* is a folder/);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('an existing file with --force is replaced', async () => {
    const existing = path.join(scratch, 'replace.csv');
    fs.writeFileSync(existing, 'old\n');
    const r = await cli(exportArgs(databasePath(t.dataDir), existing, '--force'));
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(existing, 'utf8')).not.toBe('old\n');
  }, 60_000);
});

describe('a failed export', () => {
  const run = (out: string) =>
    exportToFile(databasePath(t.dataDir), {
      kind: 'ledger', format: 'csv', from: PERIOD.from, to: PERIOD.to, out,
      // Fails while writing, as a full disk would.
      onProgress: (done) => {
        if (done > 0) throw new DiskFull();
      },
    });

  class DiskFull extends Error {}

  it('never removes a path it did not create', async () => {
    const existing = path.join(scratch, 'theirs.csv');
    fs.writeFileSync(existing, 'theirs\n');
    await expect(run(existing)).rejects.toBeInstanceOf(DiskFull);
    expect(fs.existsSync(existing)).toBe(true);
  });

  it('removes the file it created', async () => {
    const fresh = path.join(scratch, 'mine.csv');
    await expect(run(fresh)).rejects.toBeInstanceOf(DiskFull);
    expect(fs.existsSync(fresh)).toBe(false);
  });
});
