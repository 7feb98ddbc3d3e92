/**
 * Start-up trace, off unless CASEDESK_TRACE=1: one stderr line per milestone with the time since
 * the process started (performance.now() counts from the process's time origin), so a slow start
 * can be split into its parts without a profiler. Never logs values, only milestone names.
 */
import { performance } from 'node:perf_hooks';

const enabled = process.env.CASEDESK_TRACE === '1';

export function trace(label: string): void {
  if (!enabled) return;
  process.stderr.write(`[trace] ${performance.now().toFixed(1)}ms ${label}\n`);
}

export function traceEnabled(): boolean {
  return enabled;
}
