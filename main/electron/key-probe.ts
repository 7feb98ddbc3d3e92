/**
 * Tests a database key in a worker thread, so the Electron main process never opens SQLite itself
 * (better-sqlite3 is synchronous: on the main thread it would freeze every window). Used only when
 * an interrupted key rotation must be settled at start-up (keys/pending.ts).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DbCipher } from '../../db/open';
import type { KeyProbe } from '../backend/keys/pending';

export interface KeyProbeRequest {
  file: string;
  keyHex: string;
  cipher: DbCipher;
  nativeBinding?: string;
}

/** A probe that runs dist/electron/key-probe-worker.cjs beside the shell's bundle. */
export function workerKeyProbe(distDir: string, nativeBinding: string | undefined): KeyProbe {
  return (file, key, cipher) =>
    new Promise<boolean>((resolve, reject) => {
      const request: KeyProbeRequest = { file, keyHex: key.toString('hex'), cipher, ...(nativeBinding ? { nativeBinding } : {}) };
      const worker = new Worker(path.join(distDir, 'key-probe-worker.cjs'), { workerData: request });
      worker.once('message', (m: { opens?: boolean; error?: string }) => {
        if (typeof m.opens === 'boolean') resolve(m.opens);
        else reject(new Error(m.error ?? 'the key probe failed'));
        void worker.terminate();
      });
      worker.once('error', reject);
    });
}
