/** The worker side of key-probe.ts: opens the database with the key once and answers {opens}. */
import { parentPort, workerData } from 'node:worker_threads';
import { keyOpens } from '../../db/open';
import type { KeyProbeRequest } from './key-probe';

const r = workerData as KeyProbeRequest;
try {
  parentPort?.postMessage({ opens: keyOpens(r.file, Buffer.from(r.keyHex, 'hex'), r.nativeBinding, r.cipher) });
} catch (err) {
  parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
