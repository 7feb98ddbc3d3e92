/**
 * The Electron shell tests a database key in a worker thread (main/electron/key-probe.ts), never on
 * its main thread. Here the real worker bundle runs in a real worker_thread against a real
 * encrypted file: the right key opens it, another does not, and the calling thread stays free.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { workerKeyProbe } from '../../../main/electron/key-probe';

let dir: string;
beforeAll(async () => {
  // Inside node_modules/.cache so the bundle resolves the SQLite driver as the real one does beside node_modules.
  const cache = path.resolve('node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(path.join(cache, 'casedesk-key-probe-'));
  await build({
    entryPoints: [path.resolve('main/electron/key-probe-worker.ts')],
    outfile: path.join(dir, 'key-probe-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'],
    logLevel: 'error',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the worker key probe', () => {
  it('opens with the right key, refuses another, and does not block the calling thread', async () => {
    const file = path.join(dir, 'casedesk.sqlite');
    const key = randomBytes(32);
    openDatabase(file, { key }).close();
    const probe = workerKeyProbe(dir, undefined);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const [right, wrong] = await Promise.all([probe(file, key, 'aegis256-raw-key'), probe(file, randomBytes(32), 'aegis256-raw-key')]);
    clearInterval(timer);
    expect(right).toBe(true);
    expect(wrong).toBe(false);
    expect(ticks).toBeGreaterThan(0);
  });
});
