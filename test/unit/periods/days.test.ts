import { describe, expect, it } from 'vitest';
import { isValidZone } from '../../../common/domain/guardrails/time';
import { PeriodError, dayIn, periodBounds } from '../../../common/domain/periods/days';

describe('agency days', () => {
  it('bound whole local days as half-open UTC instants', () => {
    expect(periodBounds('2027-03-01', '2027-03-31', 'Asia/Shanghai')).toEqual({
      fromInstant: '2027-02-28T16:00:00.000Z',
      toInstant: '2027-03-31T16:00:00.000Z',
      dayAfter: '2027-04-01',
    });
    expect(periodBounds('2027-03-01', '2027-03-31', 'UTC')).toEqual({ fromInstant: '2027-03-01T00:00:00.000Z', toInstant: '2027-04-01T00:00:00.000Z', dayAfter: '2027-04-01' });
  });

  it('keep a DST day 23 or 25 hours long', () => {
    const spring = periodBounds('2027-03-14', '2027-03-14', 'America/New_York');
    expect(spring).toMatchObject({ fromInstant: '2027-03-14T05:00:00.000Z', toInstant: '2027-03-15T04:00:00.000Z' });
    expect(Date.parse(spring.toInstant) - Date.parse(spring.fromInstant)).toBe(23 * 3_600_000);
    const autumn = periodBounds('2027-10-31', '2027-10-31', 'Europe/London');
    expect(Date.parse(autumn.toInstant) - Date.parse(autumn.fromInstant)).toBe(25 * 3_600_000);
  });

  it('place an instant on the zone’s calendar', () => {
    expect(dayIn('2027-06-15T20:00:00.000Z', 'Asia/Shanghai')).toBe('2027-06-16');
    expect(dayIn('2027-06-15T20:00:00.000Z', 'UTC')).toBe('2027-06-15');
    expect(dayIn(new Date('2027-01-01T04:59:59.999Z'), 'America/New_York')).toBe('2026-12-31');
  });

  it('refuse unknown zones and impossible days, saying which', () => {
    expect(isValidZone('Asia/Shanghai')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => periodBounds('2027-03-01', '2027-03-31', 'Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons is not an IANA time zone/);
    expect(() => periodBounds('2027-02-30', '2027-03-31', 'UTC')).toThrow(PeriodError);
    expect(() => periodBounds('2027-02-30', '2027-03-31', 'UTC')).toThrow(/2027-02-30 is not a calendar day in UTC/);
  });
});
