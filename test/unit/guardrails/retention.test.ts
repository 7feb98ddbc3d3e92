/** Retention: the later of the lender's period and the rule set's records period decides when data may go. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canPurgeBorrower, canPurgeRecords, earliestPurge, latestInstant, purgeDueAt, resolvePolicy } from '../../../common/domain/guardrails';

const us = resolvePolicy('us-regf');
const cn = resolvePolicy('cn');
const uk = resolvePolicy('uk-conc');
const CLOSED = '2026-11-25T03:00:00.000Z';

describe('purgeDueAt', () => {
  it('a US case kept 365 days by the lender waits for US-RECORDS’ 3 years', () => {
    const due = purgeDueAt(us, { lastActivityAt: CLOSED, lenderRetentionFrom: CLOSED, lenderRetentionDays: 365 });
    expect(due).toBe(earliestPurge(us, CLOSED));
    expect(Date.parse(due!)).toBe(Date.parse('2029-11-25T03:00:00Z'));
    expect(canPurgeRecords(us, CLOSED, new Date('2027-12-25T03:00:00Z'))).toBe(false);
  });

  it('a lender period longer than the rules wins', () => {
    const due = purgeDueAt(cn, { lastActivityAt: CLOSED, lenderRetentionFrom: CLOSED, lenderRetentionDays: 5 * 365 });
    expect(Date.parse(due!)).toBe(Date.parse(CLOSED) + 5 * 365 * 86_400_000);
  });

  it('with no records rule (UK) the lender’s period decides', () => {
    const due = purgeDueAt(uk, { lastActivityAt: CLOSED, lenderRetentionFrom: CLOSED, lenderRetentionDays: 30 });
    expect(Date.parse(due!)).toBe(Date.parse(CLOSED) + 30 * 86_400_000);
  });

  it('counts the rule from the last activity, which may be later than the lender’s start', () => {
    const recalled = '2026-01-10T00:00:00.000Z';
    const lastCall = '2026-06-01T09:00:00.000Z';
    const due = purgeDueAt(cn, { lastActivityAt: lastCall, lenderRetentionFrom: recalled, lenderRetentionDays: 1 });
    expect(Date.parse(due!)).toBe(Date.parse('2028-06-01T09:00:00Z'));
  });

  it('an unreadable instant never allows a purge', () => {
    expect(purgeDueAt(us, { lastActivityAt: 'not a date', lenderRetentionFrom: CLOSED, lenderRetentionDays: 1 })).toBeNull();
    expect(purgeDueAt(us, { lastActivityAt: CLOSED, lenderRetentionFrom: 'nope', lenderRetentionDays: 1 })).toBeNull();
  });

  it('is never before either period (property)', () => {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(fc.constantFrom(us, cn, uk), instant, instant, fc.integer({ min: 1, max: 36_500 }), (policy, last, from, days) => {
        const due = Date.parse(purgeDueAt(policy, { lastActivityAt: last, lenderRetentionFrom: from, lenderRetentionDays: days })!);
        expect(due).toBeGreaterThanOrEqual(Date.parse(from) + days * 86_400_000);
        expect(due).toBeGreaterThanOrEqual(Date.parse(earliestPurge(policy, last)!));
        expect(canPurgeRecords(policy, last, new Date(due))).toBe(true);
      }),
    );
  });
});

describe('canPurgeBorrower', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const past = '2029-12-31T00:00:00Z';
  const future = '2030-06-01T00:00:00Z';

  it('needs every case closed and past its retention period', () => {
    expect(canPurgeBorrower([{ open: false, purgeDueAt: past }, { open: false, purgeDueAt: past }], now)).toBe(true);
    expect(canPurgeBorrower([{ open: false, purgeDueAt: past }, { open: false, purgeDueAt: future }], now)).toBe(false);
    expect(canPurgeBorrower([{ open: false, purgeDueAt: past }, { open: true, purgeDueAt: past }], now)).toBe(false);
    expect(canPurgeBorrower([{ open: false, purgeDueAt: past }, { open: false, purgeDueAt: null }], now)).toBe(false);
    expect(canPurgeBorrower([], now)).toBe(false);
  });
});

describe('latestInstant', () => {
  it('compares instants, not strings, and skips missing ones', () => {
    expect(latestInstant(['2026-01-01T00:00:00.500Z', '2026-01-01T00:00:00Z', null, undefined])).toBe('2026-01-01T00:00:00.500Z');
    expect(latestInstant([null, 'garbage'])).toBeNull();
  });
});
