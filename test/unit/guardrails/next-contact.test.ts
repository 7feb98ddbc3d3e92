import { describe, expect, it } from 'vitest';
import { nextLawfulContact, resolvePolicy } from '../../../common/domain/guardrails';
import { action, dailyCalls, facts } from './helpers';

describe('nextLawfulContact (work queue)', () => {
  const policy = resolvePolicy('us-regf');
  it('contactable now during hours', () => {
    expect(nextLawfulContact(policy, facts({}, ['America/New_York']), action(), new Date('2026-03-09T15:00:00Z'))).toEqual({
      contactableNow: true,
      at: '2026-03-09T15:00:00Z',
      verdict: 'allow',
    });
  });
  it('gives the next lawful instant when blocked by time', () => {
    const f = facts({ history: dailyCalls('2026-03-03T14:00:00Z', 7) }, ['America/New_York']);
    expect(nextLawfulContact(policy, f, action(), new Date('2026-03-09T18:00:00Z'))).toEqual({
      contactableNow: false,
      at: '2026-03-10T12:00:00Z',
      verdict: 'block',
    });
  });
  it('null when a person must lift the block', () => {
    const f = facts({ flags: { cease: true } as never }, ['America/New_York']);
    expect(nextLawfulContact(policy, f, action(), new Date('2026-03-09T15:00:00Z')).at).toBeNull();
  });
});
