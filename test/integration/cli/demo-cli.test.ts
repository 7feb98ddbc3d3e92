/** `casedesk demo` through the real CLI dispatcher, writing a real database file. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cliIo as io } from '../../support/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { tempDir } from '../../support/backend';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('casedesk demo', () => {
  it('writes the demo agency: three placements under the three presets, cases, users; integrity ok', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'demo.sqlite');
    const s = io();
    expect(await runCli(['demo', '--db', file, '--cases', '300', '--plain'], s.io)).toBe(0);
    expect(s.out()).toMatch(/300 cases/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(300);
    expect(db.prepare('SELECT preset FROM placements ORDER BY preset').all()).toEqual([{ preset: 'cn' }, { preset: 'uk-conc' }, { preset: 'us-regf' }]);
    expect((db.prepare('SELECT count(DISTINCT lender_id) AS n FROM placements').get() as { n: number }).n).toBe(2);
    const names = db.prepare('SELECT full_name FROM borrowers').all() as { full_name: string }[];
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n.full_name))).toBe(true);
    expect(names.some((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n.full_name))).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n).toBeGreaterThan(300);
    db.close();
  });

  it('gives a usage error and exit code 2 for bad flags', async () => {
    for (const argv of [['demo'], ['demo', '--db'], ['demo', '--db', 'x.sqlite', '--cases', 'many'], ['demo', '--db', 'x.sqlite', '--bogus'], ['nonsense']]) {
      const s = io();
      expect(await runCli(argv, s.io), argv.join(' ')).toBe(2);
      expect(s.err().length, argv.join(' ')).toBeGreaterThan(0);
    }
  });

  it('refuses to write into an existing database', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'x.sqlite');
    fs.writeFileSync(file, 'not empty');
    const s = io();
    expect(await runCli(['demo', '--db', file, '--plain'], s.io)).toBe(2);
    expect(s.err()).toMatch(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not empty');
  });
});

describe('casedesk db time-zone', () => {
  it('shows the agency time zone, sets a valid one (audited), and refuses an unknown one, changing nothing', async () => {
    const dir = tempDir();
    dirs.push(dir);
    expect(await runCli(['demo', '--db', path.join(dir, 'casedesk.sqlite'), '--cases', '100', '--plain'], io().io)).toBe(0);
    const show = io();
    expect(await runCli(['db', 'time-zone', '--data-dir', dir], show.io)).toBe(0);
    expect(show.out()).toBe('Asia/Shanghai\n');

    const set = io();
    expect(await runCli(['db', 'time-zone', '--data-dir', dir, '--set', 'Europe/London'], set.io)).toBe(0);
    expect(set.out()).toBe('Europe/London\n');

    const bad = io();
    expect(await runCli(['db', 'time-zone', '--data-dir', dir, '--set', 'Mars/Olympus_Mons'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--set: "Mars\/Olympus_Mons" is not an IANA time zone/);

    const db = new Database(path.join(dir, 'casedesk.sqlite'), { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'agency_time_zone'").get()).toEqual({ value: 'Europe/London' });
    const audit = db.prepare("SELECT details_json FROM audit_log WHERE action = 'settings.agency_time_zone'").all() as { details_json: string }[];
    expect(audit.map((a) => JSON.parse(a.details_json))).toEqual([{ before: 'Asia/Shanghai', after: 'Europe/London', via: 'cli' }]);
    db.close();
  });

  it('refuses a folder without a database (making none) and flags of another subcommand', async () => {
    const empty = tempDir();
    dirs.push(empty);
    const wrong = io();
    expect(await runCli(['db', 'time-zone', '--data-dir', empty, '--set', 'Europe/London'], wrong.io)).toBe(1);
    expect(wrong.err()).toMatch(/holds no CaseDesk database/);
    expect(fs.readdirSync(empty)).toEqual([]);

    const foreign = io();
    expect(await runCli(['db', 'rekey', '--data-dir', empty, '--set', 'Europe/London'], foreign.io)).toBe(2);
    expect(foreign.err()).toMatch(/--set does not apply to casedesk db rekey/);
    const unknown = io();
    expect(await runCli(['db', 'zone', '--data-dir', empty], unknown.io)).toBe(2);
    expect(unknown.err()).toMatch(/unknown db subcommand "zone"/);
  });
});
