/** The launcher's V8 code cache: real files, real V8 — used when valid, refused when not, never in the way. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../../../main/host/code-cache';

const root = path.resolve(__dirname, '..', '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-code-cache-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let n = 0;
function moduleDir(body: string): { file: string; cache: string } {
  const dir = path.join(work, `m${n++}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'helper.cjs'), 'module.exports = (x) => x * 2;');
  const file = path.join(dir, 'bundle.cjs');
  fs.writeFileSync(file, body);
  return { file, cache: `${file}.v8cache` };
}

const BODY = `
const helper = require('./helper.cjs');
const os = require('node:os');
exports.double = helper(21);
exports.where = __dirname;
exports.self = __filename;
exports.isModule = typeof module.exports === 'object' && module.exports === exports;
exports.platform = os.platform();
function later() { return 'compiled lazily'; }
exports.later = later;
`;

describe('requireWithCodeCache', () => {
  it('runs the file as a CommonJS module: its own require, __dirname, __filename, exports', () => {
    const { file, cache } = moduleDir(BODY);
    const m = requireWithCodeCache(file, cache, {});
    const e = m.exports as Record<string, unknown>;
    expect(e.double).toBe(42);
    expect(e.where).toBe(path.dirname(file));
    expect(e.self).toBe(file);
    expect(e.isModule).toBe(true);
    expect(e.platform).toBe(os.platform());
  });

  it('misses, writes the cache on save, then hits; a changed source is refused and works anyway', () => {
    const { file, cache } = moduleDir(BODY);
    const first = requireWithCodeCache(file, cache, {});
    expect(first.cache).toBe('miss');
    expect(fs.existsSync(cache)).toBe(false);
    (first.exports as { later: () => string }).later();
    first.save();
    expect(fs.statSync(cache).size).toBeGreaterThan(0);
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = requireWithCodeCache(file, cache, {});
    expect(second.cache).toBe('hit');
    expect((second.exports as { double: number }).double).toBe(42);

    fs.writeFileSync(file, BODY.replace('helper(21)', 'helper(5)'));
    const changed = requireWithCodeCache(file, cache, {});
    expect(changed.cache).toBe('rejected');
    expect((changed.exports as { double: number }).double).toBe(10);
  });

  it('refuses a corrupt cache file and still runs the module', () => {
    const { file, cache } = moduleDir(BODY);
    fs.writeFileSync(cache, Buffer.alloc(4096, 7));
    const m = requireWithCodeCache(file, cache, {});
    expect(m.cache).toBe('rejected');
    expect((m.exports as { double: number }).double).toBe(42);
  });

  it('is off with CASEDESK_CODE_CACHE=0: reads nothing, and saving is never asked for', () => {
    const { file, cache } = moduleDir(BODY);
    fs.writeFileSync(cache, Buffer.alloc(16, 1));
    const m = requireWithCodeCache(file, cache, { CASEDESK_CODE_CACHE: '0' });
    expect(m.cache).toBe('off');
    expect((m.exports as { double: number }).double).toBe(42);
  });

  it('an unwritable cache location is ignored', () => {
    const { file } = moduleDir(BODY);
    const m = requireWithCodeCache(file, path.join(work, 'no-such-dir', 'x.v8cache'), {});
    expect(m.cache).toBe('miss');
    expect(() => m.save()).not.toThrow();
  });

  it('the built launcher writes dist/launch-app.cjs.v8cache at exit and uses it on the next start', () => {
    const launch = path.join(root, 'dist', 'launch.cjs');
    expect(fs.existsSync(launch), 'dist/launch.cjs (run node scripts/build.mjs)').toBe(true);
    const cacheFile = path.join(root, 'dist', 'launch-app.cjs.v8cache');
    fs.rmSync(cacheFile, { force: true });
    // A usage error: the launcher loads, parses its flags, prints and exits 2, with no data touched.
    const run = () => spawnSync(process.execPath, [launch, '--host', '--no-such-flag'], { cwd: root, encoding: 'utf8', env: { ...process.env, CASEDESK_TEST: '' } });
    const first = run();
    expect(first.status, first.stderr).toBe(2);
    expect(fs.statSync(cacheFile).size).toBeGreaterThan(0);
    const written = fs.statSync(cacheFile).mtimeMs;
    const second = run();
    expect(second.status, second.stderr).toBe(2);
    // Accepted, so not rewritten.
    expect(fs.statSync(cacheFile).mtimeMs).toBe(written);
  });
});
