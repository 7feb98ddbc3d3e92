import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatMoney,
  minorToDecimalString,
  minorToInputString,
  minorUnitDigits,
  parseMoneyInput,
} from '../../../common/domain/money/format';

describe('minorUnitDigits', () => {
  it('knows the ISO 4217 exponents', () => {
    expect(minorUnitDigits('CNY')).toBe(2);
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });
});

describe('minorToDecimalString', () => {
  it('places the point by string arithmetic', () => {
    expect(minorToDecimalString(123456, 2)).toBe('1234.56');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(0, 2)).toBe('0.00');
    expect(minorToDecimalString(1234, 0)).toBe('1234');
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
  });
  it('refuses floats', () => {
    expect(() => minorToDecimalString(1.5, 2)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats in the UI locale with the currency digits', () => {
    expect(formatMoney({ minor: 123456, currency: 'CNY' }, 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney({ minor: 123456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ minor: 123456, currency: 'GBP' }, 'en-GB')).toBe('£1,234.56');
    expect(formatMoney({ minor: 1234, currency: 'JPY' }, 'en')).toBe('¥1,234');
    expect(formatMoney({ minor: 1234, currency: 'KWD' }, 'en')).toContain('1.234');
  });
  it('keeps precision beyond float range of cents', () => {
    expect(formatMoney({ minor: 9007199254740991, currency: 'USD' }, 'en')).toBe('$90,071,992,547,409.91');
  });
  it('can drop all-zero minor digits', () => {
    expect(formatMoney({ minor: 500000, currency: 'CNY' }, 'zh-CN', { compactZeros: true })).toBe('¥5,000');
    expect(formatMoney({ minor: 500050, currency: 'CNY' }, 'zh-CN', { compactZeros: true })).toBe('¥5,000.50');
  });
});

describe('parseMoneyInput', () => {
  it('reads what collectors type', () => {
    expect(parseMoneyInput('1,234.5', 'CNY')).toBe(123450);
    expect(parseMoneyInput('800', 'CNY')).toBe(80000);
    expect(parseMoneyInput('¥ 800.00', 'CNY')).toBe(80000);
    expect(parseMoneyInput('0.07', 'USD')).toBe(7);
    expect(parseMoneyInput('1500', 'JPY')).toBe(1500);
  });
  it('rejects what is not an amount', () => {
    expect(parseMoneyInput('', 'CNY')).toBeNull();
    expect(parseMoneyInput('-5', 'CNY')).toBeNull();
    expect(parseMoneyInput('1.234', 'CNY')).toBeNull();
    expect(parseMoneyInput('1.5', 'JPY')).toBeNull();
    expect(parseMoneyInput('abc', 'CNY')).toBeNull();
  });
  it('round-trips with minorToInputString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('CNY', 'USD', 'JPY', 'KWD'), (minor, cur) => {
        expect(parseMoneyInput(minorToInputString(minor, cur), cur)).toBe(minor);
      }),
    );
  });
});
