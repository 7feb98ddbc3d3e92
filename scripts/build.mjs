// Builds everything that runs: the renderer (vite) and the Node/Electron bundles (esbuild).
// Native modules stay external: better-sqlite3 is loaded from node_modules at run time.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import { lazyDependencies } from './lazy-deps.mjs';
import { bridgeContract } from './bridge-contract.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const quiet = process.argv.includes('--quiet');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  // pdfkit reads its font metrics and ICC profile from its own folder at run time.
  external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pg-native', 'pdfkit', 'electron', 'playwright-core', '@playwright/test', 'vite', 'esbuild'],
  define: { __CASEDESK_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

const entries = [
  { in: 'main/cli/entry.ts', out: 'dist/cli.cjs', opts: node },
  // dist/launch.cjs is a small loader that runs dist/launch-app.cjs with a V8 code cache.
  { in: 'main/launch/loader.ts', out: 'dist/launch.cjs', opts: node },
  { in: 'main/launch/app.ts', out: 'dist/launch-app.cjs', opts: { ...node, plugins: [lazyDependencies()] } },
  // The bridge gets the contract's method names without its schemas (see bridge-contract.mjs).
  { in: 'preload/web.ts', out: 'dist/host/bridge.js', opts: { ...node, platform: 'browser', format: 'iife', target: 'chrome120', external: [], plugins: [bridgeContract(root)] } },
  { in: 'main/electron/main.ts', out: 'dist/electron/main.cjs', opts: node },
  { in: 'main/electron/backend-process.ts', out: 'dist/electron/backend-process.cjs', opts: node },
  // An interrupted key rotation is settled by testing keys in a worker, never on Electron's main thread.
  { in: 'main/electron/key-probe-worker.ts', out: 'dist/electron/key-probe-worker.cjs', opts: node },
  // Sandboxed preloads cannot require npm modules: everything but `electron` is bundled in.
  { in: 'preload/electron.ts', out: 'dist/electron/preload.cjs', opts: { ...node, target: 'chrome120' } },
  // Exports run in a worker thread so the app stays responsive; it is found beside the bundle that starts it.
  { in: 'main/backend/exports/worker.ts', out: 'dist/exports-worker.cjs', opts: node },
  // A large activities CSV export writes half its rows in a second thread (exports/split/).
  { in: 'main/backend/exports/split/part-worker.ts', out: 'dist/export-part-worker.cjs', opts: node },
  { in: 'lender/server.ts', out: 'dist/lender/server.cjs', opts: node },
  { in: 'test/bench/bench.ts', out: 'dist/bench/bench.cjs', opts: node },
  // The export_csv benchmark's child process: the export engine without the harness.
  { in: 'test/bench/export-child-main.ts', out: 'dist/bench/export-child.cjs', opts: { ...node, plugins: [lazyDependencies()] } },
  { in: 'test/stress/stress.ts', out: 'dist/stress/stress.cjs', opts: node },
  { in: 'test/bench/lender-load.ts', out: 'dist/bench/lender-load.cjs', opts: node },
];

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
mkdirSync(path.join(root, 'dist'), { recursive: true });
const started = Date.now();
const missing = entries.filter((e) => !existsSync(path.join(root, e.in)));
if (missing.length > 0) throw new Error(`build: missing entry points: ${missing.map((e) => e.in).join(', ')}`);
await Promise.all(entries.map((e) => build({ ...e.opts, entryPoints: [path.join(root, e.in)], outfile: path.join(root, e.out) })));
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
if (!quiet) console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
