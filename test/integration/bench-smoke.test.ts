/**
 * Keeps `npm run bench` working: bundles test/bench/bench.ts (and its export child) exactly as scripts/build.mjs does,
 * runs it at 1/100 scale with --json and checks the shape of the JSON line — every benchmark
 * present with numbers. No timing is asserted: a slow machine must not fail this.
 * Needs the built app (dist/launch.cjs and the renderer) for the startup benchmark: `npm test`
 * builds first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-bench-smoke-'));

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const KEYS = ['queue', 'search', 'log_contact', 'guardrail_eval', 'report_sign', 'export_csv', 'sync_push', 'startup'] as const;
const WITH_RATIO = new Set(['queue', 'search', 'log_contact', 'guardrail_eval', 'report_sign', 'export_csv']);
const WITH_PER_S = new Set(['guardrail_eval', 'export_csv', 'sync_push']);

function expectNumber(v: unknown, what: string): void {
  expect(typeof v, what).toBe('number');
  expect(Number.isFinite(v as number), what).toBe(true);
}

describe('npm run bench at 1/100 scale', () => {
  it('prints a JSON line with every benchmark, the machine and the scale', async () => {
    expect(fs.existsSync(path.join(root, 'dist', 'launch.cjs')), 'dist/launch.cjs (run node scripts/build.mjs)').toBe(true);
    const bundle = path.join(work, 'bench.cjs');
    // The bench and, beside it, its export_csv child.
    for (const [entry, out] of [['bench.ts', bundle], ['export-child-main.ts', path.join(work, 'export-child.cjs')]] as const) {
      await build({
        entryPoints: [path.join(root, 'test', 'bench', entry)],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'electron', 'playwright-core', '@playwright/test', 'vite', 'esbuild'],
        define: { __CASEDESK_VERSION__: JSON.stringify('smoke') },
        logLevel: 'error',
      });
    }
    // The bundle lives outside the project: its native and external modules resolve from ours.
    const run = spawnSync(process.execPath, [bundle, '--json', '--scale', '100'], {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(run.status, `bench exited with ${run.status}:\n${run.stderr}`).toBe(0);
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    const json = JSON.parse(last) as Record<string, Record<string, unknown>>;
    for (const key of KEYS) {
      const f = json[key];
      expect(f, key).toBeTypeOf('object');
      expectNumber(f?.median, `${key}.median`);
      expectNumber(f?.p95, `${key}.p95`);
      expect(f?.unit, `${key}.unit`).toMatch(/^(ms|µs)$/);
      if (WITH_RATIO.has(key)) expectNumber(f?.ratio, `${key}.ratio`);
      if (WITH_PER_S.has(key)) expectNumber(f?.per_s, `${key}.per_s`);
    }
    expectNumber(json.export_csv?.peak_rss_mb, 'export_csv.peak_rss_mb');
    expectNumber(json.machine?.cores, 'machine.cores');
    expectNumber(json.machine?.memory_gb, 'machine.memory_gb');
    expect(json.machine?.node).toBe(process.version);
    expectNumber(json.scale?.cases, 'scale.cases');
    expectNumber(json.scale?.activities, 'scale.activities');
    if (fs.existsSync(path.join(root, 'test', 'bench', 'encryption-cost.ts'))) {
      const e = json.encryption as Record<string, { ratio?: unknown }> | undefined;
      expectNumber(e?.queue?.ratio, 'encryption.queue.ratio');
      expectNumber(e?.log_contact?.ratio, 'encryption.log_contact.ratio');
    }
  }, 120_000);
});
