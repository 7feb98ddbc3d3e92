/**
 * A large activities CSV export split across two threads (main/backend/exports/split/), with the
 * part worker bundled by esbuild as scripts/build.mjs bundles it: the file is byte for byte the one
 * a single thread writes (masked and unmasked, with rows sharing one `at` wherever the split falls),
 * and its manifest verifies; progress counts both threads' rows; cancel and a second thread that
 * cannot start leave no file behind; small periods, other formats and CASEDESK_EXPORT_THREADS=1
 * stay on one thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../common/ids';
import { databasePath } from '../../../main/backend';
import { verifyManifest } from '../../../main/backend/exports/manifest';
import { PART_BUNDLE, splitScript, SPLIT_MIN_ROWS, THREADS_ENV } from '../../../main/backend/exports/split/part';
import { exportToFile, type ExportToFileOptions } from '../../../main/backend/exports/to-file';
import { ExportCancelledError } from '../../../main/backend/exports/types';
import { buildWorkerBundle, exportBackend, NOW, PERIOD, testProtector } from './support';

const ROWS = SPLIT_MIN_ROWS + 20_000;
let t: ReturnType<typeof exportBackend>;
let dbFile: string;
let out: string;
let script: string;
let expectedRows: number;

beforeAll(async () => {
  t = exportBackend();
  dbFile = databasePath(t.dataDir);
  out = path.join(t.dataDir, 'split-out');
  fs.mkdirSync(out);
  const cases = t.db.prepare('SELECT c.id, c.assignee_id, cp.id AS cp FROM cases c LEFT JOIN contact_points cp ON cp.borrower_id = c.borrower_id GROUP BY c.id ORDER BY c.reference').all() as {
    id: string;
    assignee_id: string;
    cp: string | null;
  }[];
  const insert = t.db.prepare(
    `INSERT INTO activities (id, case_id, at, channel, direction, party, contact_point_id, result, outcome, text, collector_id, created_at)
     VALUES (?, ?, ?, ?, 'outbound', 'borrower', ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.parse(`${PERIOD.from}T00:00:00.000Z`);
  const channels = ['call', 'sms', 'email', 'visit'];
  const results = ['no_answer', 'connected', 'voicemail', 'sent'];
  t.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const c = cases[i % cases.length];
      if (!c) throw new Error('no cases');
      // Three rows a minute, over four weeks: wherever the split falls, rows share its `at`.
      const at = new Date(start + Math.floor(i / 3) * 60_000).toISOString();
      const text = i % 97 === 0 ? '借款人说"下周还款",\nwill pay' : i % 89 === 0 ? '=HYPERLINK("x")' : null;
      insert.run(newId(), c.id, at, channels[i % 4], c.cp, results[i % 4], i % 5 === 0 ? 'promise, "soon"' : 'synthetic', text, c.assignee_id, at);
    }
  })();
  expectedRows = (t.db.prepare("SELECT count(*) AS n FROM activities WHERE at >= ? AND at < '2026-11-26'").get(`${PERIOD.from}T00:00:00.000Z`) as { n: number }).n;

  script = await buildWorkerBundle('split/part-worker.ts', 'export-part-worker');
}, 120_000);
afterAll(() => {
  fs.rmSync(script, { force: true });
  t.cleanup();
});

const exportAs = (name: string, o: Partial<ExportToFileOptions> = {}) =>
  exportToFile(dbFile, { kind: 'activities', format: 'csv', ...PERIOD, out: path.join(out, name), protector: testProtector(), now: () => new Date(NOW), ...o });

/** Files left in the output folder other than finished exports and their manifests. */
const leftovers = () => fs.readdirSync(out).filter((f) => !/\.(csv|xlsx|json)$/.test(f) || f.startsWith('.'));

