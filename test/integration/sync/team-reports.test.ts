/**
 * Supervisors see work done on other workstations: workstation B's signed reports reach the
 * lender, workstation A pulls them through the lender, verifies each itself and stores only what
 * verifies — a report whose signature or content is wrong is refused and nothing of it kept.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLenderServer, type LenderServer } from '../../../lender/app';
import { remoteTeam } from '../../../main/backend/services/remote-team';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import { assignmentDraft, insertCollector, logActivity, openTestApp, tempDir, testProtector, type TestApp } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let lender: LenderServer;
let a: TestApp;
let b: TestApp;
let syncA: SyncService;
let syncB: SyncService;

beforeEach(async () => {
  tmp = tempDir();
  lender = await startLenderServer({ port: 0, dbFile: join(tmp.dir, 'lender.sqlite'), lender: { code: 'BANK', name: 'Test Bank' } });
  const now = new Date().toISOString();
  a = openTestApp(join(tmp.dir, 'a.sqlite'), now);
  b = openTestApp(join(tmp.dir, 'b.sqlite'), now);
  syncA = createSyncService(a, { protector: testProtector(), dailyReports: false });
  syncB = createSyncService(b, { protector: testProtector(), dailyReports: false });
  for (const [sync, name] of [[syncA, 'supervisor desk'], [syncB, 'collector desk']] as const) {
    await sync.enroll({ lenderUrl: lender.url, code: await lender.issueEnrollmentCode(), name });
  }
});

afterEach(async () => {
  await syncA.stop();
  await syncB.stop();
  a.db.close();
  b.db.close();
  await lender.close();
  tmp.cleanup();
});

const count = (app: TestApp, sql: string) => (app.db.prepare(sql).get() as { n: number }).n;

describe('team reports through the lender', () => {
  it('pulls, verifies and sums another workstation’s reports; not its own', async () => {
    const assigned = assignmentDraft(b.workstationId, 2);
    await lender.publishAssignment(assigned.draft);
    await syncB.syncNow();
    const collector = insertCollector(b.db);
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) {
      logActivity(b, { caseId: assigned.caseIds[i % 2]!, placementId: assigned.placementId, collectorId: collector, at: new Date(t0 - 5000 + i * 1000).toISOString() });
    }
    logActivity(b, { caseId: assigned.caseIds[0]!, placementId: assigned.placementId, collectorId: collector, at: new Date(t0 - 500).toISOString(), result: 'no_answer', channel: 'sms' });
    syncB.createReport({ placementId: assigned.placementId });
    expect((await syncB.syncNow()).pending.reports).toBe(0);

    const status = await syncA.syncNow();
    expect(status.lastError).toBeNull();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const view = remoteTeam(a.db, a.workstationId, { from: today, to: today, timeZone: 'UTC' }, undefined);
    expect(view.source).toBe('lender-verified-reports');
    expect(view.lastPulledAt).not.toBeNull();
    expect(view.workstations).toHaveLength(1);
    expect(view.workstations[0]).toMatchObject({
      workstationId: b.workstationId,
      placementId: assigned.placementId,
      reports: 1,
      rightPartyContacts: 3,
      attemptsByChannel: { call: 3, sms: 1, email: 0, letter: 0, visit: 0 },
    });
    // Pulling again adds nothing; B's own pull skips B's own report.
    await syncA.syncNow();
    await syncB.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
    expect(count(b, 'SELECT count(*) AS n FROM team_reports')).toBe(0);
    expect(() => a.db.prepare('DELETE FROM team_reports').run()).toThrow(/append-only/);
  });

  it('refuses a relayed report whose signature or content does not verify, storing nothing of it', async () => {
    const assigned = assignmentDraft(b.workstationId, 1);
    await lender.publishAssignment(assigned.draft);
    await syncB.syncNow();
    const collector = insertCollector(b.db);
    logActivity(b, { caseId: assigned.caseIds[0]!, placementId: assigned.placementId, collectorId: collector, at: new Date(Date.now() - 1000).toISOString() });
    syncB.createReport({ placementId: assigned.placementId });
    await syncB.syncNow();
    // A dishonest relay: the lender's stored text is altered after acceptance (one figure changed).
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(join(tmp.dir, 'lender.sqlite'));
    const changed = raw.prepare(`UPDATE reports SET text = replace(text, '"rightPartyContacts":1', '"rightPartyContacts":9') WHERE text LIKE '%"rightPartyContacts":1%'`).run().changes;
    expect(changed).toBe(1);
    raw.close();
    await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(0);
  });
});
