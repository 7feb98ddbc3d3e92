/** What every benchmark gets: the seeded database, a backend over it, the clock, the sizes. */
import type { Result } from '../../common/api/result';
import type { createBackend } from '../../main/backend';
import type { fixedClock } from '../../main/backend/clock';
import type { Effort } from './measure';
import type { Sizes } from './scale';

export type BenchBackend = ReturnType<typeof createBackend>;

export interface BenchContext {
  root: string;
  dataDir: string;
  dbFile: string;
  /** A trusted in-process caller acting as the demo supervisor (sees the whole team's queue). */
  backend: BenchBackend;
  clock: ReturnType<typeof fixedClock>;
  sizes: Sizes;
  /** A scratch folder the run may fill (removed at the end unless --keep). */
  scratch: string;
  log: (line: string) => void;
}

/** One line of the results: times in `unit`, plus what the issue asks for per benchmark. */
export interface Figure {
  median: number;
  p95: number;
  unit: 'ms' | 'µs';
  /** Ours ÷ bare, on medians, same unit. */
  ratio?: number;
  bare?: { median: number; p95: number };
  per_s?: number;
  peak_rss_mb?: number;
  samples: number;
}

export function toUnit(t: { median: number; p95: number }, unit: 'ms' | 'µs'): { median: number; p95: number } {
  const k = unit === 'µs' ? 1000 : 1;
  return { median: t.median * k, p95: t.p95 * k };
}

export function effortOf(ctx: BenchContext, kind: 'quick' | 'heavy'): Effort {
  return ctx.sizes[kind];
}

/** Unwraps a dispatch result; a failure inside a timed loop must stop the run, not be timed. */
export async function ok<T>(p: Promise<Result<unknown>>, what: string): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
