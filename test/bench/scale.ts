/**
 * Sizes and effort at a given scale divisor. Full scale (1) is the issue's: 100,000 cases, 1,000,000
 * activities, 10,000-record reports and pushes, a 1,000,000-row export. The smoke test runs 1/100
 * with token effort: it checks the bench still works, not how fast anything is.
 */
import type { Effort } from './measure';

export interface Sizes {
  divisor: number;
  cases: number;
  activitiesPerCase: number;
  reportRecords: number;
  pushRecords: number;
  exportRows: number;
  startupRuns: number;
  /**
   * Cases per side for the encryption cost: it seeds its own plain and encrypted
   * agencies, and two more 100,000-case seeds would double the run; the ratio is taken at 20,000.
   */
  encryptionCases: number;
  /** Effort for fast operations (queue, search, log_contact, guardrail_eval). */
  quick: Effort;
  /** Effort for heavy ones, a few seconds each (report, push, export). */
  heavy: Effort;
}

/** `full` effort at a reduced size is for profiling a small database (--effort full). */
export function sizesFor(divisor: number, effort: 'auto' | 'full' = 'auto'): Sizes {
  const full = divisor === 1 || effort === 'full';
  return {
    divisor,
    cases: Math.max(100, Math.round(100_000 / divisor)),
    // The generator draws 0…2×perCase activities per case: 10 gives ~1,000,000 over 100,000 cases.
    activitiesPerCase: 10,
    reportRecords: Math.max(10, Math.round(10_000 / divisor)),
    pushRecords: Math.max(10, Math.round(10_000 / divisor)),
    exportRows: Math.max(100, Math.round(1_000_000 / divisor)),
    startupRuns: full ? 7 : 1,
    encryptionCases: Math.max(100, Math.round(Math.min(20_000, 100_000 / divisor))),
    quick: full ? { time: 3_000, iterations: 200, warmupIterations: 20 } : { time: 50, iterations: 5, warmupIterations: 1 },
    heavy: full ? { time: 0, iterations: 7, warmupIterations: 1 } : { time: 0, iterations: 2, warmupIterations: 0 },
  };
}
