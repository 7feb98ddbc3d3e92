/**
 * A report's period must be sane and contiguous:
 *   from < to ≤ createdAt + CLOCK_SKEW_MS      (never reversed or empty; never covers the future)
 *   from = the previous report's `to`          (per workstation and placement; no gap, no overlap)
 *   createdAt ≤ the verifier's now + skew      (a report is not dated in the future)
 * Records dated before `from` are still allowed: they are counted as late (summary.lateRecords).
 * Instants are compared as times, not as text.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type PeriodProblem = { code: 'PERIOD_INVALID' | 'PERIOD_DISCONTINUOUS'; message: string };

interface Dated {
  period: { from: string; to: string };
  createdAt: string;
}

/** What is wrong with the period in itself, or null. `now`: the verifier's clock, when it has one. */
export function periodProblem(report: Dated, now?: string): PeriodProblem | null {
  const from = Date.parse(report.period.from);
  const to = Date.parse(report.period.to);
  const created = Date.parse(report.createdAt);
  const invalid = (message: string): PeriodProblem => ({ code: 'PERIOD_INVALID', message });
  if (!(from < to)) return invalid(`the period must start before it ends: from ${report.period.from}, to ${report.period.to}`);
  if (to > created + CLOCK_SKEW_MS) return invalid(`the period ends at ${report.period.to}, after the report was made (${report.createdAt}): a report cannot cover the future`);
  if (now !== undefined && created > Date.parse(now) + CLOCK_SKEW_MS) return invalid(`the report is dated ${report.createdAt}, in the future (now ${now})`);
  return null;
}

/** The period must start where the placement's previous report ended. */
export function continuityProblem(report: Dated, previousTo: string | undefined): PeriodProblem | null {
  if (previousTo === undefined || Date.parse(report.period.from) === Date.parse(previousTo)) return null;
  return { code: 'PERIOD_DISCONTINUOUS', message: `the period starts at ${report.period.from}, but the previous report of the placement ended at ${previousTo}` };
}
