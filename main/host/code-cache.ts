/**
 * Loads a CommonJS bundle with a V8 code cache beside it: compiling the ~6 MB host bundle costs
 * 100–200 ms of every start, and V8 can skip most of that when given the code it compiled last
 * time. The same idea as Node 22's module.enableCompileCache(), which Node 20 lacks.
 *
 * The cache is only ever an optimisation: V8 checks it against the source and its own version and
 * flags and rejects a stale one (then the bundle compiles as usual and a fresh cache is written
 * when the process exits); it is written atomically (temporary file + rename) so concurrent starts
 * never read half a file; any error reading or writing it is ignored. CASEDESK_CODE_CACHE=0 turns
 * it off.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

type Wrapped = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

export interface CodeCacheLoad {
  exports: unknown;
  /** hit: V8 used the cache; miss: there was none; rejected: V8 refused it (stale, corrupt); off: disabled. */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
  /** Writes a fresh cache (atomically; errors ignored). Call it late — at exit — so it also holds what ran lazily. */
  save(): void;
}

/** Runs `file` as a CommonJS module (its own require, module, __filename, __dirname) with `cacheFile`. */
export function requireWithCodeCache(file: string, cacheFile: string, env: NodeJS.ProcessEnv = process.env): CodeCacheLoad {
  const source = fs.readFileSync(file, 'utf8');
  const enabled = env.CASEDESK_CODE_CACHE !== '0';
  let cachedData: Buffer | undefined;
  if (enabled) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache = !enabled ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected === true ? 'rejected' : 'hit';
  const fn = script.runInThisContext({ displayErrors: true }) as Wrapped;
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, cache, save: () => writeCache(script, cacheFile) };
}

function writeCache(script: vm.Script, cacheFile: string): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Only a cache: a read-only install simply starts without one.
    }
  }
}
