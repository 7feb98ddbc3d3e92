/**
 * export_csv: the activity log of the whole agency (every activity of the seeded database, about
 * 1,000,000 rows) exported to CSV by the export engine (exportToFile), in a child process of its
 * own so its peak RSS is the export's and not the seeding's (the first export's high-water mark). Bare: the same rows from the same
 * listing query, iterated and written as comma-joined lines to a file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext, Figure } from './context';

export interface ExportChildResult {
  rows: number;
  ours: { median: number; p95: number; samples: number };
  bare: { median: number; p95: number; samples: number };
  /** High-water mark after the first export in a fresh process. */
  peakRssMb: number;
  /** After every run (heap the earlier runs left behind included). */
  peakRssAllRunsMb: number;
}

/** The child's bundle, beside the bench's (test/bench/export-child-main.ts). */
export const EXPORT_CHILD = 'export-child.cjs';

export async function benchExportCsv(ctx: BenchContext, childScript: string): Promise<Figure & { rows: number; peak_rss_mb_all_runs: number }> {
  const out = path.join(ctx.scratch, 'export');
  fs.mkdirSync(out, { recursive: true });
  const effort = ctx.sizes.heavy;
  if (!fs.existsSync(childScript)) throw new Error(`export_csv: no export child at ${childScript} (run node scripts/build.mjs)`);
  const args = [childScript, '--db', ctx.dbFile, '--out', out, '--iterations', String(effort.iterations), '--now', ctx.clock.now().toISOString()];
  const result = await new Promise<ExportChildResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ctx.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`export_csv: the export child exited with ${code}: ${stderr.trim() || last}`));
      try {
        resolve(JSON.parse(last) as ExportChildResult);
      } catch {
        reject(new Error(`export_csv: the export child printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
  fs.rmSync(out, { recursive: true, force: true });
  const { ours, bare } = result;
  return {
    median: ours.median,
    p95: ours.p95,
    unit: 'ms',
    per_s: result.rows / (ours.median / 1000),
    peak_rss_mb: result.peakRssMb,
    ratio: ours.median / bare.median,
    bare: { median: bare.median, p95: bare.p95 },
    samples: ours.samples,
    rows: result.rows,
    peak_rss_mb_all_runs: result.peakRssAllRunsMb,
  };
}
