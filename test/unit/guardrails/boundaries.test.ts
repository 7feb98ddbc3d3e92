/**
 * Every number of every preset, and a placement's tightened numbers, at n−1, n and n+1. Each row names
 * the limit, builds the scenario for a value, and says what the rule must do there; a limit moved by
 * one (`>` for `>=`, a window a day too long or short, an hour edge a minute off) fails a row.
 * Checked by hand: `ordinal > max` → `>=` in CN-UNANSWERED fails 4 rows; `<` → `<=` in CN-CONNECTED fails 2.
 * Not covered here: usPattern.unansweredMinutes, usThirdParty.maxLocationContacts, usValidation.days,
 * usFrequency.consentDays, cnThirdParty.unreachableDays and retention years (see test/MUTATION.md).
 */
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type Action, type Facts, type HistoryEntry, type Policy } from '../../../common/domain/guardrails';
import { action, check, entry, facts } from './helpers';

type Outcome = 'none' | 'warn' | 'block';

interface Row {
  limit: string;
  n: number;
  rule: string;
  scenario: (v: number) => { policy: Policy; facts: Facts; action: Action; now: string };
  /** What the rule does at value v. */
  expect: (v: number) => Outcome;
}

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString();
const pad = (n: number): string => String(n).padStart(2, '0');

// CN: Wednesday 2026-03-11, 14:00 in Shanghai. US: 12:00 in New York (EDT). UK: 12:00 in London (GMT).
const CN_NOW = '2026-03-11T06:00:00Z';
const US_NOW = '2026-03-11T16:00:00Z';
const UK_NOW = '2026-03-11T12:00:00Z';
const SH = ['Asia/Shanghai'];
const NY = ['America/New_York'];
const LDN = ['Europe/London'];

/** k calls today in Shanghai from 09:00 local, five minutes apart. */
const cnToday = (k: number, over: Partial<HistoryEntry> = {}): HistoryEntry[] =>
  Array.from({ length: k }, (_, i) => entry(`2026-03-11T01:${pad(i * 5)}:00Z`, over));
/** k calls on earlier days (`perDay` a day from `firstOffset` days back), mid-morning local. */
function earlier(now: string, k: number, perDay: number, over: Partial<HistoryEntry> = {}, firstOffset = 1): HistoryEntry[] {
  const t0 = Date.parse(now);
  return Array.from({ length: k }, (_, i) => entry(iso(t0 - (firstOffset + Math.floor(i / perDay)) * DAY - (i % perDay) * 10 * 60_000 - 3_600_000), over));
}
/** The outcome of one rule in a decision: its worst severity, or none. */
function outcomeOf(d: ReturnType<typeof check>, rule: string): Outcome {
  const sev = d.reasons.filter((r) => r.rule === rule).map((r) => r.severity);
  return sev.includes('block') ? 'block' : sev.includes('warn') ? 'warn' : 'none';
}
/** Local wall time hh:mm on 2026-03-11 in a zone with a fixed offset that day (hours east of UTC). */
const wall = (minutes: number, offsetHours: number): string => iso(Date.parse('2026-03-11T00:00:00Z') + (minutes - offsetHours * 60) * 60_000);

const cn = resolvePolicy('cn');
const us = resolvePolicy('us-regf');
const uk = resolvePolicy('uk-conc');
const cnTight = resolvePolicy('cn', {
  hours: { start: '09:00', end: '20:00' },
  limits: { cnUnanswered: { maxPerContactPerDay: 4, warnAt: 3 }, cnConnected: { maxPerDay: 2 }, cnThirdParty: { failedAttempts: 4 } },
});
const usTight = resolvePolicy('us-regf', { limits: { usFrequency: { maxCalls: 5, windowDays: 10, afterConversationDays: 9 } } });
const ukTight = resolvePolicy('uk-conc', { limits: { ukExcessive: { maxCallsPerDay: 2, maxCallsPerWindow: 6, maxWrittenPerWindow: 2, windowDays: 9 } } });

