/**
 * Dates follow the user's locale: British English writes 12 October 2026 day-first, American
 * English month-first, both with the month's name (never the ambiguous 12/10/2026); zh-CN writes
 * year first. Times in another zone name it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { displayLocale, formatDate, formatDateTime, formatInstant, regionFromLocales, setEnglishRegion } from '../../../renderer/app/format';

afterEach(() => setEnglishRegion('en-GB', false));

describe('English region', () => {
  it('comes from the browser’s first English locale: en-US is American, any other region British', () => {
    expect(regionFromLocales(['en-US', 'en-GB'])).toBe('en-US');
    expect(regionFromLocales(['zh-CN', 'en-GB'])).toBe('en-GB');
    expect(regionFromLocales(['en-IE'])).toBe('en-GB');
    expect(regionFromLocales(['zh-CN'])).toBe('en-GB');
  });
  it('a choice overrides it, and the interface language en is written in it', () => {
    setEnglishRegion('en-US', false);
    expect(displayLocale('en')).toBe('en-US');
    setEnglishRegion('en-GB', false);
    expect(displayLocale('en')).toBe('en-GB');
    expect(displayLocale('zh-CN')).toBe('zh-CN');
  });
});

describe('calendar dates', () => {
  it('a UK user reads 2026-10-12 as 12 October, a US user as October 12, zh-CN year first', () => {
    setEnglishRegion('en-GB', false);
    expect(formatDate('2026-10-12', 'en')).toBe('12 Oct 2026');
    setEnglishRegion('en-US', false);
    expect(formatDate('2026-10-12', 'en')).toBe('Oct 12, 2026');
    expect(formatDate('2026-10-12', 'zh-CN')).toBe('2026/10/12');
  });
  it('no English date is written as digits only (12/10/2026 is ambiguous)', () => {
    for (const region of ['en-GB', 'en-US'] as const) {
      setEnglishRegion(region, false);
      expect(formatDate('2026-10-12', 'en')).not.toMatch(/\d{1,2}\/\d{1,2}/);
      expect(formatDateTime('2026-10-12T14:05:00Z', 'en', 'UTC')).not.toMatch(/\d{1,2}\/\d{1,2}/);
      expect(formatInstant('2026-10-12T14:05:00Z', 'en', { timeZone: 'UTC', full: true })).not.toMatch(/\d{1,2}\/\d{1,2}/);
    }
  });
  it('short leaves out the year only for the current year', () => {
    const thisYear = new Date().getFullYear();
    setEnglishRegion('en-GB', false);
    expect(formatDate(`${thisYear}-10-12`, 'en', { short: true })).toBe('12 Oct');
    expect(formatDate('1999-10-12', 'en', { short: true })).toBe('12 Oct 1999');
  });
});

describe('instants in a zone', () => {
  it('are written in that zone and name it', () => {
    setEnglishRegion('en-GB', false);
    expect(formatDateTime('2026-10-12T14:05:00Z', 'en', 'Europe/London')).toBe('12 Oct 2026, 15:05 BST');
    setEnglishRegion('en-US', false);
    expect(formatDateTime('2026-10-12T14:05:00Z', 'en', 'America/New_York')).toBe('Oct 12, 2026, 10:05 EDT');
    expect(formatDateTime('2026-10-12T14:05:00Z', 'zh-CN', 'Asia/Shanghai')).toMatch(/2026\/10\/12.*22:05/);
    expect(formatDateTime('2026-10-12T14:05:00Z', 'zh-CN', 'Asia/Shanghai')).toMatch(/GMT\+8/);
  });
});
