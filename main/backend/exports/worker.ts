/**
 * The export worker thread (bundled as dist/exports-worker.cjs). It receives an ExportRequest and a
 * shared cancel flag, runs runExport on its own read-only connections and reports progress, the
 * outcome or the cancellation. The main thread signs the manifest: the key never enters here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { runExport } from './run';
import { ExportRequestSchema, firstIssue } from './request-schema';
import { ExportCancelledError } from './types';
import type { WorkerMessage } from './worker-protocol';

const WorkerInput = z.object({
  request: ExportRequestSchema,
  cancel: z.instanceof(SharedArrayBuffer),
});

function post(m: WorkerMessage): void {
  parentPort?.postMessage(m);
}

if (parentPort) {
  const input = WorkerInput.safeParse(workerData);
  if (!input.success) {
    post({ type: 'failed', message: `bad worker input: ${firstIssue(input.error)}` });
  } else {
    const flag = new Int32Array(input.data.cancel);
    runExport(
      input.data.request,
      (done, total) => post({ type: 'progress', done, total }),
      () => Atomics.load(flag, 0) === 1,
    ).then(
      (outcome) => post({ type: 'done', outcome }),
      (err: unknown) => post(err instanceof ExportCancelledError ? { type: 'cancelled' } : { type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  }
}
