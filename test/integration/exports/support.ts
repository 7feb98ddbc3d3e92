/** Shared set-up for export tests: a demo backend whose exports are signed with a test key. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import { passphraseProtector, type KeyProtector } from '../../../main/backend/crypto/protect';
import { exportJobs } from '../../../main/backend/exports/jobs';
import { configureExports, type ExportEnvironment } from '../../../main/backend/exports/signing';
import { demoBackend } from '../../support/backend';
import { toolPath } from '../../support/tools';

export const TEST_PASSPHRASE = 'exports test passphrase';
/** Low scrypt cost: the key wrapping is the sync engineer's and tested there. */
export const testProtector = (): KeyProtector => passphraseProtector(TEST_PASSPHRASE, { N: 2 ** 12 });

/** The demo's history runs back four weeks from now. */
export const NOW = '2026-11-25T03:00:00.000Z';
export const PERIOD = { from: '2026-10-20', to: '2026-11-25' };

/**
 * Bundles a worker thread's entry (under main/backend/exports/) as scripts/build.mjs does, since a
 * worker cannot load TypeScript; returns the bundle's path (the caller removes it).
 */
export async function buildWorkerBundle(entry: string, name: string): Promise<string> {
  const dir = path.resolve('node_modules/.cache/casedesk-exports-test');
  fs.mkdirSync(dir, { recursive: true });
  const script = path.join(dir, `${name}-${process.pid}.cjs`);
  await build({
    entryPoints: [path.resolve('main/backend/exports', entry)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'electron'],
    logLevel: 'error',
  });
  return script;
}

export function exportBackend(env: Partial<ExportEnvironment> = {}, cases = 120) {
  const t = demoBackend({ cases, now: NOW });
  configureExports(t.backend.app, { protector: testProtector(), ...env });
  return t;
}

type T = ReturnType<typeof exportBackend>;

export async function runJob(t: T, input: Record<string, unknown>): Promise<ExportJobView> {
  const { jobId } = await t.call<{ jobId: string }>('exports.start', input);
  return exportJobs.settled(t.backend.app, jobId);
}

export function borrowerNames(t: T): string[] {
  return (t.db.prepare('SELECT full_name FROM borrowers').all() as { full_name: string }[]).map((r) => r.full_name);
}

/** Renders each page with pdftoppm and returns, per page, the PNG's size and the gray-level spread. */
export function renderPdf(file: string): { pngBytes: number; stdDev: number }[] {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), 'render-'));
  execFileSync(toolPath('pdftoppm') ?? 'pdftoppm', ['-png', '-r', '40', file, path.join(dir, 'p')]);
  execFileSync(toolPath('pdftoppm') ?? 'pdftoppm', ['-gray', '-r', '40', file, path.join(dir, 'g')]);
  const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  const pgms = fs.readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
  return pngs.map((png, i) => ({ pngBytes: fs.statSync(path.join(dir, png)).size, stdDev: pgmStdDev(fs.readFileSync(path.join(dir, pgms[i] ?? ''))) }));
}

/** Binary PGM (P5): header "P5 w h max", then one byte per pixel. */
function pgmStdDev(buf: Buffer): number {
  const header = buf.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const pixels = buf.subarray(header[0].length);
  let sum = 0;
  let sq = 0;
  for (const v of pixels) {
    sum += v;
    sq += v * v;
  }
  const mean = sum / pixels.length;
  return Math.sqrt(sq / pixels.length - mean * mean);
}

export function pdfText(file: string): string {
  return execFileSync(toolPath('pdftotext') ?? 'pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

