/**
 * Runs one export off the caller's path: in a worker thread when the bundled worker script is
 * present (the app), else in-process (under vitest, where no bundle exists and a worker cannot
 * load TypeScript) — the same runExport either way, yielding to the event loop every few thousand
 * rows, so progress and cancel work in both.
 */
import { Worker } from 'node:worker_threads';
import { findBundle } from './bundles';
import { runExport } from './run';
import { ExportCancelledError, type ExportOutcome, type ExportRequest, type ProgressFn } from './types';
import type { WorkerMessage } from './worker-protocol';
import { removeQuietly } from './writers/files';

export const WORKER_BUNDLE = 'exports-worker.cjs';
export const WORKER_ENV = 'CASEDESK_EXPORTS_WORKER';

export type RunEnd = { state: 'done'; outcome: ExportOutcome } | { state: 'cancelled' } | { state: 'failed'; error: string };

export interface RunHandle {
  cancel(): void;
  readonly ended: Promise<RunEnd>;
  readonly mode: 'worker' | 'in-process';
}

/** A cancelled worker that has not stopped after this long is terminated. */
const CANCEL_GRACE_MS = 10_000;

export function findWorkerScript(explicit?: string, vars: NodeJS.ProcessEnv = process.env): string | null {
  return findBundle(WORKER_BUNDLE, explicit, vars[WORKER_ENV]);
}

export function launchExport(req: ExportRequest, onProgress: ProgressFn, workerScript: string | null): RunHandle {
  return workerScript ? inWorker(workerScript, req, onProgress) : inProcess(req, onProgress);
}

function inProcess(req: ExportRequest, onProgress: ProgressFn): RunHandle {
  let cancelled = false;
  const ended = runExport(req, onProgress, () => cancelled).then(
    (outcome): RunEnd => ({ state: 'done', outcome }),
    (err: unknown): RunEnd => (err instanceof ExportCancelledError ? { state: 'cancelled' } : { state: 'failed', error: err instanceof Error ? err.message : String(err) }),
  );
  return {
    mode: 'in-process',
    ended,
    cancel() {
      cancelled = true;
    },
  };
}

function inWorker(script: string, req: ExportRequest, onProgress: ProgressFn): RunHandle {
  // A shared flag: the worker reads it between rows without waiting for a message to be delivered.
  const cancelBuffer = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelBuffer);
  const worker = new Worker(script, { workerData: { request: req, cancel: cancelBuffer } });
  let killTimer: NodeJS.Timeout | undefined;
  const ended = new Promise<RunEnd>((resolve) => {
    let settled = false;
    const finish = (end: RunEnd) => {
      if (settled) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      if (end.state !== 'done') removeQuietly(req.outFile);
      resolve(end);
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'progress':
          onProgress(m.done, m.total);
          break;
        case 'done':
          finish({ state: 'done', outcome: m.outcome });
          break;
        case 'cancelled':
          finish({ state: 'cancelled' });
          break;
        case 'failed':
          finish({ state: 'failed', error: m.message });
          break;
      }
    });
    worker.on('error', (err) => finish({ state: 'failed', error: err.message }));
    worker.on('exit', (code) => finish(Atomics.load(flag, 0) === 1 ? { state: 'cancelled' } : { state: 'failed', error: `the export worker stopped (exit code ${code})` }));
  });
  return {
    mode: 'worker',
    ended,
    cancel() {
      Atomics.store(flag, 0, 1);
      killTimer ??= setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
      killTimer.unref();
    },
  };
}