describe('a split activities CSV export', () => {
  it('is byte for byte the single-thread export, masked and unmasked, and its manifest verifies', async () => {
    expect(expectedRows).toBeGreaterThanOrEqual(SPLIT_MIN_ROWS);
    for (const unmaskReason of [undefined, 'court order 2026/117']) {
      const reveal = unmaskReason === undefined ? {} : { unmaskReason };
      const split = await exportAs(`split-${unmaskReason ? 'plain' : 'masked'}.csv`, { partScript: script, ...reveal });
      const single = await exportAs(`single-${unmaskReason ? 'plain' : 'masked'}.csv`, { partScript: null, ...reveal });
      expect(split.outcome.threads).toBe(2);
      expect(single.outcome.threads).toBe(1);
      expect(split.rows).toBe(expectedRows);
      expect(single.rows).toBe(expectedRows);
      expect(fs.readFileSync(split.file).equals(fs.readFileSync(single.file))).toBe(true);
      expect(split.outcome.sha256).toBe(single.outcome.sha256);
      expect(split.outcome.sections).toEqual([{ title: '联系记录 Activities', rows: expectedRows }]);
      expect(await verifyManifest(split.manifestFile)).toMatchObject({ ok: true, manifest: { rows: { total: expectedRows } } });
    }
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('reports progress over both threads, never backwards, up to the total', async () => {
    const seen: [number, number][] = [];
    const r = await exportAs('progress.csv', { partScript: script, onProgress: (done, total) => seen.push([done, total]) });
    expect(r.outcome.threads).toBe(2);
    expect(seen.every(([, total]) => total === expectedRows)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([expectedRows, expectedRows]);
  }, 60_000);

  it('stops both threads on cancel and leaves no file behind', async () => {
    let progressed = false;
    const file = path.join(out, 'cancelled.csv');
    await expect(
      exportAs('cancelled.csv', { partScript: script, onProgress: (done) => (progressed ||= done > 0), isCancelled: () => progressed }),
    ).rejects.toBeInstanceOf(ExportCancelledError);
    expect(fs.existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('fails with the reason when its second thread cannot start, leaving no file behind', async () => {
    const broken = path.join(path.dirname(script), `broken-part-${process.pid}.cjs`);
    fs.writeFileSync(broken, "throw new Error('no second thread today');\n");
    try {
      await expect(exportAs('broken.csv', { partScript: broken })).rejects.toThrow(/second thread failed: .*no second thread today/);
    } finally {
      fs.rmSync(broken, { force: true });
    }
    expect(fs.existsSync(path.join(out, 'broken.csv'))).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('stays on one thread for a period of fewer rows than SPLIT_MIN_ROWS', async () => {
    const r = await exportAs('one-day.csv', { partScript: script, from: '2026-10-21', to: '2026-10-21' });
    expect(r.rows).toBeGreaterThan(0);
    expect(r.rows).toBeLessThan(SPLIT_MIN_ROWS);
    expect(r.outcome.threads).toBe(1);
  });
});

describe('the part worker', () => {
  it('refuses a request with a field missing, never defaulting it (no `masked` is not "unmasked")', async () => {
    const request = {
      kind: 'activities', format: 'csv', ...PERIOD, timeZone: 'UTC', placementId: null, scope: [], collectors: [],
      exportedBy: { id: 'u1', username: 'wang.fang', displayName: 'Wang Fang' }, exportedAt: NOW, workstationId: 'ws-1', dbFile, outFile: path.join(out, 'never.csv'),
    };
    const worker = new Worker(script, { workerData: { request, file: path.join(out, '.never.csv.part'), shared: new SharedArrayBuffer(8) } });
    try {
      const first = await new Promise((resolve) => worker.once('message', resolve));
      expect(first).toEqual({ type: 'failed', message: expect.stringMatching(/^bad part-worker input: request\.masked: /) });
    } finally {
      await worker.terminate();
    }
    expect(leftovers()).toEqual([]);
  });
});

describe('splitScript: which exports may split', () => {
  const csv = { kind: 'activities', format: 'csv' } as const;
  it('only activities as CSV, with the bundle found, unless switched off', () => {
    expect(splitScript(csv, script, {})).toBe(script);
    expect(splitScript({ kind: 'activities', format: 'xlsx' }, script, {})).toBeNull();
    expect(splitScript({ kind: 'ledger', format: 'csv' }, script, {})).toBeNull();
    expect(splitScript(csv, null, {})).toBeNull();
    expect(splitScript(csv, script, { [THREADS_ENV]: '1' })).toBeNull();
    // Under vitest no bundle sits beside the sources: nothing to find.
    expect(splitScript(csv, undefined, {})).toBeNull();
    expect(splitScript(csv, undefined, { CASEDESK_EXPORT_PART_WORKER: script })).toBe(script);
    expect(PART_BUNDLE).toBe('export-part-worker.cjs');
  });
});
