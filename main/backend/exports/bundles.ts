/**
 * Where a worker thread's bundle is: given explicitly, named by an environment variable, beside the
 * bundle that imports this module (dist/cli.cjs → dist/exports-worker.cjs) or one folder up
 * (dist/electron/backend-process.cjs, dist/bench/export-child.cjs → dist/). Null when there is
 * none — under vitest no bundle sits beside the sources, and exports run without one.
 */
import fs from 'node:fs';
import path from 'node:path';

export function findBundle(name: string, explicit: string | undefined, fromEnv: string | undefined): string | null {
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const candidates = [explicit, fromEnv, here && path.join(here, name), here && path.join(here, '..', name)];
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0 && fs.existsSync(c)) ?? null;
}
