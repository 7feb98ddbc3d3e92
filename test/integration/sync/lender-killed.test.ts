/**
 * The lender process is killed mid-push (right after committing, before answering; and at a
 * random moment from outside) and restarted: nothing is lost and nothing is stored twice.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import { assignmentDraft, insertCollector, logActivity, openTestApp, tempDir, testProtector, until, type TestApp } from './fixtures';
import { bundle, startChild, type Child } from './processes';

let serverBundle: string;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  serverBundle = await bundle('lender/server.ts', 'lender-server');
  tmp = tempDir();
});
afterAll(() => {
  tmp.cleanup();
  rmSync(serverBundle, { force: true });
});

interface Setup {
  app: TestApp;
  sync: SyncService;
  placementId: string;
  caseIds: string[];
  collector: string;
  lenderDb: string;
  port: number;
  child: Child;
}

async function startLender(lenderDb: string, port: number, extra: string[] = []): Promise<{ child: Child; port: number; code?: string }> {
  const child = startChild(serverBundle, ['--db', lenderDb, '--port', String(port), ...extra]);
  const m = await child.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
  const code = extra.includes('--issue-code') ? (await child.waitFor(/enrollment code: (\w+)/))[1] : undefined;
  if (extra.includes('--assign')) await child.waitFor(/published assignment/);
  return { child, port: Number(m[1]), ...(code ? { code } : {}) };
}

async function setup(name: string, faultArgs: string[]): Promise<Setup> {
  const lenderDb = join(tmp.dir, `${name}-lender.sqlite`);
  const app = openTestApp(join(tmp.dir, `${name}-ws.sqlite`), new Date().toISOString());
  const a = assignmentDraft(app.workstationId, 2);
  const draftFile = join(tmp.dir, `${name}-assign.json`);
  writeFileSync(draftFile, JSON.stringify(a.draft));
  const started = await startLender(lenderDb, 0, ['--issue-code', '--assign', draftFile, ...faultArgs]);
  const sync = createSyncService(app, { protector: testProtector(), dailyReports: false });
  await sync.enroll({ lenderUrl: `http://127.0.0.1:${started.port}`, code: started.code! });
  expect((await sync.syncNow()).lastError).toBeNull();
  return { app, sync, placementId: a.placementId, caseIds: a.caseIds, collector: insertCollector(app.db), lenderDb, port: started.port, child: started.child };
}

function makeReports(s: Setup, n: number): void {
  for (let i = 0; i < n; i++) {
    logActivity(s.app, { caseId: s.caseIds[i % 2]!, placementId: s.placementId, collectorId: s.collector, at: new Date().toISOString() });
    s.sync.createReport({ placementId: s.placementId });
  }
}

function lenderReports(file: string): { seq: number; n: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, count(*) AS n FROM reports GROUP BY seq ORDER BY seq').all() as { seq: number; n: number }[];
  } finally {
    db.close();
  }
}

async function restartAndFinish(s: Setup, expected: number): Promise<void> {
  const { child } = await startLender(s.lenderDb, s.port);
  try {
    const status = await until('the workstation to push everything', async () => {
      const st = await s.sync.syncNow();
      return st.pending.reports === 0 ? st : undefined;
    });
    expect(status).toMatchObject({ online: true, lastError: null, pending: { reports: 0, records: 0 } });
    expect(s.app.db.prepare('SELECT count(*) AS n FROM report_receipts').get()).toEqual({ n: expected });
  } finally {
    child.proc.kill('SIGTERM');
    await child.exited;
  }
  const rows = lenderReports(s.lenderDb);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  expect(rows.every((r) => r.n === 1)).toBe(true);
}

describe('lender killed mid-push', () => {
  it('dies after committing a report but before answering: the retry is acknowledged, not duplicated', async () => {
    const s = await setup('commit', ['--crash-after-commit', '2']);
    makeReports(s, 3);
    const status = await s.sync.syncNow();
    expect(await s.child.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(status).toMatchObject({ online: false, pending: { reports: 2 } });
    expect(lenderReports(s.lenderDb).map((r) => r.seq)).toEqual([1, 2]);
    await restartAndFinish(s, 3);
    s.app.db.close();
  });

  it('killed with SIGKILL at a random moment during a push of many reports: restarted, all arrive exactly once', async () => {
    const s = await setup('random', []);
    const N = 60;
    makeReports(s, N);
    const pushing = s.sync.syncNow();
    // Kill once the lender has taken a few reports: somewhere in the middle of the run.
    const threshold = 1 + Math.floor(Math.random() * 5);
    await until('some accepted reports', () => (lenderReports(s.lenderDb).length >= threshold ? true : undefined));
    s.child.proc.kill('SIGKILL');
    await s.child.exited;
    const interrupted = await pushing;
    const held = lenderReports(s.lenderDb).length;
    expect(held).toBeGreaterThanOrEqual(threshold);
    expect(held).toBeLessThan(N);
    expect(interrupted).toMatchObject({ online: false });
    await restartAndFinish(s, N);
    s.app.db.close();
  });
});
