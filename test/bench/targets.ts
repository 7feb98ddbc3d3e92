/** The targets, checked against a run's figures. */
import type { Figure } from './context';

export type BenchKey = 'queue' | 'search' | 'log_contact' | 'guardrail_eval' | 'report_sign' | 'export_csv' | 'sync_push' | 'startup';

export interface Check {
  text: string;
  met: (f: Figure) => boolean;
}

export const TARGETS: Record<BenchKey, Check | null> = {
  queue: { text: 'p95 ≤ 20 ms and ≤ 3× bare', met: (f) => f.p95 <= 20 && (f.ratio ?? Infinity) <= 3 },
  search: null,
  log_contact: { text: '≤ 10× bare insert', met: (f) => (f.ratio ?? Infinity) <= 10 },
  guardrail_eval: { text: '≥ 20,000/s', met: (f) => (f.per_s ?? 0) >= 20_000 },
  report_sign: { text: '≤ 3× bare', met: (f) => (f.ratio ?? Infinity) <= 3 },
  export_csv: { text: '≥ 200,000 rows/s, peak RSS ≤ 300 MB', met: (f) => (f.per_s ?? 0) >= 200_000 && (f.peak_rss_mb ?? Infinity) <= 300 },
  sync_push: { text: '≥ 5,000 records/s', met: (f) => (f.per_s ?? 0) >= 5_000 },
  startup: { text: 'median ≤ 1.5 s', met: (f) => f.median <= 1_500 },
};

export const ENCRYPTION_TARGET = 'encrypted ≤ 1.15× plaintext (queue, log_contact)';
export const encryptionMet = (queue: number, logContact: number): boolean => queue <= 1.15 && logContact <= 1.15;
