import { describe, expect, it } from 'vitest';
import type { ContactPointView } from '../../../common/api/types';
import { contactPointsFor, defaultContactPoint, disclosureKind, needsDisclosure, outcomesFor, resultsFor } from '../../../renderer/features/contact/contactRules';

const point = (id: string, over: Partial<ContactPointView>): ContactPointView => ({
  id,
  kind: 'mobile',
  party: 'borrower',
  relation: 'self',
  label: '',
  value: '138****0000',
  masked: true,
  optOuts: [],
  invalid: false,
  workplaceProhibited: false,
  ...over,
});

describe('log-contact rules', () => {
  const points = [
    point('tp', { party: 'third_party', relation: 'emergency_contact' }),
    point('bad', { invalid: true }),
    point('own', {}),
    point('mail', { kind: 'email' }),
    point('home', { kind: 'address' }),
  ];

  it('offers the points a channel can use', () => {
    expect(contactPointsFor('call', points).map((p) => p.id)).toEqual(['tp', 'bad', 'own']);
    expect(contactPointsFor('email', points).map((p) => p.id)).toEqual(['mail']);
    expect(contactPointsFor('letter', points).map((p) => p.id)).toEqual(['home']);
    expect(contactPointsFor('note', points)).toEqual([]);
  });

  it("defaults to the borrower's own valid point, never a third party first", () => {
    expect(defaultContactPoint('call', points)).toBe('own');
    expect(defaultContactPoint('sms', [point('a', { optOuts: ['sms'] }), point('b', {})])).toBe('b');
    expect(defaultContactPoint('note', points)).toBeNull();
  });

  it('keeps results and outcomes consistent', () => {
    expect(resultsFor('sms')).toEqual(['sent']);
    expect(outcomesFor('call', 'no_answer')).toEqual(['no_answer']);
    expect(outcomesFor('call', 'connected')).toContain('promise_to_pay');
    expect(outcomesFor('note', 'sent')).toEqual(['note']);
  });

  it('asks for the disclosure only on a conversation with the borrower', () => {
    expect(needsDisclosure('call', 'connected', 'borrower', 'right_party')).toBe(true);
    expect(needsDisclosure('call', 'connected', 'third_party', 'third_party')).toBe(false);
    expect(needsDisclosure('call', 'no_answer', 'borrower', 'no_answer')).toBe(false);
    expect(needsDisclosure('sms', 'sent', 'borrower', 'sent')).toBe(false);
    expect(disclosureKind('uk-conc')).toBe('idv');
    expect(disclosureKind('us-regf')).toBe('script');
  });
});