function unanswered(policy: Policy, label: string): Row[] {
  const { maxPerContactPerDay: max, warnAt } = policy.limits.cnUnanswered;
  // v prior unanswered attempts today: the next is attempt v+1 (block above max, warn from warnAt).
  const scenario = (v: number) => ({ policy, facts: facts({ history: cnToday(v) }, SH), action: action(), now: CN_NOW });
  const outcome = (v: number): Outcome => (v + 1 > max ? 'block' : v + 1 >= warnAt ? 'warn' : 'none');
  return [
    { limit: `${label} CN-UNANSWERED maxPerContactPerDay (prior attempts)`, n: max, rule: 'CN-UNANSWERED', scenario, expect: outcome },
    { limit: `${label} CN-UNANSWERED warnAt (prior attempts)`, n: warnAt - 1, rule: 'CN-UNANSWERED', scenario, expect: outcome },
  ];
}

function cnHours(policy: Policy, label: string): Row[] {
  const [sh, sm] = policy.hours.start.split(':').map(Number) as [number, number];
  const [eh, em] = policy.hours.end.split(':').map(Number) as [number, number];
  const scenario = (v: number) => ({ policy, facts: facts({}, SH), action: action(), now: wall(v, 8) });
  const lawful = (v: number): Outcome => (v >= sh * 60 + sm && v < eh * 60 + em ? 'none' : 'block');
  return [
    { limit: `${label} CN-HOURS start (minute of day)`, n: sh * 60 + sm, rule: 'CN-HOURS', scenario, expect: lawful },
    { limit: `${label} CN-HOURS end (minute of day)`, n: eh * 60 + em, rule: 'CN-HOURS', scenario, expect: lawful },
  ];
}

function cnConnected(policy: Policy, label: string): Row {
  const max = policy.limits.cnConnected.maxPerDay;
  return {
    limit: `${label} CN-CONNECTED maxPerDay (prior connected calls)`,
    n: max,
    rule: 'CN-CONNECTED',
    scenario: (v) => ({ policy, facts: facts({ history: cnToday(v, { result: 'connected' }) }, SH), action: action(), now: CN_NOW }),
    expect: (v) => (v >= max ? 'block' : 'none'),
  };
}

function cnThirdParty(policy: Policy, label: string): Row {
  const n = policy.limits.cnThirdParty.failedAttempts;
  // v consecutive failed attempts to the borrower yesterday: a third party may be called from the day after n.
  return {
    limit: `${label} CN-THIRD-PARTY failedAttempts (failed attempts yesterday)`,
    n,
    rule: 'CN-THIRD-PARTY',
    scenario: (v) => ({ policy, facts: facts({ history: earlier(CN_NOW, v, 10) }, SH), action: action({ party: 'third_party', contact: 'friend-1' }), now: CN_NOW }),
    expect: (v) => (v >= n ? 'none' : 'block'),
  };
}

function visit(policy: Policy, label: string, prefix: string): Row {
  const min = policy.limits.visit.minCollectors;
  const zone = prefix === 'CN' ? SH : prefix === 'US' ? NY : LDN;
  const now = prefix === 'CN' ? CN_NOW : prefix === 'US' ? US_NOW : UK_NOW;
  return {
    limit: `${label} ${prefix}-VISIT minCollectors`,
    n: min,
    rule: `${prefix}-VISIT`,
    scenario: (v) => ({ policy, facts: facts({}, zone), action: action({ channel: 'visit', collectors: v }), now }),
    expect: (v) => (v >= min ? 'none' : 'block'),
  };
}

function us7in7(policy: Policy, label: string): Row[] {
  const { maxCalls, windowDays } = policy.limits.usFrequency;
  return [
    {
      limit: `${label} US-7IN7 maxCalls (calls in the window)`,
      n: maxCalls,
      rule: 'US-7IN7',
      scenario: (v) => ({ policy, facts: facts({ history: earlier(US_NOW, v, 3) }, NY), action: action(), now: US_NOW }),
      expect: (v) => (v >= maxCalls ? 'block' : 'none'),
    },
    {
      // maxCalls calls: all but one yesterday, the oldest v days back; it counts while inside the window.
      limit: `${label} US-7IN7 windowDays (days back of the oldest call)`,
      n: windowDays,
      rule: 'US-7IN7',
      scenario: (v) => ({
        policy,
        facts: facts({ history: [...earlier(US_NOW, maxCalls - 1, maxCalls), ...earlier(US_NOW, 1, 1, {}, v)] }, NY),
        action: action(),
        now: US_NOW,
      }),
      expect: (v) => (v <= windowDays - 1 ? 'block' : 'none'),
    },
  ];
}

