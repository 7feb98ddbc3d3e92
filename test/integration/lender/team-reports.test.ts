/**
 * The lender relays team reports only to workstations assigned the report's placement (directly or
 * through '*'), as it scopes the feed: a workstation assigned nothing of it sees none of it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LenderServer } from '../../../lender/app';
import { startTestLender } from '../../support/lender-store';
import { lenderClient } from '../../../main/backend/sync/client';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import { assignmentDraft, insertCollector, logActivity, openTestApp, tempDir, testProtector, type TestApp } from '../sync/fixtures';

interface Desk {
  app: TestApp;
  sync: SyncService;
}

let tmp: ReturnType<typeof tempDir>;
let lender: LenderServer;
let desks: Desk[];

beforeEach(async () => {
  tmp = tempDir();
  lender = await startTestLender(tmp.dir);
  desks = [];
});

afterEach(async () => {
  for (const d of desks) {
    await d.sync.stop();
    d.app.db.close();
  }
  await lender.close();
  tmp.cleanup();
});

async function desk(name: string): Promise<Desk> {
  const app = openTestApp(join(tmp.dir, `${name}.sqlite`), new Date().toISOString());
  const sync = createSyncService(app, { protector: testProtector(), dailyReports: false });
  await sync.enroll({ lenderUrl: lender.url, code: await lender.issueEnrollmentCode(), name });
  const d = { app, sync };
  desks.push(d);
  return d;
}

/** The desk's next report of the placement, pushed; the placement must already be imported. */
async function report(d: Desk, placementId: string, caseId: string): Promise<void> {
  logActivity(d.app, { caseId, placementId, collectorId: insertCollector(d.app.db), at: new Date(Date.now() - 1000).toISOString() });
  d.sync.createReport({ placementId });
  expect((await d.sync.syncNow()).pending.reports).toBe(0);
}

/** What the lender answers the desk on GET /v1/team/reports: (workstation, placement) per item. */
async function relayed(d: Desk, after = -1, limit = 200) {
  const page = await lenderClient({ baseUrl: lender.url, signer: d.sync.signer(), now: () => new Date() }).teamReports(after, limit);
  return { ...page, seen: page.items.map((i) => ({ leafIndex: i.leafIndex, workstationId: i.workstationId, placementId: (JSON.parse(i.report) as { placementId: string }).placementId })) };
}

describe('GET /v1/team/reports scoping', () => {
  it('answers only reports of placements the caller is an audience of; an unrelated workstation gets none', async () => {
    const [supervisor, collector, other, unrelated] = [await desk('supervisor'), await desk('collector'), await desk('other'), await desk('unrelated')];
    const shared = assignmentDraft(collector.app.workstationId, 1);
    await lender.publishAssignment(shared.draft);
    await lender.publishAssignment({ ...shared.draft, to: supervisor.app.workstationId });
    const elsewhere = assignmentDraft(other.app.workstationId, 1);
    await lender.publishAssignment(elsewhere.draft);
    for (const d of [supervisor, collector, other, unrelated]) await d.sync.syncNow();
    await report(collector, shared.placementId, shared.caseIds[0]!);
    await report(other, elsewhere.placementId, elsewhere.caseIds[0]!);
    const sharedReport = { leafIndex: 0, workstationId: collector.app.workstationId, placementId: shared.placementId };
    const elsewhereReport = { leafIndex: 1, workstationId: other.app.workstationId, placementId: elsewhere.placementId };

    expect(await relayed(unrelated)).toMatchObject({ seen: [], next: -1, more: false });
    expect((await relayed(supervisor)).seen).toEqual([sharedReport]);
    expect((await relayed(collector)).seen).toEqual([sharedReport]);
    expect((await relayed(other)).seen).toEqual([elsewhereReport]);
    // Through the sync service too: the unrelated desk stores nothing.
    expect((await unrelated.sync.syncNow()).teamReports).toEqual({ lastError: null, refused: 0, lastRefused: null });
    expect(unrelated.app.db.prepare('SELECT count(*) AS n FROM team_reports').get()).toEqual({ n: 0 });

    // Assigned to every workstation ('*'): now everyone sees that placement's reports.
    await lender.publishAssignment({ ...elsewhere.draft, to: '*' });
    expect((await relayed(unrelated)).seen).toEqual([elsewhereReport]);
    expect((await relayed(supervisor)).seen).toEqual([sharedReport, elsewhereReport]);
    expect((await relayed(collector)).seen).toEqual([sharedReport, elsewhereReport]);
  });

  it('pages over the caller’s reports only, skipping others’ log positions', async () => {
    const [supervisor, collector, other] = [await desk('supervisor'), await desk('collector'), await desk('other')];
    const shared = assignmentDraft(collector.app.workstationId, 1);
    await lender.publishAssignment(shared.draft);
    await lender.publishAssignment({ ...shared.draft, to: supervisor.app.workstationId });
    const elsewhere = assignmentDraft(other.app.workstationId, 1);
    await lender.publishAssignment(elsewhere.draft);
    for (const d of [collector, other]) await d.sync.syncNow();
    // Log order: shared 0, elsewhere 1, elsewhere 2, shared 3.
    await report(collector, shared.placementId, shared.caseIds[0]!);
    await report(other, elsewhere.placementId, elsewhere.caseIds[0]!);
    await report(other, elsewhere.placementId, elsewhere.caseIds[0]!);
    await report(collector, shared.placementId, shared.caseIds[0]!);

    const first = await relayed(supervisor, -1, 1);
    expect(first).toMatchObject({ next: 0, more: true });
    expect(first.seen.map((s) => s.leafIndex)).toEqual([0]);
    const second = await relayed(supervisor, first.next, 1);
    expect(second).toMatchObject({ next: 3, more: false });
    expect(second.seen).toEqual([{ leafIndex: 3, workstationId: collector.app.workstationId, placementId: shared.placementId }]);
  });
});
