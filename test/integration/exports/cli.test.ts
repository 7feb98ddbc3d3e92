/**
 * `casedesk export` (main/cli/commands/export.ts): usage errors exit 2 with a clear message; a real
 * export prints progress on stderr and the manifest path on stdout, and the manifest verifies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cliIo } from '../../support/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../main/backend/exports/manifest';
import { PASSPHRASE_ENV } from '../../../main/backend/exports/signing';
import { exportCommand } from '../../../main/cli/commands/export';
import { EXIT_USAGE, UsageError } from '../../../main/cli/io';
import { databasePath } from '../../../main/backend';
import { exportBackend, PERIOD } from './support';

let t: ReturnType<typeof exportBackend>;
let db: string;
const saved = process.env[PASSPHRASE_ENV];

beforeAll(() => {
  t = exportBackend();
  db = databasePath(t.dataDir);
  process.env[PASSPHRASE_ENV] = 'cli export test passphrase';
});
afterAll(() => {
  if (saved === undefined) delete process.env[PASSPHRASE_ENV];
  else process.env[PASSPHRASE_ENV] = saved;
  t.cleanup();
});

/** Runs the command the way main/cli/main.ts does: a UsageError is one stderr line and exit 2. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = cliIo();
  let code: number;
  let usage = '';
  try {
    code = await exportCommand(args, c.io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    usage = `${e.message}\n`;
    code = EXIT_USAGE;
  }
  return { code, out: c.out(), err: c.err() + usage };
}

const base = () => ['--db', db, '--kind', 'activities', '--format', 'csv', '--from', PERIOD.from, '--to', PERIOD.to, '--out', path.join(t.dataDir, 'cli', 'a.csv')];
const replace = (args: string[], flag: string, value: string | null): string[] => {
  const i = args.indexOf(flag);
  const copy = [...args];
  if (value === null) copy.splice(i, 2);
  else copy[i + 1] = value;
  return copy;
};

describe('casedesk export: usage errors exit 2', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['unknown kind', () => replace(base(), '--kind', 'payments'), /--kind: unknown kind "payments"; use one of activities, ledger, conduct, performance/],
    ['unknown format', () => replace(base(), '--format', 'docx'), /--format: unknown format "docx"/],
    ['bad date', () => replace(base(), '--from', '2026-02-30'), /--from must be a calendar date YYYY-MM-DD, got "2026-02-30"/],
    ['from after to', () => replace(replace(base(), '--from', '2026-12-01'), '--to', '2026-11-01'), /--from 2026-12-01 is after --to 2026-11-01/],
    ['missing --out', () => replace(base(), '--out', null), /missing --out/],
    ['missing --db', () => replace(base(), '--db', null), /missing --db/],
    ['unknown flag', () => [...base(), '--colour', 'red'], /Unknown option '--colour'/],
    ['short unmask reason', () => [...base(), '--unmask-reason', 'x'], /--unmask-reason: a reason of at least 5 characters/],
    ['no such database', () => replace(base(), '--db', path.join(t.dataDir, 'nope.sqlite')), /--db: .*nope.sqlite does not exist/],
    ['unknown placement', () => [...base(), '--placement', 'XX-1'], /--placement: no placement with id or code "XX-1"/],
    ['a collector', () => [...base(), '--as', 'zhang.wei'], /--as: zhang.wei is a collector; exports need a supervisor or an admin/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await run(args());
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }

  it('a passphrase named but missing is a usage error', async () => {
    const r = await run([...base(), '--passphrase-env', 'CASEDESK_UNSET_PASSPHRASE_X']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/passphrase .* CASEDESK_UNSET_PASSPHRASE_X/);
  });
});

describe('casedesk export on a --plain database without a passphrase', () => {
  it('signs with a key kept inside the database, and the manifest says so', async () => {
    const plain = exportBackend({}, 20);
    const pass = process.env[PASSPHRASE_ENV];
    delete process.env[PASSPHRASE_ENV];
    try {
      const out = path.join(plain.dataDir, 'cli', 'ledger.csv');
      const r = await run(['--db', databasePath(plain.dataDir), '--kind', 'ledger', '--format', 'csv', '--from', PERIOD.from, '--to', PERIOD.to, '--out', out, '--as', 'wang.fang']);
      expect(r.err).not.toMatch(/passphrase/);
      expect(r.code).toBe(0);
      const check = await verifyManifest(`${out}.manifest.json`);
      expect(check).toMatchObject({ ok: true, manifest: { keyKeptBy: expect.stringMatching(/inside the unencrypted \(--plain\) database/) } });
    } finally {
      process.env[PASSPHRASE_ENV] = pass;
      plain.cleanup();
    }
  });
});

describe('casedesk export: a real export', () => {
  it('writes the file and a verifiable manifest; prints the manifest path on stdout', async () => {
    const out = path.join(t.dataDir, 'cli', 'ledger.xlsx');
    const r = await run(['--db', db, '--kind', 'ledger', '--format', 'xlsx', '--from', PERIOD.from, '--to', PERIOD.to, '--out', out, '--placement', 'CN-2026-Q4', '--as', 'wang.fang']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${out}.manifest.json\n`);
    expect(r.err).toMatch(/export ledger xlsx: \d+ rows written to /);
    expect(fs.existsSync(out)).toBe(true);
    const check = await verifyManifest(`${out}.manifest.json`);
    expect(check).toMatchObject({ ok: true, manifest: { kind: 'ledger', exportedBy: { username: 'wang.fang' }, masked: true } });
    const audit = t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'export.%' ORDER BY seq DESC LIMIT 2").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['export.done', 'export.start']);
  });

  it('defaults to the admin and unmasks with a reason', async () => {
    const out = path.join(t.dataDir, 'cli', 'activities.csv');
    const r = await run([...replace(base(), '--out', out), '--unmask-reason', 'court order 2026/118']);
    expect(r.code).toBe(0);
    const check = await verifyManifest(r.out.trim());
    expect(check).toMatchObject({ ok: true, manifest: { exportedBy: { username: 'admin' }, masked: false, unmaskReason: 'court order 2026/118' } });
  });
});
