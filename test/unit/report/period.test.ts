/** Invariant: a report's period is never reversed or empty, never covers the future, and continues the previous one. */
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, continuityProblem, periodProblem } from '../../../common/domain/report/period';

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms).toISOString();
const T = '2026-03-02T09:00:00.000Z';
const dated = (from: string, to: string, createdAt = T) => ({ period: { from, to }, createdAt });

describe('report periods', () => {
  it('accepts from < to ≤ createdAt + skew', () => {
    expect(periodProblem(dated(at(T, -86_400_000), T))).toBeNull();
    expect(periodProblem(dated(at(T, -1), at(T, CLOCK_SKEW_MS)))).toBeNull();
  });

  it('refuses reversed, empty and future periods, and reports dated in the future', () => {
    expect(periodProblem(dated('2099-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'))).toMatchObject({ code: 'PERIOD_INVALID', message: /start before it ends/ });
    expect(periodProblem(dated(T, T))).toMatchObject({ code: 'PERIOD_INVALID' });
    expect(periodProblem(dated(at(T, -1), at(T, CLOCK_SKEW_MS + 1)))).toMatchObject({ code: 'PERIOD_INVALID', message: /cannot cover the future/ });
    expect(periodProblem(dated(at(T, -2), at(T, -1)), at(T, -CLOCK_SKEW_MS - 1))).toMatchObject({ code: 'PERIOD_INVALID', message: /in the future/ });
  });

  it('compares instants as times, not text', () => {
    expect(periodProblem(dated('2026-03-02T08:00:00Z', '2026-03-02T09:00:00.000Z'))).toBeNull();
    expect(continuityProblem(dated('2026-03-02T08:00:00Z', T), '2026-03-02T08:00:00.000Z')).toBeNull();
  });

  it('refuses a period that does not start where the previous one ended', () => {
    expect(continuityProblem(dated(at(T, -1000), T), undefined)).toBeNull();
    expect(continuityProblem(dated(at(T, -1000), T), at(T, -2000))).toMatchObject({ code: 'PERIOD_DISCONTINUOUS' });
    expect(continuityProblem(dated(at(T, -1000), T), at(T, -500))).toMatchObject({ code: 'PERIOD_DISCONTINUOUS' });
  });
});
