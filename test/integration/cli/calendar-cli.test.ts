/**
 * `casedesk calendar import|status` and `casedesk guardrails check` on 2026 and 2027 holidays, through the
 * real CLI dispatcher with a real data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { useInstalledCalendars } from '../../../common/domain/guardrails';
import { cliIo } from '../../support/cli';
import { tempDir } from '../../support/backend';

const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  useInstalledCalendars([]);
});

function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

async function cli(args: string[], stdin = '') {
  const s = cliIo();
  s.io.stdin.end(stdin);
  const code = await runCli(args, s.io);
  return { code, out: s.out(), err: s.err() };
}

const scenario = (now: string, policy: unknown = 'cn') =>
  JSON.stringify({ policy, now, borrower: { timezones: ['Asia/Shanghai'] }, action: { channel: 'call', party: 'borrower', contact: 'm1' } });

const CAL_2027 = {
  format: 'casedesk-calendar@1',
  jurisdiction: 'cn',
  year: 2027,
  source: 'test calendar (not the official schedule)',
  holidays: { '2027-01-01': '元旦 / New Year', '2027-10-01': '国庆节 / National Day' },
  workdays: {},
};

describe('casedesk guardrails check on holidays', () => {
  it('2026: National Day warns with CN-HOLIDAY; an ordinary day allows', async () => {
    const data = dir();
    const r = await cli(['guardrails', 'check', '--data-dir', data], scenario('2026-10-01T03:00:00Z'));
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { verdict: string; reasons: { rule: string; message: string }[] };
    expect(d.verdict).toBe('warn');
    expect(d.reasons.map((x) => x.rule)).toEqual(['CN-HOLIDAY']);
    expect(d.reasons[0]?.message).toContain('National Day');
    expect(JSON.parse((await cli(['guardrails', 'check', '--data-dir', data], scenario('2026-10-09T03:00:00Z'))).out).verdict).toBe('allow');
  });

  it('2027 without a calendar: warns (zh-CN and English) that the 2027 calendar is missing; blocks where the placement blocks', async () => {
    const data = dir();
    for (const now of ['2027-01-01T03:00:00Z', '2027-10-01T03:00:00Z']) {
      const en = JSON.parse((await cli(['guardrails', 'check', '--data-dir', data], scenario(now))).out) as { verdict: string; reasons: { rule: string; message: string }[] };
      expect(en.verdict).toBe('warn');
      expect(en.reasons.map((x) => x.rule)).toEqual(['CN-HOLIDAY']);
      expect(en.reasons[0]?.message).toContain('calendar for 2027 is missing');
      const zh = JSON.parse((await cli(['guardrails', 'check', '--lang', 'zh-CN', '--data-dir', data], scenario(now))).out) as { reasons: { message: string }[] };
      expect(zh.reasons[0]?.message).toContain('缺少 2027 年的节假日日历');
    }
    const strict = JSON.parse((await cli(['guardrails', 'check', '--data-dir', data], scenario('2027-01-01T03:00:00Z', { preset: 'cn', holidays: { mode: 'block' } }))).out) as { verdict: string; nextAllowedAt: unknown };
    expect(strict).toMatchObject({ verdict: 'block', nextAllowedAt: null });
  });

  it('after `calendar import`, the 2027 calendar decides: its holiday warns as a holiday, its ordinary day allows', async () => {
    const data = dir();
    const file = path.join(dir(), 'cn-2027.json');
    fs.writeFileSync(file, JSON.stringify(CAL_2027));
    const imp = await cli(['calendar', 'import', file, '--data-dir', data]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/installed cn 2027 \(2 holidays, 0 adjusted working days\)/);
    const installed = path.join(data, 'calendars', 'cn-2027.json');
    expect(fs.statSync(installed).mode & 0o777).toBe(0o600);
    const h = JSON.parse((await cli(['guardrails', 'check', '--data-dir', data], scenario('2027-10-01T03:00:00Z'))).out) as { verdict: string; reasons: { message: string }[] };
    expect(h.verdict).toBe('warn');
    expect(h.reasons[0]?.message).toContain('2027-10-01 is a statutory holiday');
    expect(JSON.parse((await cli(['guardrails', 'check', '--data-dir', data], scenario('2027-03-10T03:00:00Z'))).out).verdict).toBe('allow');
    const status = await cli(['calendar', 'status', '--data-dir', data, '--now', '2026-12-03T00:00:00Z']);
    expect(status.code).toBe(0);
    expect(status.out).toContain('cn: 2023–2027 — ok');
  });
});

describe('casedesk calendar', () => {
  it('status reports the horizon and exits 1 when next year is missing', async () => {
    const r = await cli(['calendar', 'status', '--data-dir', dir(), '--now', '2026-12-03T00:00:00Z']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('cn: 2023–2026 — MISSING 2027');
    expect(r.out).toContain('us: 2023–2030 — ok');
    expect(r.err).toContain('horizon: calendars missing for cn 2027');
  });

  it('import refuses an invalid file (exit 2) and installs nothing', async () => {
    const data = dir();
    const file = path.join(dir(), 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ ...CAL_2027, holidays: { '2026-12-31': 'x' } }));
    const r = await cli(['calendar', 'import', file, '--data-dir', data]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid calendar .*holidays\.2026-12-31: not in 2027/);
    expect(fs.existsSync(path.join(data, 'calendars'))).toBe(false);
    fs.writeFileSync(file, '{not json');
    expect((await cli(['calendar', 'import', file, '--data-dir', data])).err).toMatch(/invalid JSON/);
    expect((await cli(['calendar', 'import', path.join(data, 'nope.json'), '--data-dir', data])).err).toMatch(/file not found/);
  });

  it('usage mistakes exit 2', async () => {
    expect((await cli(['calendar'])).code).toBe(2);
    expect((await cli(['calendar', 'frob'])).code).toBe(2);
    expect((await cli(['calendar', 'import', '--data-dir', dir()])).code).toBe(2);
    expect((await cli(['calendar', 'status', '--now', 'yesterday', '--data-dir', dir()])).code).toBe(2);
  });

  it('a calendar file corrupted after install is skipped and reported, not trusted', async () => {
    const data = dir();
    fs.mkdirSync(path.join(data, 'calendars'));
    fs.writeFileSync(path.join(data, 'calendars', 'cn-2027.json'), '{"format":"x"}');
    const r = await cli(['guardrails', 'check', '--data-dir', data], scenario('2027-03-10T03:00:00Z'));
    expect(r.err).toContain('calendar skipped: cn-2027.json');
    expect(JSON.parse(r.out).verdict).toBe('warn');
  });
});
