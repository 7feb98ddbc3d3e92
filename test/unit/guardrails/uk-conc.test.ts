import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../common/domain/guardrails';
import { action, check, entry, facts } from './helpers';

const LDN = ['Europe/London'];

describe('UK-HOURS across DST', () => {
  const cases: [string, string, string | null][] = [
    // BST starts 2026-03-29 01:00Z: 07:30 BST → 08:00 BST = 07:00Z
    ['2026-03-29T06:30:00Z', 'block', '2026-03-29T07:00:00Z'],
    ['2026-03-29T07:00:00Z', 'allow', null],
    ['2026-03-28T07:30:00Z', 'block', '2026-03-28T08:00:00Z'], // 07:30 GMT the day before
    // BST ends 2026-10-25 01:00Z: 06:30 GMT → 08:00 GMT = 08:00Z
    ['2026-10-25T06:30:00Z', 'block', '2026-10-25T08:00:00Z'],
    ['2026-10-24T19:59:00Z', 'allow', null], // 20:59 BST
    ['2026-10-24T20:00:00Z', 'block', '2026-10-25T08:00:00Z'], // 21:00 BST → next 08:00 GMT
  ];
  for (const [now, verdict, next] of cases) {
    it(`${now} → ${verdict}`, () => {
      const d = check('uk-conc', facts({}, LDN), action(), now);
      expect(d.verdict).toBe(verdict);
      expect(d.nextAllowedAt).toBe(next);
    });
  }
});

describe('UK rules', () => {
  const NOW = '2026-03-11T12:00:00Z';
  it('UK-EXCESSIVE warns; a placement may make it block with a next time', () => {
    const history = [entry('2026-03-11T09:00:00Z'), entry('2026-03-11T10:00:00Z'), entry('2026-03-11T11:00:00Z')];
    const d = check('uk-conc', facts({ history }, LDN), action(), NOW);
    expect(d.verdict).toBe('warn');
    expect(d.rules).toEqual(['UK-EXCESSIVE']);
    const strict = resolvePolicy('uk-conc', { rules: { 'UK-EXCESSIVE': 'block' } });
    const b = check(strict, facts({ history }, LDN), action(), NOW);
    expect(b.blocks).toEqual(['UK-EXCESSIVE']);
    expect(b.nextAllowedAt).toBe('2026-03-12T08:00:00Z');
  });
  it('UK-IDV: no debt details before identity is verified', () => {
    const text = 'Discussed the balance and a payment plan.';
    expect(check('uk-conc', facts({}, LDN), action({ text }), NOW).blocks).toEqual(['UK-IDV']);
    expect(check('uk-conc', { ...facts({}, LDN), identityVerified: true }, action({ text }), NOW).verdict).toBe('allow');
  });
  it('UK-PRIVACY: letters marked private and confidential; nothing about the debt to third parties', () => {
    expect(check('uk-conc', facts({}, LDN), action({ channel: 'letter', text: 'Dear customer, please call us.' }), NOW).blocks).toEqual([
      'UK-PRIVACY',
    ]);
    const tp = action({ party: 'third_party', contact: 'ref-1', channel: 'sms', text: 'Ask Sam to pay the arrears.' });
    expect(check('uk-conc', facts({}, LDN), tp, NOW).blocks).toEqual(['UK-PRIVACY']);
  });
  it('UK-VULNERABLE: warning that needs approval; visits blocked', () => {
    const f = facts({ flags: { vulnerable: true } as never }, LDN);
    const call = check('uk-conc', f, action(), NOW);
    expect(call.verdict).toBe('warn');
    expect(call.reasons[0]).toMatchObject({ rule: 'UK-VULNERABLE', severity: 'warn', needsApproval: true });
    const visit = check('uk-conc', f, action({ channel: 'visit', collectors: 2 }), NOW);
    expect(visit.blocks).toEqual(['UK-VULNERABLE']);
    expect(visit.nextAllowedAt).toBeNull();
  });
  it('UK-FORBEARANCE: pressure to sell property or borrow needs supervisor approval', () => {
    const d = check('uk-conc', facts({}, LDN), action({ channel: 'sms', text: 'You could sell your car to clear this.' }), NOW);
    expect(d.verdict).toBe('warn');
    expect(d.reasons[0]).toMatchObject({ rule: 'UK-FORBEARANCE', needsApproval: true });
  });
  it('UK-LANGUAGE: no misrepresenting authority', () => {
    const d = check('uk-conc', facts({}, LDN), action({ channel: 'sms', text: 'Bailiffs are on their way.' }), NOW);
    expect(d.blocks).toEqual(['UK-LANGUAGE']);
  });
  it('channel preferences are honoured', () => {
    expect(check('uk-conc', facts({ optOuts: ['sms'] }, LDN), action({ channel: 'sms', text: 'Please call us.' }), NOW).blocks).toEqual(['UK-OPT-OUT']);
  });
});
