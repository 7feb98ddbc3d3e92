/**
 * Streaming at scale and job control: ~200,000 synthetic activities export with the right row
 * count without being held in memory; cancel stops the export and deletes the partial file — both
 * in-process (vitest, no bundle) and in a real worker thread running the esbuild bundle of
 * main/backend/exports/worker.ts, built here the way scripts/build.mjs builds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import { newId } from '../../../common/ids';
import { exportJobs } from '../../../main/backend/exports/jobs';
import { verifyManifest } from '../../../main/backend/exports/manifest';
import { configureExports } from '../../../main/backend/exports/signing';
import { buildWorkerBundle, exportBackend, PERIOD, testProtector } from './support';

const SYNTHETIC = 200_000;
let t: ReturnType<typeof exportBackend>;
let expectedRows: number;

beforeAll(() => {
  t = exportBackend();
  const cases = t.db.prepare('SELECT id, assignee_id FROM cases ORDER BY reference').all() as { id: string; assignee_id: string }[];
  const insert = t.db.prepare(
    `INSERT INTO activities (id, case_id, at, channel, direction, party, result, outcome, text, collector_id, created_at)
     VALUES (?, ?, ?, ?, 'outbound', 'borrower', ?, 'synthetic', ?, ?, ?)`,
  );
  const start = Date.parse(`${PERIOD.from}T00:00:00.000Z`);
  const span = Date.parse(`${PERIOD.to}T00:00:00.000Z`) - start;
  const channels = ['call', 'call', 'sms', 'email'];
  const results = ['no_answer', 'connected', 'voicemail', 'sent'];
  t.db.transaction(() => {
    for (let i = 0; i < SYNTHETIC; i++) {
      const c = cases[i % cases.length];
      if (!c) throw new Error('no cases');
      const at = new Date(start + Math.floor((i / SYNTHETIC) * span)).toISOString();
      insert.run(newId(), c.id, at, channels[i % 4], results[i % 4], i % 50 === 0 ? '借款人说下周还款 will pay next week' : null, c.assignee_id, at);
    }
  })();
  expectedRows = (t.db.prepare("SELECT count(*) AS n FROM activities WHERE at >= ? AND at < '2026-11-26'").get(`${PERIOD.from}T00:00:00.000Z`) as { n: number }).n;
}, 120_000);
afterAll(() => t.cleanup());

async function countCsvRecords(file: string): Promise<number> {
  let n = 0;
  const parser = fs.createReadStream(file).pipe(parse({ bom: true }));
  for await (const _record of parser) n++;
  return n;
}

async function waitFor(jobId: string, pred: (v: ExportJobView) => boolean): Promise<ExportJobView> {
  for (let i = 0; i < 2000; i++) {
    const v = await t.call<ExportJobView>('exports.status', { jobId });
    if (pred(v)) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out waiting for the export');
}

describe('streaming', () => {
  it(`exports ${SYNTHETIC.toLocaleString('en')}+ activities to CSV with the exact row count`, async () => {
    expect(expectedRows).toBeGreaterThan(SYNTHETIC);
    let peakRss = process.memoryUsage().rss;
    const baseRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const { jobId } = await t.call<{ jobId: string }>('exports.start', { kind: 'activities', format: 'csv', ...PERIOD });
    const job = await exportJobs.settled(t.backend.app, jobId);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    expect(job).toMatchObject({ state: 'done', rows: expectedRows, total: expectedRows });
    expect(await countCsvRecords(job.file ?? '')).toBe(expectedRows + 1);
    expect(await verifyManifest(job.manifestFile ?? '')).toMatchObject({ ok: true, manifest: { rows: { total: expectedRows } } });
    // Streaming: memory grows by far less than the file (tens of MB), not with the row count.
    const grownMb = (peakRss - baseRss) / 2 ** 20;
    console.info(`CSV ${expectedRows} rows in ${seconds.toFixed(2)} s (${Math.round(expectedRows / seconds)} rows/s), ${(fs.statSync(job.file ?? '').size / 2 ** 20).toFixed(1)} MB, RSS +${grownMb.toFixed(0)} MB`);
    expect(grownMb).toBeLessThan(150);
  });

  it('cancel stops a running export and deletes the partial file', async () => {
    const { jobId } = await t.call<{ jobId: string }>('exports.start', { kind: 'activities', format: 'xlsx', ...PERIOD });
    const running = await waitFor(jobId, (v) => v.rows > 0 || v.state !== 'running');
    expect(running.state).toBe('running');
    expect(running.total).toBe(expectedRows);
    await t.call('exports.cancel', { jobId });
    const ended = await exportJobs.settled(t.backend.app, jobId);
    expect(ended).toMatchObject({ state: 'cancelled' });
    expect(ended.rows).toBeLessThan(expectedRows);
    expect(ended.file).toBeUndefined();
    const dir = path.join(t.dataDir, 'exports');
    expect(fs.readdirSync(dir).filter((f) => f.includes(jobId.slice(-8)))).toEqual([]);
    const actions = (t.db.prepare('SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq').all(jobId) as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['export.start', 'export.cancelled']);
    expect(await t.backend.dispatch('exports.cancel', { jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('worker thread (the esbuild bundle)', () => {
  let script: string;
  beforeAll(async () => {
    script = await buildWorkerBundle('worker.ts', 'exports-worker');
    configureExports(t.backend.app, { protector: testProtector(), workerScript: script });
  }, 60_000);
  afterAll(() => {
    fs.rmSync(script, { force: true });
    configureExports(t.backend.app, { protector: testProtector() });
  });

  it('runs the export in a worker and reports progress to the end', async () => {
    const { jobId } = await t.call<{ jobId: string }>('exports.start', { kind: 'activities', format: 'csv', ...PERIOD });
    expect(exportJobs.mode(t.backend.app, jobId)).toBe('worker');
    // The main thread stays free: status answers while the worker writes.
    const mid = await waitFor(jobId, (v) => v.rows > 0 || v.state !== 'running');
    expect(mid.error ?? mid.state).toBe("running");
    expect(mid.total).toBe(expectedRows);
    const job = await exportJobs.settled(t.backend.app, jobId);
    expect(job).toMatchObject({ state: 'done', rows: expectedRows });
    expect(await verifyManifest(job.manifestFile ?? '')).toMatchObject({ ok: true });
  });

  it('XLSX and PDF work from the bundle too (exceljs bundled, pdfkit and the CJK font found at run time)', async () => {
    for (const [kind, format] of [['ledger', 'xlsx'], ['performance', 'pdf']] as const) {
      const { jobId } = await t.call<{ jobId: string }>('exports.start', { kind, format, ...PERIOD });
      expect(exportJobs.mode(t.backend.app, jobId)).toBe('worker');
      const job = await exportJobs.settled(t.backend.app, jobId);
      expect(job.error ?? job.state).toBe('done');
      expect(await verifyManifest(job.manifestFile ?? '')).toMatchObject({ ok: true });
    }
  });

  it('cancel in the worker deletes the partial file', async () => {
    const { jobId } = await t.call<{ jobId: string }>('exports.start', { kind: 'activities', format: 'xlsx', ...PERIOD });
    await waitFor(jobId, (v) => v.rows > 0 || v.state !== 'running');
    await t.call('exports.cancel', { jobId });
    const ended = await exportJobs.settled(t.backend.app, jobId);
    expect(ended.state).toBe('cancelled');
    expect(fs.readdirSync(path.join(t.dataDir, 'exports')).filter((f) => f.includes(jobId.slice(-8)))).toEqual([]);
  });
});
