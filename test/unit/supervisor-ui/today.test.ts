import { describe, expect, it } from 'vitest';
import { dailyTarget, paceOf, placementDays } from '../../../renderer/features/supervisor/dashboard/today';

describe('the today panel’s pace', () => {
  it('spreads the target over the placement’s days, both ends counted, rounding up', () => {
    expect(placementDays('2026-11-01', '2026-11-30')).toBe(30);
    expect(placementDays('2026-11-01', '2026-11-01')).toBe(1);
    expect(dailyTarget(300_000_00, '2026-11-01', '2026-11-30')).toBe(10_000_00);
    expect(dailyTarget(100, '2026-11-01', '2026-11-03')).toBe(34);
  });
  it('has no pace without a target', () => {
    expect(paceOf(5_000, 10_000)).toBe(0.5);
    expect(paceOf(5_000, 0)).toBeNull();
  });
});
