/** A progress report with ledger records is accepted by the lender, its figures carrying the money. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import { startLenderServer, type LenderServer } from '../../../lender/app';
import { assignmentDraft, openTestApp, tempDir, testProtector, type TestApp } from '../sync/fixtures';

let tmp: ReturnType<typeof tempDir>;
let lender: LenderServer;
let app: TestApp;
let sync: SyncService;

beforeEach(async () => {
  tmp = tempDir();
  lender = await startLenderServer({ port: 0, dbFile: join(tmp.dir, 'lender.sqlite'), lender: { code: 'BANK', name: 'Test Bank' } });
  app = openTestApp(join(tmp.dir, 'ws.sqlite'), new Date().toISOString());
  sync = createSyncService(app, { protector: testProtector(), dailyReports: false });
});

afterEach(async () => {
  await sync.stop();
  app.db.close();
  await lender.close();
  tmp.cleanup();
});

describe('reports with ledger records', () => {
  it('are accepted by the lender with collected and owed change per currency', async () => {
    const code = await lender.issueEnrollmentCode();
    await sync.enroll({ lenderUrl: lender.url, code, name: 'desk 1' });
    const a = assignmentDraft(app.workstationId, 1);
    await lender.publishAssignment(a.draft);
    await sync.syncNow();
    const caseId = a.caseIds[0]!;
    await lender.publishPayment({ to: '*', caseId, amountMinor: 20_000, currency: 'CNY', paidOn: '2026-03-01', reference: 'BANK-1' });
    await sync.syncNow();
    const report = sync.createReport({ placementId: a.placementId, from: '2020-01-01T00:00:00.000Z' });
    const status = await sync.syncNow();
    expect(status.lastError).toBeNull();
    const held = await lender.store.reportById(report.id);
    expect(held).toBeTruthy();
    const summary = (JSON.parse(held!.text) as { summary: { amountsCollected: Record<string, number>; owedChange?: Record<string, number> } }).summary;
    expect(summary.amountsCollected).toEqual({ CNY: 20_000 });
    expect(summary.owedChange).toEqual({ CNY: -20_000 });
  });
});
