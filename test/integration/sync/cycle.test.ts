/**
 * The whole loop against a real lender server on 127.0.0.1: enroll → assignment → offline work →
 * report → sync, plus recall after offline work, lender payments and balances, a forged package.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/domain/chain/canonical';
import { verifyChain } from '../../../common/domain/chain/verify';
import { verifyInclusionHex } from '../../../common/protocol/merkle';
import { ReceiptSchema, SignedTreeHeadSchema } from '../../../common/protocol/receipt';
import { chainRepo } from '../../../db/repos/chain';
import { sha256 } from '../../../main/backend/crypto/hash';
import { entryFromRow } from '../../../main/backend/reports/create';
import { reportText } from '../../../main/backend/reports/text';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import { startLenderServer, type LenderServer } from '../../../lender/app';
import { assignmentDraft, insertCollector, logActivity, openTestApp, tempDir, testProtector, type TestApp } from './fixtures';

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

async function enrollAndAssign(n = 2) {
  const code = await lender.issueEnrollmentCode();
  const enrolled = await sync.enroll({ lenderUrl: lender.url, code, name: 'desk 1' });
  expect(enrolled).toMatchObject({ enrolled: true, lender: { id: lender.lender.id, name: 'Test Bank' } });
  const a = assignmentDraft(app.workstationId, n);
  await lender.publishAssignment(a.draft);
  return a;
}

const count = (sql: string, ...args: unknown[]) => (app.db.prepare(sql).get(...args) as { n: number }).n;

describe('sync with the reference lender', () => {
  it('enrolls, imports a signed assignment, reports offline work, and gets a verifiable receipt', async () => {
    const a = await enrollAndAssign(3);
    let status = await sync.syncNow();
    expect(status).toMatchObject({ online: true, lastError: null, state: 'idle', feedCursor: 1 });
    expect(count('SELECT count(*) AS n FROM cases WHERE placement_id = ?', a.placementId)).toBe(3);
    expect(count('SELECT count(*) AS n FROM contact_points')).toBe(3);
    expect(count('SELECT count(*) AS n FROM lender_contacts')).toBe(3);
    expect(count('SELECT count(*) AS n FROM debts')).toBe(3);
    const lenderRow = app.db.prepare('SELECT public_key_pem FROM lenders WHERE id = ?').get(lender.lender.id) as { public_key_pem: string };
    expect(lenderRow.public_key_pem).toBe(lender.publicKeyPem);

    // Offline: the lender is gone; work goes on and is chained.
    const url = lender.url;
    await lender.close();
    const collector = insertCollector(app.db);
    for (let i = 0; i < 4; i++) {
      logActivity(app, { caseId: a.caseIds[i % 3]!, placementId: a.placementId, collectorId: collector, at: new Date(Date.now() - 1000 * (10 - i)).toISOString() });
    }
    const report = sync.createReport({ placementId: a.placementId });
    expect(report).toMatchObject({ seq: 1, records: 4, acknowledgedAt: null });
    status = await sync.syncNow();
    expect(status).toMatchObject({ online: false, state: 'backoff', pending: { reports: 1, records: 4 } });
    expect(status.lastError).toMatch(/unreachable/);

    // Back online on the same port and database: the report goes through.
    lender = await startLenderServer({ port: Number(new URL(url).port), dbFile: join(tmp.dir, 'lender.sqlite') });
    status = await sync.syncNow();
    expect(status).toMatchObject({ online: true, state: 'idle', lastError: null, pending: { reports: 0, records: 0 } });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(await lender.store.reportCount()).toBe(1);

    // The receipt: lender-signed, its inclusion proof leads to the root of a signed tree head.
    const [listed] = sync.listReports(a.placementId);
    expect(listed?.acknowledgedAt).not.toBeNull();
    const stored = app.db.prepare('SELECT r.id, r.canonical, r.links_in_chain, rr.receipt_json FROM reports r JOIN report_receipts rr ON rr.report_id = r.id').get() as {
      id: string;
      canonical: string;
      links_in_chain: 0 | 1;
      receipt_json: string;
    };
    // The row keeps the frame; the signed text is the frame with the chain's records spliced in.
    expect(stored.links_in_chain).toBe(1);
    const text = reportText(app.db, stored);
    const receipt = ReceiptSchema.parse(JSON.parse((JSON.parse(stored.receipt_json) as { payload: string }).payload));
    expect(receipt).toMatchObject({ reportId: report.id, seq: 1, leafIndex: 0, treeSize: 1 });
    const sthRes = await fetch(`${lender.url}/v1/log/sth`);
    const sth = SignedTreeHeadSchema.parse(JSON.parse(((await sthRes.json()) as { payload: string }).payload));
    expect(sth.rootHash).toBe(receipt.rootHash);
    expect(verifyInclusionHex(new TextEncoder().encode(text), receipt.leafIndex, receipt.treeSize, receipt.inclusionProof, sth.rootHash, sha256)).toBe(true);

    // The workstation's whole chain is intact.
    const chain = chainRepo(app.db);
    expect(verifyChain(chain.all().map((r) => ({ ...entryFromRow(r), seq: r.seq })), sha256, undefined, undefined, chain.taggedFrom()).ok).toBe(true);
  });

  it('a second report continues the chain; proofs of both verify against a later tree', async () => {
    const a = await enrollAndAssign(1);
    await sync.syncNow();
    const collector = insertCollector(app.db);
    logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId: collector, at: new Date().toISOString() });
    sync.createReport({ placementId: a.placementId });
    logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId: collector, at: new Date().toISOString() });
    sync.createReport({ placementId: a.placementId });
    const status = await sync.syncNow();
    expect(status.pending.reports).toBe(0);
    const rows = await Promise.all([1, 2].map((seq) => lender.store.reportBySeq(app.workstationId, a.placementId, seq)));
    expect(rows.map((r) => r?.leafIndex)).toEqual([0, 1]);
    const proof = (await (await fetch(`${lender.url}/v1/log/proof?index=0&size=2`)).json()) as { inclusionProof: string[] };
    const sth = SignedTreeHeadSchema.parse(JSON.parse(((await (await fetch(`${lender.url}/v1/log/sth`)).json()) as { payload: string }).payload));
    expect(sth.treeSize).toBe(2);
    expect(verifyInclusionHex(new TextEncoder().encode(rows[0]!.text), 0, 2, proof.inclusionProof, sth.rootHash, sha256)).toBe(true);
  });

  it('a recall received after offline work flags the later activities instead of losing them', async () => {
    const a = await enrollAndAssign(2);
    await sync.syncNow();
    const collector = insertCollector(app.db);
    const recalledAt = '2026-03-02T10:00:00.000Z';
    const before = logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId: collector, at: '2026-03-02T09:30:00.000Z' });
    const after1 = logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId: collector, at: '2026-03-02T10:30:00.000Z' });
    const after2 = logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId: collector, at: '2026-03-02T11:00:00.000Z' });
    const otherCase = logActivity(app, { caseId: a.caseIds[1]!, placementId: a.placementId, collectorId: collector, at: '2026-03-02T11:00:00.000Z' });
    await lender.recall({ to: app.workstationId, placementId: a.placementId, caseIds: [a.caseIds[0]!], recalledAt, reason: 'settled with lender' });
    const status = await sync.syncNow();
    expect(status.lastError).toBeNull();

    const marks = app.db.prepare("SELECT activity_id, reason FROM activity_marks WHERE mark = 'after_recall' ORDER BY at").all() as { activity_id: string; reason: string }[];
    expect(marks.map((m) => m.activity_id).sort()).toEqual([after1.id, after2.id].sort());
    expect(marks[0]?.reason).toMatch(/after the lender's recall at 2026-03-02T10:00:00.000Z/);
    // Nothing lost: all four activities remain, and the recalled case is recalled.
    expect(count('SELECT count(*) AS n FROM activities')).toBe(4);
    expect(app.db.prepare('SELECT status, recalled_at FROM cases WHERE id = ?').get(a.caseIds[0])).toEqual({ status: 'recalled', recalled_at: recalledAt });
    expect(app.db.prepare('SELECT status FROM cases WHERE id = ?').get(a.caseIds[1])).toEqual({ status: 'open' });
    void before;
    void otherCase;

    // The lender learns it from the next report: the recall flag is a chained record.
    const report = sync.createReport({ placementId: a.placementId, from: '2026-03-01T00:00:00.000Z' });
    await sync.syncNow();
    const held = await lender.store.reportById(report.id);
    const parsed = JSON.parse(held!.text) as { summary: { activitiesAfterRecall: number } };
    expect(parsed.summary.activitiesAfterRecall).toBe(2);
    // A repeat of the recall (e.g. resent) marks nothing twice.
    await lender.recall({ to: app.workstationId, placementId: a.placementId, caseIds: [a.caseIds[0]!], recalledAt });
    await sync.syncNow();
    expect(count("SELECT count(*) AS n FROM activity_marks WHERE mark = 'after_recall'")).toBe(2);
  });

  it('imports lender payments and balance updates once, chaining the payments', async () => {
    const a = await enrollAndAssign(1);
    const caseId = a.caseIds[0]!;
    await lender.publishPayment({ to: '*', caseId, amountMinor: 20_000, currency: 'CNY', paidOn: '2026-03-01', reference: 'BANK-TX-1' });
    await lender.publishBalance({ to: app.workstationId, caseId, principalMinor: 480_000, interestMinor: 0, penaltyMinor: 0, feesMinor: 0, asOf: '2026-03-01T00:00:00.000Z' });
    await lender.publishPayment({ to: app.workstationId, caseId, amountMinor: 20_000, currency: 'CNY', paidOn: '2026-03-01', reference: 'BANK-TX-1' });
    const status = await sync.syncNow();
    expect(status).toMatchObject({ feedCursor: 4, lastError: null });
    expect(count("SELECT count(*) AS n FROM payments WHERE source = 'lender'")).toBe(1);
    expect(app.db.prepare('SELECT balance_minor FROM cases WHERE id = ?').get(caseId)).toEqual({ balance_minor: 480_000 });
    expect(count("SELECT count(*) AS n FROM chain WHERE record_type = 'payment'")).toBe(1);
  });

  it('refuses an assignment with a bad lender signature and imports nothing of it', async () => {
    const code = await lender.issueEnrollmentCode();
    await sync.enroll({ lenderUrl: lender.url, code });
    const a = assignmentDraft(app.workstationId, 2);
    const good = await lender.publishAssignment(a.draft);
    // The same package, one byte changed in the payload, with the original signature.
    const forged = good.payload.replace('Spring consumer loans', 'Spring consumer loanz');
    const b = assignmentDraft(app.workstationId, 1);
    const other = await lender.publishAssignment(b.draft);
    const tampered = await lender.publishRaw({ audience: app.workstationId, kind: 'assignment', payload: forged, signature: good.signature });
    // A validly signed package queued after the forged one must wait behind it, not jump ahead.
    await lender.publishAssignment(assignmentDraft(app.workstationId, 1).draft);

    const status = await sync.syncNow();
    expect(status.lastError).toBe(`assignment package at feed position ${tampered} has a bad lender signature; nothing was imported`);
    expect(status).toMatchObject({ online: true, state: 'backoff', feedCursor: other.cursor });
    expect(count('SELECT count(*) AS n FROM cases')).toBe(3);
    expect(count("SELECT count(*) AS n FROM placements WHERE name = 'Spring consumer loanz'")).toBe(0);

    // Still refused next time: nothing is skipped silently.
    const again = await sync.syncNow();
    expect(again.feedCursor).toBe(other.cursor);
    expect(count('SELECT count(*) AS n FROM cases')).toBe(3);
  });

  it('refuses a package signed by another key, and one addressed to another workstation', async () => {
    const code = await lender.issueEnrollmentCode();
    await sync.enroll({ lenderUrl: lender.url, code });
    const impostorDir = tempDir();
    const impostor = await startLenderServer({ port: 0, dbFile: join(impostorDir.dir, 'x.sqlite'), lender: { id: lender.lender.id } });
    try {
      const fake = await impostor.publishAssignment(assignmentDraft(app.workstationId, 1).draft);
      const at = await lender.publishRaw({ audience: app.workstationId, kind: 'assignment', payload: fake.payload, signature: fake.signature });
      const status = await sync.syncNow();
      expect(status.lastError).toBe(`assignment package at feed position ${at} has a bad lender signature; nothing was imported`);
      expect(count('SELECT count(*) AS n FROM cases')).toBe(0);
    } finally {
      await impostor.close();
      impostorDir.cleanup();
    }
  });

  it('exposes status before enrollment and refuses a used enrollment code', async () => {
    expect(sync.status()).toMatchObject({ enrolled: false, state: 'not_enrolled', lender: null, pending: { reports: 0, records: 0 } });
    const code = await lender.issueEnrollmentCode();
    await sync.enroll({ lenderUrl: lender.url, code });
    const otherTmp = tempDir();
    const other = openTestApp(join(otherTmp.dir, 'ws2.sqlite'));
    try {
      const otherSync = createSyncService(other, { protector: testProtector() });
      await expect(otherSync.enroll({ lenderUrl: lender.url, code })).rejects.toThrow(/already used by another workstation/);
      await expect(otherSync.enroll({ lenderUrl: lender.url, code: 'NOSUCHCODE' })).rejects.toThrow(/unknown enrollment code/);
    } finally {
      other.db.close();
      otherTmp.cleanup();
    }
    expect(canonicalJson(sync.status().lender)).toContain(lender.lender.id);
  });
});
