import { describe, expect, it } from 'vitest';
import { addressLines } from '../../../common/domain/letters/address';
import { itemizationAddsUp, itemizedTotal } from '../../../common/domain/letters/balance';
import { addDays, formatLetterDate, letterLocale } from '../../../common/domain/letters/dates';
import { letterFields } from '../../../common/domain/letters/fields';

describe('letter dates', () => {
  it('are written in the letter’s locale: UK day first, US month first, Chinese', () => {
    expect(formatLetterDate('2026-10-12', letterLocale('uk-conc', 'en'))).toBe('12 October 2026');
    expect(formatLetterDate('2026-10-12', letterLocale('us-regf', 'en'))).toBe('October 12, 2026');
    expect(formatLetterDate('2026-10-12', letterLocale('cn', 'en'))).toBe('12 October 2026');
    expect(formatLetterDate('2026-10-12', letterLocale('us-regf', 'zh-CN'))).toBe('2026年10月12日');
  });
  it('count calendar days across month and year ends', () => {
    expect(addDays('2026-11-25', 35)).toBe('2026-12-30');
    expect(addDays('2026-12-30', 35)).toBe('2027-02-03');
  });
});

describe('address lines', () => {
  it('keep explicit lines, split a one-line address after its street, leave a Chinese address whole', () => {
    expect(addressLines('1 Canada Square, Level 30\nLondon E14 5AB')).toEqual(['1 Canada Square, Level 30', 'London E14 5AB']);
    expect(addressLines('4962 Victoria Road, Denver, CO 87286')).toEqual(['4962 Victoria Road', 'Denver, CO 87286']);
    expect(addressLines('杭州市西湖区西溪路217号28栋349室')).toEqual(['杭州市西湖区西溪路217号28栋349室']);
    expect(addressLines('  ')).toEqual([]);
  });
});

describe('the itemization', () => {
  const lines = { currency: 'USD', itemizationDate: '2026-08-19', amountThenMinor: 100_000, interestMinor: 7_500, penaltyMinor: 2_000, feesMinor: 500, paymentsMinor: 5_000, creditsMinor: 1_000 };
  it('adds up: then + interest + fees (late charges and other) − payments − credits', () => {
    expect(itemizedTotal(lines)).toBe(104_000);
    expect(itemizationAddsUp({ ...lines, amountNowMinor: 104_000 })).toBe(true);
    expect(itemizationAddsUp({ ...lines, amountNowMinor: 105_000 })).toBe(false);
  });
  it('is stated with thousands separators, the fees line combined, and the validation period end', () => {
    const f = letterFields({
      preset: 'us-regf',
      lang: 'en',
      today: '2026-11-25',
      borrowerName: 'Jordan Smith',
      caseReference: 'NB-US-1',
      agency: { name: 'A LLC', phone: '1', address: '350 Fifth Avenue\nNew York, NY 10118' },
      lender: { name: 'L', phone: '2', complaintChannel: 'c' },
      balance: { ...lines, amountNowMinor: 104_000 },
    });
    expect(f).toMatchObject({ itemizationAmount: '$1,000.00', feesSince: '$25.00', paymentsSince: '$50.00', creditsSince: '$10.00', balance: '$1,040.00' });
    expect(f.validationEndDate).toBe('December 30, 2026');
    expect(f.agencyAddress).toBe('350 Fifth Avenue, New York, NY 10118');
    expect(f.promiseAmount).toBeUndefined();
  });
});