function usAfterConversation(policy: Policy, label: string): Row {
  const days = policy.limits.usFrequency.afterConversationDays;
  return {
    limit: `${label} US-AFTER-CONVERSATION afterConversationDays (days back of the conversation)`,
    n: days,
    rule: 'US-AFTER-CONVERSATION',
    scenario: (v) => ({ policy, facts: facts({ history: earlier(US_NOW, 1, 1, { result: 'connected' }, v) }, NY), action: action(), now: US_NOW }),
    expect: (v) => (v <= days - 1 ? 'block' : 'none'),
  };
}

function usPatternPerDay(policy: Policy, label: string): Row {
  const max = policy.limits.usPattern.maxCallsPerDay;
  const sev = policy.rules['US-PATTERN'] as Outcome;
  // v calls today, an hour apart from 09:00 New York time (an hour apart, so the unanswered-minutes check stays quiet).
  const today = (k: number) => Array.from({ length: k }, (_, i) => entry(`2026-03-11T${pad(13 + i)}:00:00Z`, { result: 'voicemail' }));
  return {
    limit: `${label} US-PATTERN maxCallsPerDay (calls today)`,
    n: max,
    rule: 'US-PATTERN',
    scenario: (v) => ({ policy, facts: facts({ history: today(v) }, NY), action: action(), now: US_NOW }),
    expect: (v) => (v >= max ? sev : 'none'),
  };
}

function westernHours(policy: Policy, label: string, prefix: 'US' | 'UK'): Row[] {
  const zone = prefix === 'US' ? NY : LDN;
  const offset = prefix === 'US' ? -4 : 0;
  const [sh, sm] = policy.hours.start.split(':').map(Number) as [number, number];
  const [eh, em] = policy.hours.end.split(':').map(Number) as [number, number];
  const scenario = (v: number) => ({ policy, facts: facts({}, zone), action: action(), now: wall(v, offset) });
  const lawful = (v: number): Outcome => (v >= sh * 60 + sm && v < eh * 60 + em ? 'none' : 'block');
  return [
    { limit: `${label} ${prefix}-HOURS start (minute of day)`, n: sh * 60 + sm, rule: `${prefix}-HOURS`, scenario, expect: lawful },
    { limit: `${label} ${prefix}-HOURS end (minute of day)`, n: eh * 60 + em, rule: `${prefix}-HOURS`, scenario, expect: lawful },
  ];
}

function ukExcessive(policy: Policy, label: string): Row[] {
  const c = policy.limits.ukExcessive;
  const warnFrom = (n: number) => (v: number): Outcome => (v >= n ? 'warn' : 'none');
  const todayCalls = (k: number) => Array.from({ length: k }, (_, i) => entry(`2026-03-11T09:${pad(i * 5)}:00Z`));
  return [
    {
      limit: `${label} UK-EXCESSIVE maxCallsPerDay (calls today)`,
      n: c.maxCallsPerDay,
      rule: 'UK-EXCESSIVE',
      scenario: (v) => ({ policy, facts: facts({ history: todayCalls(v) }, LDN), action: action(), now: UK_NOW }),
      expect: warnFrom(c.maxCallsPerDay),
    },
    {
      limit: `${label} UK-EXCESSIVE maxCallsPerWindow (calls on earlier days)`,
      n: c.maxCallsPerWindow,
      rule: 'UK-EXCESSIVE',
      scenario: (v) => ({ policy, facts: facts({ history: earlier(UK_NOW, v, 2) }, LDN), action: action(), now: UK_NOW }),
      expect: warnFrom(c.maxCallsPerWindow),
    },
    {
      limit: `${label} UK-EXCESSIVE windowDays (days back of the oldest call)`,
      n: c.windowDays,
      rule: 'UK-EXCESSIVE',
      scenario: (v) => ({
        policy,
        facts: facts({ history: [...earlier(UK_NOW, c.maxCallsPerWindow - 1, 2), ...earlier(UK_NOW, 1, 1, {}, v)] }, LDN),
        action: action(),
        now: UK_NOW,
      }),
      expect: (v) => (v <= c.windowDays - 1 ? 'warn' : 'none'),
    },
    {
      limit: `${label} UK-EXCESSIVE maxWrittenPerWindow (texts on earlier days)`,
      n: c.maxWrittenPerWindow,
      rule: 'UK-EXCESSIVE',
      scenario: (v) => ({
        policy,
        facts: facts({ history: earlier(UK_NOW, v, 1, { channel: 'sms', result: 'sent' }) }, LDN),
        action: action({ channel: 'sms', text: 'Please call us about your account.' }),
        now: UK_NOW,
      }),
      expect: warnFrom(c.maxWrittenPerWindow),
    },
  ];
}

