#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers (the driver db/open.ts uses for every database, plain or
// encrypted) for Electron's ABI *beside* the Node build the tests use:
//   node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node            (Node; untouched)
//   node_modules/better-sqlite3-multiple-ciphers/build-electron/Release/better_sqlite3.node   (Electron; written here)
// It compiles in a temp copy so a failed or partial build can never break `npm test`.
// Not a postinstall step: run it before `npm run dist` or launching Electron in development.
//
// Usage: node scripts/rebuild-electron.mjs [--dry-run] [--arch=x64|arm64] [--nodedir=<electron headers dir>]
//   --nodedir  use Electron headers already on disk (offline machines); otherwise node-gyp
//              downloads them from https://electronjs.org/headers
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADERS_URL = 'https://electronjs.org/headers';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dryRun = args.includes('--dry-run');
const arch = flag('arch') ?? process.arch;
const nodedir = flag('nodedir') ? path.resolve(flag('nodedir')) : undefined;

const say = (line) => console.log(`[rebuild-electron] ${line}`);
function die(lines) {
  for (const line of [].concat(lines)) console.error(`[rebuild-electron] ERROR: ${line}`);
  console.error('[rebuild-electron] The Node build used by the tests was not touched.');
  process.exit(1);
}
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const sha256 = (file) => (fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16) : 'absent');

const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
const SQLITE_PKG = 'better-sqlite3-multiple-ciphers';
const sqlitePkgDir = path.join(root, 'node_modules', SQLITE_PKG);
if (!fs.existsSync(electronPkg)) die('node_modules/electron is not installed; run npm install first.');
if (!fs.existsSync(path.join(sqlitePkgDir, 'binding.gyp'))) die(`node_modules/${SQLITE_PKG} (with binding.gyp) is not installed.`);
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
if (!fs.existsSync(nodeGyp)) die('node-gyp is not installed (it comes with electron-builder / @electron/rebuild).');

const electronVersion = readJson(electronPkg).version;
const abiFile = path.join(root, 'node_modules', 'electron', 'abi_version');
const abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : 'unknown';
const sqliteVersion = readJson(path.join(sqlitePkgDir, 'package.json')).version;
const nodeBuild = path.join(sqlitePkgDir, 'build', 'Release', 'better_sqlite3.node');
const outDir = path.join(sqlitePkgDir, 'build-electron', 'Release');
const outFile = path.join(outDir, 'better_sqlite3.node');
// Same headers cache @electron/rebuild uses, so the two tools share downloads.
const devdir = path.join(os.homedir(), '.electron-gyp');

say(`${SQLITE_PKG} ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}), ${process.platform}-${arch}`);
say(`headers: ${nodedir ? `local ${nodedir}` : `${HEADERS_URL}/v${electronVersion} (cached in ${devdir})`}`);
say(`output:  ${path.relative(root, outFile)}`);
say(`Node build left alone: ${path.relative(root, nodeBuild)} (sha256 ${sha256(nodeBuild)})`);
if (dryRun) {
  say('--dry-run: nothing built.');
  process.exit(0);
}

const cachedHeaders = path.join(devdir, electronVersion, 'include', 'node', 'node_version.h');
if (nodedir && !fs.existsSync(path.join(nodedir, 'include', 'node', 'node_version.h'))) {
  die(`--nodedir ${nodedir} does not contain Electron headers (include/node/node_version.h).`);
}
if (!nodedir && !fs.existsSync(cachedHeaders)) {
  const url = `${HEADERS_URL}/v${electronVersion}/SHASUMS256.txt`;
  say(`checking that ${url} is reachable...`);
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (err) {
    die([
      `cannot reach the Electron headers host (${url}): ${err?.cause?.code ?? err?.message ?? err}.`,
      'Run this where electronjs.org is reachable, or download',
      `  ${HEADERS_URL}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz,`,
      'unpack it and pass --nodedir=<unpacked dir>.',
    ]);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-bs3-electron-'));
const copy = path.join(work, SQLITE_PKG);
try {
  say(`copying ${SQLITE_PKG} to ${copy} (without its build/ folders)`);
  fs.cpSync(sqlitePkgDir, copy, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(sqlitePkgDir, src).split(path.sep)[0];
      return rel !== 'build' && rel !== 'build-electron';
    },
  });

  const gypArgs = [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--runtime=electron',
    `--dist-url=${HEADERS_URL}`,
    `--devdir=${devdir}`,
    ...(nodedir ? [`--nodedir=${nodedir}`] : []),
  ];
  say(`running: node ${gypArgs.map((a) => path.relative(root, a) || a).join(' ')}`);
  const run = spawnSync(process.execPath, gypArgs, { cwd: copy, stdio: 'inherit' });
  if (run.status !== 0) {
    die([
      `node-gyp failed (${run.error?.message ?? `exit ${run.status}`}).`,
      'Needs: Electron headers (see above), Python 3 and a C++ toolchain (build-essential / Xcode / MSVC).',
    ]);
  }
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built) || fs.statSync(built).size === 0) die(`node-gyp reported success but ${built} is missing.`);

  fs.mkdirSync(outDir, { recursive: true });
  const tmpOut = `${outFile}.tmp-${process.pid}`;
  fs.copyFileSync(built, tmpOut);
  fs.renameSync(tmpOut, outFile); // atomic: never a half-written binding
  fs.writeFileSync(
    path.join(outDir, '..', 'BUILD-INFO.json'),
    `${JSON.stringify({ package: SQLITE_PKG, version: sqliteVersion, electron: electronVersion, abi, platform: process.platform, arch, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  say(`wrote ${path.relative(root, outFile)} (sha256 ${sha256(outFile)})`);
  say(`Node build still: sha256 ${sha256(nodeBuild)}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
