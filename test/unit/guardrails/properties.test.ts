import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  CONTACT_RESULTS,
  evaluate,
  resolvePolicy,
  type Action,
  type Facts,
  type HistoryEntry,
} from '../../../common/domain/guardrails';
import { NO_FLAGS } from './helpers';

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Not/AZone'];
const T0 = Date.parse('2026-01-01T00:00:00Z');
const T1 = Date.parse('2026-12-31T00:00:00Z');
const POLICIES = {
  cn: resolvePolicy('cn'),
  'us-regf': resolvePolicy('us-regf'),
  'uk-conc': resolvePolicy('uk-conc'),
  'cn-strict': resolvePolicy('cn', { holidays: { mode: 'block' } }),
  'uk-strict': resolvePolicy('uk-conc', { rules: { 'UK-EXCESSIVE': 'block' } }),
  'us-ma': resolvePolicy('us-regf', { limits: { usFrequency: { maxCalls: 2 } }, holidays: { mode: 'block' } }),
};
const FREQUENCY = new Set(['US-7IN7', 'US-AFTER-CONVERSATION', 'CN-UNANSWERED', 'CN-CONNECTED', 'UK-EXCESSIVE']);

const contact = fc.constantFrom('mobile-1', 'mobile-2', 'ref-1');
const debts = fc.subarray(['D1', 'D2', 'D3']);
const channel = fc.constantFrom(...CHANNELS);

const historyEntry = (now: number): fc.Arbitrary<HistoryEntry> =>
  fc.record({
    at: fc.integer({ min: now - 12 * 86_400_000, max: now }).map((t) => new Date(t).toISOString()),
    channel: fc.oneof({ weight: 4, arbitrary: fc.constant('call' as const) }, { weight: 1, arbitrary: channel }),
    party: fc.constantFrom('borrower' as const, 'borrower' as const, 'guarantor' as const, 'third_party' as const),
    contact,
    debts,
    result: fc.constantFrom(...CONTACT_RESULTS),
    source: fc.constantFrom('local' as const, 'lender' as const),
    direction: fc.constantFrom(undefined, 'inbound' as const, 'outbound' as const),
  }).map((e) => {
    const out: HistoryEntry = { ...e };
    if (e.direction === undefined) delete out.direction;
    return out;
  });

const scenario = fc
  .integer({ min: T0, max: T1 })
  .chain((now) =>
    fc.record({
      now: fc.constant(now),
      policy: fc.constantFrom(...(Object.keys(POLICIES) as (keyof typeof POLICIES)[])),
      zones: fc.subarray(ZONES, { maxLength: 3 }),
      history: fc.array(historyEntry(now), { maxLength: 40 }),
      extra: fc.array(historyEntry(now), { minLength: 1, maxLength: 10 }),
      consents: fc.array(
        fc.record({
          at: fc.integer({ min: now - 10 * 86_400_000, max: now }).map((t) => new Date(t).toISOString()),
          channel: fc.constant('call' as const),
        }),
        { maxLength: 2 },
      ),
      flags: fc.record({
        cease: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        vulnerable: fc.boolean(),
        dispute: fc.constant(false),
      }),
      optOuts: fc.subarray([...CHANNELS], { maxLength: 1 }),
      nightContactAgreed: fc.option(fc.boolean(), { nil: undefined }),
      inconvenient: fc.option(fc.constantFrom({ from: '12:00', to: '13:30' }, { from: '20:00', to: '09:00' }), { nil: undefined }),
      action: fc.record({
        channel: fc.oneof({ weight: 4, arbitrary: fc.constant('call' as const) }, { weight: 1, arbitrary: channel }),
        party: fc.constantFrom('borrower' as const, 'guarantor' as const, 'third_party' as const),
        contact,
        debts,
        collectors: fc.integer({ min: 0, max: 3 }),
        text: fc.constantFrom(null, null, '请回电', 'Please call us back. Reply STOP to opt out. This is an attempt to collect a debt by a debt collector.', 'You idiot', '{{balance}}'),
      }),
    }),
  );

type S = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: S, history: HistoryEntry[]): { facts: Facts; action: Action; now: Date } {
  const facts: Facts = {
    borrower: { timezones: s.zones },
    flags: { ...NO_FLAGS, ...s.flags },
    optOuts: s.optOuts,
    consents: s.consents,
    history,
  };
  if (s.nightContactAgreed !== undefined) facts.nightContactAgreed = s.nightContactAgreed;
  if (s.inconvenient) facts.inconvenientTimes = [s.inconvenient];
  return { facts, action: s.action, now: new Date(s.now) };
}

describe('guardrail properties', () => {
  it('never throws, and always decides with a consistent verdict', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { facts, action, now } = build(s, s.history);
        const d = evaluate(POLICIES[s.policy], facts, action, now);
        expect(d.reasons.map((r) => r.rule)).not.toContain('ENGINE-ERROR');
        const worst = d.reasons.some((r) => r.severity === 'block') ? 'block' : d.reasons.some((r) => r.severity === 'warn') ? 'warn' : 'allow';
        expect(d.verdict).toBe(worst);
        if (d.verdict !== 'block') expect(d.nextAllowedAt).toBeNull();
        if (d.nextAllowedAt !== null) expect(d.nextAllowedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }),
      { numRuns: 400 },
    );
  });

  it('more contacts in the history never lift a frequency-cap block', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const policy = POLICIES[s.policy];
        const a = build(s, s.history);
        const b = build(s, [...s.history, ...s.extra]);
        const before = evaluate(policy, a.facts, a.action, a.now).reasons.filter((r) => r.severity === 'block' && FREQUENCY.has(r.rule));
        const after = evaluate(policy, b.facts, b.action, b.now).reasons.filter((r) => r.severity === 'block' && FREQUENCY.has(r.rule));
        for (const rule of new Set(before.map((r) => r.rule))) {
          expect(after.map((r) => r.rule)).toContain(rule);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('moving now to nextAllowedAt lifts every time-based block, and not a second earlier', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const policy = POLICIES[s.policy];
        const { facts, action, now } = build(s, s.history);
        const d = evaluate(policy, facts, action, now);
        if (d.nextAllowedAt === null) return;
        checked++;
        const at = new Date(d.nextAllowedAt);
        expect(at.getTime()).toBeGreaterThan(now.getTime());
        const later = evaluate(policy, facts, action, at);
        expect(later.reasons.filter((r) => r.severity === 'block')).toEqual([]);
        const justBefore = new Date(at.getTime() - 1000);
        if (justBefore.getTime() > now.getTime()) {
          expect(evaluate(policy, facts, action, justBefore).verdict).toBe('block');
        }
      }),
      { numRuns: 600 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});