function ledgerAge(policy: Policy, label: string, prefix: 'CN' | 'US'): Row {
  const h = policy.limits.ledgerMaxAgeHours;
  const now = prefix === 'CN' ? CN_NOW : US_NOW;
  const rule = prefix === 'CN' ? 'CN-CONNECTED' : 'US-7IN7';
  // v minutes past the allowed age: warns only once the ledger is older than allowed.
  return {
    limit: `${label} ledgerMaxAgeHours (minutes beyond ${h} h)`,
    n: 0,
    rule,
    scenario: (v) => ({ policy, facts: { ...facts({}, prefix === 'CN' ? SH : NY), ledgerAsOf: iso(Date.parse(now) - h * 3_600_000 - v * 60_000) }, action: action(), now }),
    expect: (v) => (v > 0 ? 'warn' : 'none'),
  };
}

const ROWS: Row[] = [
  ...unanswered(cn, 'cn'),
  ...unanswered(cnTight, 'cn tightened'),
  ...cnHours(cn, 'cn'),
  ...cnHours(cnTight, 'cn tightened'),
  cnConnected(cn, 'cn'),
  cnConnected(cnTight, 'cn tightened'),
  cnThirdParty(cn, 'cn'),
  cnThirdParty(cnTight, 'cn tightened'),
  visit(cn, 'cn', 'CN'),
  visit(resolvePolicy('cn', { limits: { visit: { minCollectors: 3 } } }), 'cn tightened', 'CN'),
  ...us7in7(us, 'us'),
  ...us7in7(usTight, 'us tightened'),
  usAfterConversation(us, 'us'),
  usAfterConversation(usTight, 'us tightened'),
  usPatternPerDay(us, 'us'),
  usPatternPerDay(resolvePolicy('us-regf', { limits: { usPattern: { maxCallsPerDay: 2 } } }), 'us tightened'),
  ...westernHours(us, 'us', 'US'),
  ...westernHours(resolvePolicy('us-regf', { hours: { start: '09:00', end: '20:00' } }), 'us tightened', 'US'),
  ...westernHours(uk, 'uk', 'UK'),
  ...ukExcessive(uk, 'uk'),
  ...ukExcessive(ukTight, 'uk tightened'),
  ledgerAge(cn, 'cn', 'CN'),
  ledgerAge(us, 'us', 'US'),
  ledgerAge(resolvePolicy('us-regf', { limits: { ledgerMaxAgeHours: 6 } }), 'us tightened', 'US'),
];

describe('every numeric limit at n−1, n and n+1', () => {
  for (const row of ROWS) {
    for (const v of [row.n - 1, row.n, row.n + 1]) {
      it(`${row.limit}: n=${row.n}, value ${v} → ${row.rule} ${row.expect(v)}`, () => {
        const s = row.scenario(v);
        const d = check(s.policy, s.facts, s.action, s.now);
        expect(outcomeOf(d, row.rule), JSON.stringify(d.reasons.map((r) => [r.rule, r.severity, r.message.en]))).toBe(row.expect(v));
      });
    }
  }

  it('each row crosses its limit: the outcome at n−1 differs from n or n+1', () => {
    for (const row of ROWS) {
      const seen = new Set([row.n - 1, row.n, row.n + 1].map((v) => row.expect(v)));
      expect(seen.size, row.limit).toBeGreaterThan(1);
    }
  });
});
