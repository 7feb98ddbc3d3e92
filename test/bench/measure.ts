/**
 * One timed measurement: tinybench runs the function (warm-up, then at least `iterations` samples
 * or `time` ms, whichever is longer) and keeps every sample, so the median and p95 are computed
 * from the real distribution, not from tinybench's mean.
 */
import { Bench } from 'tinybench';

export interface Timing {
  /** Milliseconds per call. */
  median: number;
  p95: number;
  samples: number;
}

export interface Effort {
  /** Time budget in ms for the sampled phase. */
  time: number;
  /** Minimum samples. */
  iterations: number;
  warmupIterations: number;
}

export interface MeasureOptions extends Effort {
  /** Runs before every call, untimed (e.g. appending the next 10,000 chain records). */
  beforeEach?: () => void | Promise<void>;
  /** Say so for functions returning a promise: tinybench otherwise calls the function once, without its hooks, to find out. */
  async?: boolean;
  /** Runs after every call, untimed (e.g. stopping the host a startup run started). */
  afterEach?: () => void | Promise<void>;
}

/** Nearest-rank percentile over sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length };
}

export async function measure(name: string, fn: () => unknown, opts: MeasureOptions): Promise<Timing> {
  const bench = new Bench({
    name,
    time: opts.time,
    iterations: opts.iterations,
    warmupIterations: opts.warmupIterations,
    warmupTime: 0,
    warmup: opts.warmupIterations > 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, fn, {
    async: opts.async ?? false,
    ...(opts.beforeEach ? { beforeEach: opts.beforeEach } : {}),
    ...(opts.afterEach ? { afterEach: opts.afterEach } : {}),
  });
  await bench.run();
  const task = bench.tasks[0];
  if (!task) throw new Error(`${name}: tinybench lost the task`);
  const result = task.result;
  if (result.state !== 'completed') {
    const why = result.state === 'errored' ? result.error.message : result.state;
    throw new Error(`${name}: ${why}`);
  }
  const samples = result.latency.samples;
  if (!samples || samples.length === 0) throw new Error(`${name}: no samples were kept`);
  return summarize(samples);
}
