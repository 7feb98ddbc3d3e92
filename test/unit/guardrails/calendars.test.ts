/**
 * Holiday calendars as data: what is bundled, what a year without a calendar does (fails closed: the
 * rule's own level, never a silent allow), installed calendars over the bundled ones, and the horizon.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CalendarError,
  bundledCalendars,
  calendarHorizon,
  parseCalendars,
  resolvePolicy,
  useInstalledCalendars,
  yearsText,
  type CalendarFile,
} from '../../../common/domain/guardrails';
import { action, check, facts } from './helpers';

const SH = ['Asia/Shanghai'];
const cn2027: CalendarFile = {
  format: 'casedesk-calendar@1',
  jurisdiction: 'cn',
  year: 2027,
  source: 'test calendar (not the official schedule)',
  holidays: { '2027-01-01': '元旦 / New Year' },
  workdays: { '2027-01-09': '测试调休 / test working Saturday' },
};

afterEach(() => {
  useInstalledCalendars([]);
});

describe('bundled calendars', () => {
  it('China 2023–2026 from the State Council notices; US and England 2023–2030', () => {
    const set = bundledCalendars();
    expect(set.years('cn')).toEqual([2023, 2024, 2025, 2026]);
    expect(set.years('us')).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(set.years('gb')).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    for (const c of ['cn', 'us', 'gb'] as const) for (const y of set.years(c)) expect(set.get(c, y)?.source).toMatch(/\S/);
  });

  it('cover the current calendar year (real date) for every jurisdiction', () => {
    const now = new Date();
    for (const line of calendarHorizon(bundledCalendars(), now)) expect(line.thisYear, line.text).toBe(true);
  });

  it('the next calendar year: covered, or else the holiday rule warns on its dates and the horizon says MISSING', () => {
    const next = new Date().getUTCFullYear() + 1;
    for (const line of calendarHorizon(bundledCalendars(), new Date())) {
      if (line.nextYear) continue;
      // Not covered (China 2027 today): the gap must be visible, never a silent allow.
      expect(line.text).toContain(`MISSING ${next}`);
      const presetFor = { cn: 'cn', us: 'us-regf', gb: 'uk-conc' } as const;
      const zone = { cn: 'Asia/Shanghai', us: 'America/New_York', gb: 'Europe/London' }[line.jurisdiction];
      const policy = resolvePolicy(presetFor[line.jurisdiction], { holidays: { mode: 'warn' } });
      const d = check(policy, facts({}, [zone]), action(), `${next}-03-10T15:00:00Z`);
      expect(d.rules).toContain(`${policy.preset === 'cn' ? 'CN' : policy.preset === 'us-regf' ? 'US' : 'UK'}-HOLIDAY`);
    }
  });
});

describe('CN-HOLIDAY on bundled data', () => {
  const cases: [string, string, string[]][] = [
    ['2026-09-30T03:00:00Z', 'allow', []], // the day before National Day
    ['2026-10-01T03:00:00Z', 'warn', ['CN-HOLIDAY']], // first day
    ['2026-10-07T03:00:00Z', 'warn', ['CN-HOLIDAY']], // last day
    ['2026-10-08T03:00:00Z', 'allow', []], // the day after
    ['2026-10-10T03:00:00Z', 'allow', []], // a Saturday made a working day
    ['2026-12-31T03:00:00Z', 'allow', []], // last covered day
  ];
  for (const [now, verdict, rules] of cases) {
    it(`${now} → ${verdict}`, () => {
      const d = check('cn', facts({}, SH), action(), now);
      expect(d.verdict).toBe(verdict);
      expect(d.rules).toEqual(rules);
    });
  }
});

describe('a year no calendar covers', () => {
  it('2027-01-01 and 2027-10-01 warn, naming the rule and the missing year (zh-CN and English)', () => {
    for (const now of ['2027-01-01T03:00:00Z', '2027-10-01T03:00:00Z', '2027-03-10T03:00:00Z']) {
      const d = check('cn', facts({}, SH), action(), now);
      expect(d.verdict).toBe('warn');
      expect(d.rules).toEqual(['CN-HOLIDAY']);
      expect(d.reasons[0]?.message.en).toMatch(/^Caution: CN-HOLIDAY cannot tell whether 2027-\d\d-\d\d is a statutory holiday — the cn holiday calendar for 2027 is missing \(covered: 2023–2026\)/);
      expect(d.reasons[0]?.message['zh-CN']).toContain('缺少 2027 年的节假日日历');
    }
  });

  it('the borrower-local date decides: 2026-12-31 16:00Z is already 2027 in Shanghai', () => {
    expect(check('cn', facts({}, SH), action(), '2026-12-31T13:59:00Z').rules).toEqual([]); // 21:59 on the 31st
    expect(check('cn', facts({ nightContactAgreed: true }, SH), action(), '2026-12-31T16:00:00Z').rules).toEqual(['CN-HOLIDAY']);
  });

  it('a years before the first covered one fails closed too', () => {
    expect(check('cn', facts({}, SH), action(), '2022-06-01T03:00:00Z').rules).toEqual(['CN-HOLIDAY']);
  });

  it('a placement that blocks on holidays blocks, with no next time until a person installs the calendar', () => {
    const strict = resolvePolicy('cn', { holidays: { mode: 'block' } });
    const d = check(strict, facts({}, SH), action(), '2027-01-04T03:00:00Z');
    expect(d.blocks).toEqual(['CN-HOLIDAY']);
    expect(d.nextAllowedAt).toBeNull();
    expect(d.reasons[0]?.message.en).toMatch(/^Blocked: CN-HOLIDAY/);
  });

  it('a block on 2026-12-31 ends at the covered year: the next time is not guessed into 2027', () => {
    const strict = resolvePolicy('cn', { holidays: { mode: 'block' } });
    const d = check(strict, facts({}, SH), action(), '2026-12-31T14:30:00Z'); // 22:30, hours block
    expect(d.blocks).toEqual(['CN-HOURS']);
    expect(d.nextAllowedAt).toBeNull();
  });

  it('channels outside the rule and a rule that is off are not affected', () => {
    expect(check('cn', facts({}, SH), action({ channel: 'letter', text: null }), '2027-03-10T03:00:00Z').rules).not.toContain('CN-HOLIDAY');
    expect(check('us-regf', facts({}, ['America/New_York']), action(), '2031-03-11T15:00:00Z').rules).toEqual([]);
  });

  it('US and England are bundled through 2030 and fail closed from 2031 when the placement uses holidays', () => {
    const us = resolvePolicy('us-regf', { holidays: { mode: 'warn' } });
    expect(check(us, facts({}, ['America/New_York']), action(), '2030-07-04T15:00:00Z').rules).toEqual(['US-HOLIDAY']);
    expect(check(us, facts({}, ['America/New_York']), action(), '2030-07-05T15:00:00Z').rules).toEqual([]);
    expect(check(us, facts({}, ['America/New_York']), action(), '2031-07-07T15:00:00Z').rules).toEqual(['US-HOLIDAY']);
    const uk = resolvePolicy('uk-conc', { holidays: { mode: 'warn' } });
    expect(check(uk, facts({}, ['Europe/London']), action(), '2027-12-27T11:00:00Z').rules).toEqual(['UK-HOLIDAY']);
    expect(check(uk, facts({}, ['Europe/London']), action(), '2031-01-02T11:00:00Z').reasons[0]?.message.en).toContain('gb holiday calendar for 2031 is missing');
  });
});

describe('installed calendars', () => {
  it('an installed 2027 calendar is read over the bundled ones: its holidays warn, its ordinary days allow', () => {
    useInstalledCalendars([cn2027]);
    const d = check('cn', facts({}, SH), action(), '2027-01-01T03:00:00Z');
    expect(d.rules).toEqual(['CN-HOLIDAY']);
    expect(d.reasons[0]?.message.en).toContain('2027-01-01 is a statutory holiday where the borrower is (元旦 / New Year)');
    expect(check('cn', facts({}, SH), action(), '2027-01-04T03:00:00Z').verdict).toBe('allow');
    expect(check('cn', facts({}, SH), action(), '2027-01-09T03:00:00Z').verdict).toBe('allow'); // adjusted working day
    useInstalledCalendars([]);
    expect(check('cn', facts({}, SH), action(), '2027-01-04T03:00:00Z').verdict).toBe('warn');
  });

  it('an installed calendar replaces the bundled one of the same year', () => {
    const set = useInstalledCalendars([{ ...cn2027, year: 2026, holidays: { '2026-03-10': 'x' }, workdays: {} }]);
    expect(set.day('cn', '2026-10-01')).toEqual({ kind: 'ordinary' });
    expect(set.day('cn', '2026-03-10')).toEqual({ kind: 'holiday', name: 'x' });
  });
});

describe('calendar files are validated', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a date outside its year', { ...cn2027, holidays: { '2026-12-31': 'x' } }, /holidays\.2026-12-31: not in 2027/],
    ['an impossible date', { ...cn2027, holidays: { '2027-02-30': 'x' } }, /holidays.2027-02-30/],
    ['a day both holiday and working day', { ...cn2027, workdays: { '2027-01-01': 'x' } }, /both a holiday and a working day/],
    ['an unknown jurisdiction', { ...cn2027, jurisdiction: 'fr' }, /jurisdiction: expected one of cn\|us\|gb/],
    ['another format', { ...cn2027, format: 'ics' }, /format/],
    ['an unknown key', { ...cn2027, extra: 1 }, /unknown key "extra"/],
    ['an empty list', [], /no calendar/],
    ['a year out of range', { ...cn2027, year: 1999, holidays: {} }, /year/],
  ];
  for (const [what, input, re] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => parseCalendars(input)).toThrow(CalendarError);
      expect(() => parseCalendars(input)).toThrow(re);
    });
  }
  it('accepts one calendar or a list', () => {
    expect(parseCalendars(cn2027)).toHaveLength(1);
    expect(parseCalendars([cn2027, { ...cn2027, year: 2028, holidays: {}, workdays: {} }])).toHaveLength(2);
  });
  it('years as ranges', () => {
    expect(yearsText([])).toBe('none');
    expect(yearsText([2023, 2024, 2026])).toBe('2023–2024, 2026');
    expect(yearsText([2027])).toBe('2027');
  });
  it('horizon lines', () => {
    const lines = calendarHorizon(bundledCalendars(), new Date('2026-12-03T00:00:00Z'));
    expect(lines.map((l) => l.text)).toEqual(['cn: 2023–2026 — MISSING 2027', 'us: 2023–2030 — ok', 'gb: 2023–2030 — ok']);
    expect(calendarHorizon(bundledCalendars(), new Date('2027-06-01T00:00:00Z'))[0]?.text).toBe('cn: 2023–2026 — MISSING 2027');
    expect(calendarHorizon(bundledCalendars(), new Date('2025-06-01T00:00:00Z'))[0]?.text).toBe('cn: 2023–2026 — ok');
  });
});
