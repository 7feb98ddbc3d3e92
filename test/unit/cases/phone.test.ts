import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsOf, phoneMatches, phoneQuery } from '../../../common/domain/cases/phone';

describe('phone matching for inbound calls', () => {
  it('accepts exactly four digits or seven and more; 3, 5 and 6 are refused', () => {
    expect(phoneQuery('123')).toBeNull();
    expect(phoneQuery('1234')).toBe('1234');
    expect(phoneQuery('12345')).toBeNull();
    expect(phoneQuery('123456')).toBeNull();
    expect(phoneQuery('+44 (0)7700-9')).toBe('44077009');
  });

  it('a stored number, however formatted, is found by its last four digits and by itself with or without a country code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{9}$/), fc.constantFrom('', '+86 ', '+1 ', '0044 '), (national, cc) => {
        const stored = `${cc}${national.slice(0, 3)}-${national.slice(3, 6)} ${national.slice(6)}`;
        expect(phoneMatches(stored, phoneQuery(national.slice(-4))!)).toBe(true);
        expect(phoneMatches(stored, phoneQuery(national)!)).toBe(true);
        expect(phoneMatches(national, phoneQuery(stored)!)).toBe(true);
      }),
    );
  });

  it('a different last digit never matches', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (n) => {
        const other = n.slice(0, -1) + String((Number(n.slice(-1)) + 1) % 10);
        expect(phoneMatches(n, other)).toBe(false);
        expect(phoneMatches(n, digitsOf(other).slice(-4))).toBe(false);
      }),
    );
  });
});
