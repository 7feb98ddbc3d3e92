import { describe, expect, it } from 'vitest';
import type { CollectorFigures, PerformanceFigures, PlacementFigures } from '../../../common/api/types-supervisor';
import { ageMinutes, anyNonZero, attemptsChartRows, complaintsTone, conductChartRows, formatRate, ratePercent, targetChartRows } from '../../../renderer/features/supervisor/figures';

function figures(over: Partial<PerformanceFigures> = {}): PerformanceFigures {
  return {
    attemptsByChannel: { call: 3, sms: 1, email: 0, letter: 0, visit: 0 },
    attempts: 4,
    rightPartyContacts: 2,
    rightPartyRate: 0.5,
    promisesMade: 1,
    promiseRate: 0.5,
    promisesDue: 0,
    promisesKept: 0,
    promiseKeptRate: null,
    collected: [],
    guardrail: { warnings: 1, blocks: 2, overridesRequested: 1, overridesApproved: 0 },
    complaints: { opened: 1, open: 1, overdue: 0 },
    ...over,
  };
}

const collector = (name: string, over: Partial<PerformanceFigures> = {}): CollectorFigures => ({
  ...figures(over),
  collector: { id: name, username: name, displayName: name },
});

const placement = (code: string, targetProgress: number | null): PlacementFigures => ({
  ...figures(),
  placement: { id: code, code, name: code, currency: 'CNY' },
  collectedMinor: 0,
  targetMinor: targetProgress === null ? 0 : 100,
  targetProgress,
});

describe('supervisor figures', () => {
  it('formats rates per locale and says — when there is nothing to divide', () => {
    expect(formatRate(0.1234, 'en')).toBe('12.3%');
    expect(formatRate(1, 'zh-CN')).toBe('100%');
    expect(formatRate(0, 'en')).toBe('0%');
    expect(formatRate(null, 'en')).toBe('—');
    expect(formatRate(Number.NaN, 'en')).toBe('—');
  });

  it('turns rates into chart percentages', () => {
    expect(ratePercent(0.12345)).toBe(12.3);
    expect(ratePercent(1.5)).toBe(150);
    expect(ratePercent(null)).toBeNull();
  });

  it('grades complaints: overdue is severe, open needs care', () => {
    expect(complaintsTone({ opened: 0, open: 0, overdue: 0 })).toBe('ok');
    expect(complaintsTone({ opened: 0, open: 2, overdue: 0 })).toBe('care');
    expect(complaintsTone({ opened: 0, open: 2, overdue: 1 })).toBe('severe');
  });

  it('builds one stacked row per collector with every channel', () => {
    expect(attemptsChartRows([collector('Li')])).toEqual([{ name: 'Li', call: 3, sms: 1, email: 0, letter: 0, visit: 0 }]);
  });

  it('plots target progress as a share, zero without a target', () => {
    expect(targetChartRows([placement('A', 0.5), placement('B', null)])).toEqual([
      { name: 'A', progress: 50, hasTarget: true },
      { name: 'B', progress: 0, hasTarget: false },
    ]);
  });

  it('collects conduct events per collector', () => {
    const [row] = conductChartRows([collector('Li')]);
    expect(row).toEqual({ name: 'Li', warnings: 1, blocks: 2, overridesRequested: 1, overridesApproved: 0, complaintsOpened: 1, complaintsOverdue: 0 });
  });

  it('knows an all-zero chart', () => {
    expect(anyNonZero([{ name: 'x', a: 0 }])).toBe(false);
    expect(anyNonZero([{ name: 'x', a: 0 }, { name: 'y', a: 1 }])).toBe(true);
    expect(anyNonZero([])).toBe(false);
  });

  it('measures the age of figures in whole minutes', () => {
    expect(ageMinutes('2025-11-19T10:00:00Z', new Date('2025-11-19T10:02:59Z'))).toBe(2);
    expect(ageMinutes('2025-11-19T10:00:00Z', new Date('2025-11-19T09:00:00Z'))).toBe(0);
    expect(ageMinutes('nonsense', new Date())).toBeNull();
  });
});
