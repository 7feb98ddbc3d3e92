/** Lender payments and balance statements post to the same ledger: one payment, not two; conflicts held. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promisesRepo } from '../../../db/repos/promises';
import { checkStored } from '../../../main/backend/services/ledger/state';
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

const balance = (caseId: string) => app.db.prepare('SELECT balance_minor, credit_minor FROM cases WHERE id = ?').get(caseId);

async function assigned(): Promise<string> {
  const code = await lender.issueEnrollmentCode();
  await sync.enroll({ lenderUrl: lender.url, code, name: 'desk 1' });
  const a = assignmentDraft(app.workstationId, 1);
  await lender.publishAssignment(a.draft);
  await sync.syncNow();
  return a.caseIds[0]!;
}

function localPayment(caseId: string, reference: string, amount: number, paidOn: string): void {
  app.db.transaction(() => {
    promisesRepo.insertPayment(app.db, { id: `local-${reference}`, case_id: caseId, amount_minor: amount, currency: 'CNY', paid_on: paidOn, source: 'agency', reference, recorded_by: null, created_at: new Date().toISOString() });
  })();
}

describe('lender payments in the ledger', () => {
  it('a lender payment lowers the balance; the same payment already recorded here counts once', async () => {
    const caseId = await assigned();
    const before = (balance(caseId) as { balance_minor: number }).balance_minor;
    await lender.publishPayment({ to: '*', caseId, amountMinor: 20_000, currency: 'CNY', paidOn: '2026-03-01', reference: 'BANK-1' });
    localPayment(caseId, 'DESK-7', 5_000, '2026-03-01');
    await lender.publishPayment({ to: '*', caseId, amountMinor: 5_000, currency: 'CNY', paidOn: '2026-03-01', reference: 'DESK-7' });
    await sync.syncNow();
    expect(balance(caseId)).toEqual({ balance_minor: before - 25_000, credit_minor: 0 });
    expect(app.db.prepare("SELECT count(*) AS n FROM ledger_postings WHERE case_id = ? AND kind = 'payment'").get(caseId)).toEqual({ n: 2 });
    expect(checkStored(app.db, caseId)).toBeNull();
  });

  it('a lender payment with a local reference but another amount is held for review, not posted', async () => {
    const caseId = await assigned();
    localPayment(caseId, 'DESK-8', 5_000, '2026-03-01');
    const before = balance(caseId);
    await lender.publishPayment({ to: '*', caseId, amountMinor: 5_001, currency: 'CNY', paidOn: '2026-03-01', reference: 'DESK-8' });
    await sync.syncNow();
    expect(balance(caseId)).toEqual(before);
    expect(app.db.prepare('SELECT reference, amount_minor, status FROM payment_conflicts').all()).toEqual([{ reference: 'DESK-8', amount_minor: 5_001, status: 'open' }]);
  });

  it('a balance statement becomes adjustments to the lender’s figures; the placed amounts stay', async () => {
    const caseId = await assigned();
    const placed = app.db.prepare('SELECT placed_minor FROM cases WHERE id = ?').get(caseId);
    await lender.publishBalance({ to: app.workstationId, caseId, principalMinor: 400_000, interestMinor: 1_234, penaltyMinor: 0, feesMinor: 0, asOf: '2026-03-01T00:00:00.000Z' });
    await sync.syncNow();
    expect(balance(caseId)).toEqual({ balance_minor: 401_234, credit_minor: 0 });
    expect(app.db.prepare('SELECT placed_minor FROM cases WHERE id = ?').get(caseId)).toEqual(placed);
    expect(app.db.prepare("SELECT count(*) AS n FROM chain WHERE record_type = 'ledger' AND case_id = ?").get(caseId)).toEqual({ n: 2 });
    expect(checkStored(app.db, caseId)).toBeNull();
  });
});
