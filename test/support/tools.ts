/**
 * External tools some tests need (openssl, pdftotext, pdftoppm). A test that needs a missing tool is
 * skipped visibly — counted as skipped by vitest and by `npm test`'s tally — never passed by an early return.
 */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, string | null>();

/** The tool's path, or null when it is not installed. */
export function toolPath(name: string): string | null {
  let p = cache.get(name);
  if (p === undefined) {
    const r = spawnSync('/bin/sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    p = r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
    cache.set(name, p);
  }
  return p;
}

/** True when any of the tools is missing; says which on stderr once per tool. */
export function missing(...names: string[]): boolean {
  const gone = names.filter((n) => toolPath(n) === null);
  for (const n of gone) process.stderr.write(`[tools] ${n} is not installed: the tests that need it are SKIPPED (counted as skipped)\n`);
  return gone.length > 0;
}
