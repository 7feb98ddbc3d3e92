/** Under a complaint pause only the complaint's own letters pass: in writing, with that purpose. */
import { describe, expect, it } from 'vitest';
import { evaluate, resolvePolicy, type Action, type Facts, type PresetId } from '../../../common/domain/guardrails';

const facts = (complaintOpen: boolean): Facts => ({
  borrower: { timezones: [] },
  flags: { cease: false, dispute: false, complaintOpen, attorney: false, vulnerable: false, recalled: false, bankrupt: false, deceased: false },
  optOuts: [],
  consents: [],
  history: [],
});

const CASES: { preset: PresetId; prefix: string; now: string }[] = [
  { preset: 'cn', prefix: 'CN', now: '2026-03-11T03:00:00Z' },
  { preset: 'us-regf', prefix: 'US', now: '2026-03-11T15:00:00Z' },
  { preset: 'uk-conc', prefix: 'UK', now: '2026-03-11T15:00:00Z' },
];

function rules(preset: PresetId, now: string, action: Partial<Action>, complaintOpen = true): string[] {
  const a: Action = { channel: 'letter', party: 'borrower', contact: 'c1', debts: ['D1'], collectors: 1, text: null, ...action };
  return evaluate(resolvePolicy(preset), facts(complaintOpen), a, new Date(now)).reasons.map((r) => r.rule);
}

describe('the complaint pause', () => {
  for (const { preset, prefix, now } of CASES) {
    it(`${preset}: a complaint letter or e-mail passes; a collection letter, an unmarked letter and a call with that purpose do not`, () => {
      expect(rules(preset, now, { channel: 'letter', purpose: 'complaint_response' })).not.toContain(`${prefix}-COMPLAINT`);
      expect(rules(preset, now, { channel: 'email', purpose: 'complaint_response' })).not.toContain(`${prefix}-COMPLAINT`);
      expect(rules(preset, now, { channel: 'letter', purpose: 'collection' })).toContain(`${prefix}-COMPLAINT`);
      expect(rules(preset, now, { channel: 'letter' })).toContain(`${prefix}-COMPLAINT`);
      expect(rules(preset, now, { channel: 'call', purpose: 'complaint_response' })).toContain(`${prefix}-COMPLAINT`);
      expect(rules(preset, now, { channel: 'sms', purpose: 'complaint_response' })).toContain(`${prefix}-COMPLAINT`);
    });
  }

  it('the purpose lifts only the complaint pause: a cease request still blocks a complaint letter in the UK', () => {
    const f = facts(true);
    f.flags.cease = true;
    const d = evaluate(resolvePolicy('uk-conc'), f, { channel: 'letter', party: 'borrower', contact: 'c1', debts: ['D1'], collectors: 1, text: null, purpose: 'complaint_response' }, new Date('2026-03-11T15:00:00Z'));
    expect(d.reasons.map((r) => r.rule)).toEqual(['UK-CEASE']);
  });
});
