import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_DAYS as CONTRACT_MAX } from '../../../common/api/methods/supervisor';
import { MAX_PERIOD_DAYS, isDay, monthToDate, periodDays, periodFor, periodProblem, browserDay, weekToDate } from '../../../renderer/features/supervisor/period';

describe('supervisor periods', () => {
  it('keeps the same longest period as the contract', () => {
    expect(MAX_PERIOD_DAYS).toBe(CONTRACT_MAX);
  });

  it('week to date starts on Monday', () => {
    expect(weekToDate('2025-11-19')).toEqual({ from: '2025-11-17', to: '2025-11-19' }); // Wednesday
    expect(weekToDate('2025-11-17')).toEqual({ from: '2025-11-17', to: '2025-11-17' }); // Monday
    expect(weekToDate('2025-11-23')).toEqual({ from: '2025-11-17', to: '2025-11-23' }); // Sunday
    expect(weekToDate('2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-01' }); // across a year
  });

  it('month to date starts on the 1st', () => {
    expect(monthToDate('2025-11-19')).toEqual({ from: '2025-11-01', to: '2025-11-19' });
    expect(monthToDate('2024-02-29')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('refuses what is not a date', () => {
    expect(() => weekToDate('2025-13-01')).toThrow(RangeError);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('')).toBe(false);
  });

  it('counts both ends', () => {
    expect(periodDays({ from: '2025-11-01', to: '2025-11-01' })).toBe(1);
    expect(periodDays({ from: '2025-01-01', to: '2025-12-31' })).toBe(365);
    // No DST in UTC days: a spring-forward weekend still counts whole days.
    expect(periodDays({ from: '2025-03-29', to: '2025-03-31' })).toBe(3);
  });

  it('says why a period would be refused', () => {
    expect(periodProblem({ from: '2025-11-01', to: '2025-11-30' })).toBeNull();
    expect(periodProblem({ from: '2025-11-30', to: '2025-11-01' })).toBe('order');
    expect(periodProblem({ from: '', to: '2025-11-01' })).toBe('invalid');
    expect(periodProblem({ from: '2015-01-01', to: '2025-01-01' })).toBe('tooLong');
    expect(periodProblem({ from: '2020-01-01', to: '2024-12-31' })).toBeNull();
  });

  it('maps a mode to its period', () => {
    const custom = { from: '2025-01-01', to: '2025-01-31' };
    expect(periodFor('custom', '2025-11-19', custom)).toBe(custom);
    expect(periodFor('month', '2025-11-19', custom).from).toBe('2025-11-01');
    expect(periodFor('week', '2025-11-19', custom).from).toBe('2025-11-17');
  });

  it('guesses today from this window’s local calendar (the backend’s agency day replaces it)', () => {
    expect(browserDay(new Date(2025, 10, 19, 23, 30))).toBe('2025-11-19');
    expect(browserDay(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
  });
});
