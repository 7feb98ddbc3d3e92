import { describe, expect, it } from 'vitest';
import { PolicyError, presets, resolvePolicy, ruleSource } from '../../../common/domain/guardrails';
import { action, check, facts } from './helpers';

describe('presets', () => {
  it('carry every rule of docs/CONDUCT_RULES.md with a source', () => {
    const expected: Record<string, string[]> = {
      cn: ['CN-HOURS', 'CN-UNANSWERED', 'CN-CONNECTED', 'CN-THIRD-PARTY', 'CN-VISIT', 'CN-LETTER', 'CN-CONDUCT', 'CN-RECORDS', 'CN-PIPL'],
      'us-regf': [
        'US-HOURS', 'US-7IN7', 'US-AFTER-CONVERSATION', 'US-PATTERN', 'US-ATTORNEY', 'US-CEASE', 'US-DISPUTE', 'US-OPT-OUT',
        'US-WORKPLACE', 'US-THIRD-PARTY', 'US-DISCLOSURE', 'US-VALIDATION', 'US-TIME-BARRED', 'US-LANGUAGE', 'US-RECORDS',
      ],
      'uk-conc': ['UK-HOURS', 'UK-EXCESSIVE', 'UK-IDV', 'UK-PRIVACY', 'UK-VULNERABLE', 'UK-FORBEARANCE', 'UK-LANGUAGE'],
    };
    for (const [id, rules] of Object.entries(expected)) {
      const p = presets[id as keyof typeof presets];
      for (const r of rules) {
        expect(p.rules[r], `${id} ${r}`).toBeDefined();
        expect(ruleSource(p.preset, r), `${id} ${r}`).not.toBe('docs/CONDUCT_RULES.md');
      }
    }
    expect(ruleSource('us-regf', 'US-7IN7')).toBe('12 CFR 1006.14(b)(2)');
    expect(presets.cn.limits.cnUnanswered.maxPerContactPerDay).toBe(6);
    expect(presets.cn.hours).toMatchObject({ start: '08:00', end: '22:00' });
    expect(presets['us-regf'].hours).toMatchObject({ start: '08:00', end: '21:00' });
  });

  it('untightened presets keep their plain version', () => {
    expect(resolvePolicy('us-regf').version).toBe('us-regf@2026.1');
    expect(resolvePolicy('cn', {}).version).toBe('cn@2026.1');
  });
});

describe('tightening', () => {
  it('narrows the hours and stamps a hash of the canonical tightening', () => {
    const a = resolvePolicy('us-regf', { hours: { start: '09:00' }, limits: { usFrequency: { maxCalls: 3 } } });
    const b = resolvePolicy('us-regf', { limits: { usFrequency: { maxCalls: 3 } }, hours: { start: '09:00' } });
    const c = resolvePolicy('us-regf', { hours: { start: '09:30' } });
    expect(a.version).toBe(b.version);
    expect(a.version).not.toBe(c.version);
    expect(a.version).toMatch(/^us-regf@2026\.1\+[0-9a-f]{10}$/);
    const d = check(a, facts({}, ['America/New_York']), action(), '2026-03-09T12:30:00Z'); // 08:30 EDT
    expect(d.blocks).toEqual(['US-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-03-09T13:00:00Z');
    expect(d.policyVersion).toBe(a.version);
  });

  it('a full policy object resolves like the preset plus its changes', () => {
    const tightened = resolvePolicy('cn', { limits: { cnConnected: { maxPerDay: 2 } } });
    const again = resolvePolicy({ ...tightened });
    expect(again.version).toBe(tightened.version);
    expect(again.limits.cnConnected.maxPerDay).toBe(2);
  });

  it('adds placement lexicon terms', () => {
    const p = resolvePolicy('cn', { lexicon: { extraTerms: [{ phrase: '最后期限', category: 'pressure' }] } });
    const d = check(p, facts({}, ['Asia/Shanghai']), action({ channel: 'sms', text: '今天是最后期限' }), '2026-03-11T03:00:00Z');
    expect(d.blocks).toEqual(['CN-CONDUCT']);
  });
});

describe('loosening', () => {
  const cases: [string, unknown, RegExp][] = [
    ['longer hours', { hours: { end: '23:00' } }, /hours\.end from "22:00" to "23:00".*CN-HOURS is a block rule/],
    ['a higher cap', { limits: { cnConnected: { maxPerDay: 4 } } }, /CN-CONNECTED is a block rule/],
    ['a block rule turned off', { rules: { 'CN-CONDUCT': 'off' } }, /CN-CONDUCT is a block rule/],
    ['fewer collectors on a visit', { limits: { visit: { minCollectors: 1 } } }, /CN-VISIT is a block rule/],
  ];
  for (const [name, change, message] of cases) {
    it(`never, not even by an admin: ${name}`, () => {
      expect(() => resolvePolicy('cn', change)).toThrow(PolicyError);
      expect(() => resolvePolicy('cn', change, { admin: true })).toThrow(message);
    });
  }

  it('an admin may loosen a warning rule; others may not', () => {
    expect(() => resolvePolicy('cn', { holidays: { mode: 'off' } })).toThrow(/needs an administrator/);
    const p = resolvePolicy('cn', { holidays: { mode: 'off' } }, { admin: true });
    expect(p.holidays.mode).toBe('off');
    expect(p.version).toMatch(/^cn@2026\.1\+/);
    expect(() => resolvePolicy('uk-conc', { limits: { ukExcessive: { maxCallsPerDay: 5 } } })).toThrow(/UK-EXCESSIVE/);
    expect(resolvePolicy('uk-conc', { limits: { ukExcessive: { maxCallsPerDay: 5 } } }, { admin: true }).limits.ukExcessive.maxCallsPerDay).toBe(5);
    expect(() => resolvePolicy('uk-conc', { rules: { 'UK-VULNERABLE': 'off' } }, { admin: true })).toThrow(/block rule/);
  });

  it('rejects invalid and unknown keys with their path', () => {
    expect(() => resolvePolicy('cn', { hours: { start: '8am' } })).toThrow(/hours\.start: expected a time HH:mm/);
    expect(() => resolvePolicy('cn', { limits: { nope: 1 } })).toThrow(/limits\.nope: unknown key/);
    expect(() => resolvePolicy('cn', { rules: { 'US-7IN7': 'block' } })).toThrow(/unknown rule "US-7IN7"/);
    expect(() => resolvePolicy('cn', { hours: { start: '12:00', end: '11:00' } })).toThrow(/must be before/);
  });
});
