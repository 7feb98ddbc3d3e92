/**
 * The lender refuses what it must, precisely: altered bytes, removed records, replayed, gapped or
 * discontinuous sequences, rewritten history, unauthenticated pushes; and stores a repeat once.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson, utf8 } from '../../../common/domain/chain/canonical';
import { placementTag, recordDigest, taggedChainHash } from '../../../common/domain/chain/tagged';
import type { ChainEntry, ChainRecord } from '../../../common/domain/chain/record';
import { buildReport } from '../../../common/domain/report/build';
import { summarize } from '../../../common/domain/report/summary';
import { ProgressReportSchema, type ProgressReport } from '../../../common/protocol/report';
import { chainRepo } from '../../../db/repos/chain';
import { auditRepo } from '../../../db/repos/audit';
import { reportsRepo } from '../../../db/repos/reports';
import { appendAudit } from '../../../main/backend/audit/audit';
import { generateEd25519, publicKeyPem, signBytes } from '../../../main/backend/crypto/ed25519';
import { verifyReceipt } from '../../../main/backend/sync/receipt';
import { ReceiptSchema, SignedTreeHeadSchema } from '../../../common/protocol/receipt';
import { leafHash, verifyConsistencyHex } from '../../../common/protocol/merkle';
import { toHex } from '../../../common/domain/chain/hex';
import { lastTreeHead } from '../../../main/backend/sync/log-head';
import { sha256 } from '../../../main/backend/crypto/hash';
import { entryFromRow } from '../../../main/backend/reports/create';
import { reportText } from '../../../main/backend/reports/text';
import { LenderRefusedError, lenderClient, type LenderClient } from '../../../main/backend/sync/client';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import type { LenderServer } from '../../../lender/app';
import { lenderRawSql, startTestLender } from '../../support/lender-store';
import { assignmentDraft, insertCollector, logActivity, openTestApp, recordPayment, tempDir, testProtector, type TestApp } from '../sync/fixtures';

let tmp: ReturnType<typeof tempDir>;
let lender: LenderServer;
let app: TestApp;
let sync: SyncService;
let client: LenderClient;
let placementId: string;
let caseIds: string[];
let collector: string;

beforeEach(async () => {
  tmp = tempDir();
  lender = await startTestLender(tmp.dir);
  app = openTestApp(join(tmp.dir, 'ws.sqlite'), new Date().toISOString());
  sync = createSyncService(app, { protector: testProtector(), dailyReports: false });
  await sync.enroll({ lenderUrl: lender.url, code: await lender.issueEnrollmentCode() });
  const a = assignmentDraft(app.workstationId, 2);
  await lender.publishAssignment(a.draft);
  await sync.syncNow();
  placementId = a.placementId;
  caseIds = a.caseIds;
  collector = insertCollector(app.db);
  client = lenderClient({ baseUrl: lender.url, signer: sync.signer(), now: () => new Date() });
});

afterEach(async () => {
  await sync.stop();
  app.db.close();
  await lender.close();
  tmp.cleanup();
});

function work(n: number): void {
  for (let i = 0; i < n; i++) logActivity(app, { caseId: caseIds[i % 2]!, placementId, collectorId: collector, at: new Date().toISOString() });
}

function stored(seq: number): { text: string; signature: string; report: ProgressReport } {
  const row = app.db.prepare('SELECT id, canonical, links_in_chain, signature_b64 FROM reports WHERE placement_id = ? AND seq = ?').get(placementId, seq) as {
    id: string;
    canonical: string;
    links_in_chain: 0 | 1;
    signature_b64: string;
  };
  const text = reportText(app.db, row);
  return { text, signature: row.signature_b64, report: ProgressReportSchema.parse(JSON.parse(text)) };
}

/** Signs content the way a (compromised) workstation would: valid signature, bad content. */
function resign(report: ProgressReport): { report: string; signature: string } {
  const text = canonicalJson(report);
  return { report: text, signature: Buffer.from(sync.signer().sign(utf8(text))).toString('base64') };
}

async function refusal(p: Promise<unknown>): Promise<LenderRefusedError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LenderRefusedError);
  return err as LenderRefusedError;
}

describe('lender report acceptance', () => {
  it('stores a report delivered twice once and acknowledges the repeat with the same receipt', async () => {
    work(3);
    sync.createReport({ placementId });
    const { text, signature } = stored(1);
    const first = await client.pushReport({ report: text, signature });
    const second = await client.pushReport({ report: text, signature });
    expect(first.status).toBe('accepted');
    expect(second).toEqual({ ...first, status: 'duplicate' });
    expect(await lender.store.reportCount()).toBe(1);
    expect(await lender.store.leafCount()).toBe(1);
  });

  it('refuses a report with one altered byte: BAD_SIGNATURE', async () => {
    work(2);
    sync.createReport({ placementId });
    const { text, signature } = stored(1);
    const at = text.indexOf('"connected"') + 2;
    const altered = text.slice(0, at) + 'C' + text.slice(at + 1);
    const err = await refusal(client.pushReport({ report: altered, signature }));
    expect(err).toMatchObject({ code: 'BAD_SIGNATURE', status: 422 });
    expect(err.message).toMatch(/altered or signed by another key/);
    expect(await lender.store.reportCount()).toBe(0);
  });

  it('refuses a report with a removed record, even when re-signed: CHAIN_BROKEN naming the seq', async () => {
    work(3);
    sync.createReport({ placementId });
    const { report } = stored(1);
    const removedSeq = report.chain.links[1]!.seq;
    report.chain.links.splice(1, 1);
    report.summary.records -= 1;
    report.summary.attemptsByChannel.call -= 1;
    report.summary.rightPartyContacts -= 1;
    const err = await refusal(client.pushReport(resign(report)));
    expect(err.code).toBe('CHAIN_BROKEN');
    expect(err.details).toMatchObject({ kind: 'seq_gap', expected: String(removedSeq), actual: String(removedSeq + 1) });
  });

  it('refuses altered figures, re-signed: REPORT_INCONSISTENT', async () => {
    work(1);
    sync.createReport({ placementId });
    const { report } = stored(1);
    report.summary.amountsCollected = { CNY: 1_000_000 };
    const err = await refusal(client.pushReport(resign(report)));
    expect(err.code).toBe('REPORT_INCONSISTENT');
    expect(err.message).toMatch(/summary figures do not match/);
  });

  it('refuses a replayed sequence with other content, and a gap', async () => {
    work(1);
    sync.createReport({ placementId });
    await sync.syncNow();
    const { report } = stored(1);
    const replay = { ...report, id: 'another-id', createdAt: new Date().toISOString() };
    const err = await refusal(client.pushReport(resign(replay)));
    expect(err).toMatchObject({ code: 'SEQUENCE_REPLAYED', status: 409, details: { seq: 1, lastAccepted: 1 } });

    const gap = { ...report, id: 'gap-id', seq: 3 };
    const gapErr = await refusal(client.pushReport(resign(gap)));
    expect(gapErr).toMatchObject({ code: 'SEQUENCE_GAP', details: { expected: 2, got: 3 } });
    expect(await lender.store.reportCount()).toBe(1);
  });

  it('refuses a report that does not start where the previous one ended: CHAIN_DISCONTINUOUS', async () => {
    work(2);
    sync.createReport({ placementId });
    await sync.syncNow();
    work(1);
    const previousTo = stored(1).report.period.to;
    // A second report that re-covers the chain from genesis instead of continuing (its period continues).
    const entries: ChainEntry[] = chainRepo(app.db).all().map(entryFromRow);
    const r2 = buildReport({
      id: 'r2',
      workstationId: app.workstationId,
      placementId,
      seq: 2,
      period: { from: previousTo, to: new Date(Date.parse(previousTo) + 1).toISOString() },
      createdAt: new Date().toISOString(),
      start: { seq: 0, hash: '0'.repeat(64) },
      taggedFrom: 1,
      entries,
      sha256,
    });
    const err = await refusal(client.pushReport(resign(r2)));
    expect(err.code).toBe('CHAIN_DISCONTINUOUS');
    expect(err.message).toMatch(/starts at chain seq 0 .* but report 1 ended at seq/);
  });

  it('refuses a rewritten history reported for another placement: CHAIN_FORKED', async () => {
    work(2);
    sync.createReport({ placementId });
    await sync.syncNow();
    const b = assignmentDraft(app.workstationId, 1);
    await lender.publishAssignment(b.draft);
    await sync.syncNow();
    // A forged chain: same positions, other content, internally consistent.
    let prev = '0'.repeat(64);
    const forged: ChainEntry[] = chainRepo(app.db)
      .all()
      .map((row) => {
        const record: ChainRecord = { ...(JSON.parse(row.canonical) as ChainRecord), placementId: b.placementId, caseId: b.caseIds[0]! };
        const hash = taggedChainHash(prev, placementTag(record.placementId, sha256), recordDigest(canonicalBytes(record), sha256), sha256);
        const e = { record, prevHash: prev, hash };
        prev = hash;
        return e;
      });
    const report = buildReport({
      id: 'forged',
      workstationId: app.workstationId,
      placementId: b.placementId,
      seq: 1,
      period: { from: '2026-01-01T00:00:00.000Z', to: new Date().toISOString() },
      createdAt: new Date().toISOString(),
      start: { seq: 0, hash: '0'.repeat(64) },
      taggedFrom: 1,
      entries: forged,
      sha256,
    });
    const err = await refusal(client.pushReport(resign(report)));
    expect(err).toMatchObject({ code: 'CHAIN_FORKED', details: { seq: 1 } });
  });

  it('refuses non-canonical text, another workstation’s report, and unsigned requests', async () => {
    work(1);
    sync.createReport({ placementId });
    const { report, text } = stored(1);
    const pretty = JSON.stringify(JSON.parse(text), null, 1);
    const notCanonical = await refusal(
      client.pushReport({ report: pretty, signature: Buffer.from(sync.signer().sign(utf8(pretty))).toString('base64') }),
    );
    expect(notCanonical.code).toBe('NOT_CANONICAL');

    const mismatch = await refusal(client.pushReport(resign({ ...report, workstationId: 'someone-else' })));
    expect(mismatch.code).toBe('WORKSTATION_MISMATCH');

    const res = await fetch(`${lender.url}/v1/reports`, { method: 'POST', body: JSON.stringify({ report: text, signature: stored(1).signature }) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');

    const garbage = await fetch(`${lender.url}/v1/enroll`, { method: 'POST', body: '{"code":1}' });
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ error: { code: 'BAD_REQUEST', details: { issues: expect.any(Array) } } });
  });

  it('does not send a report whose text no longer matches its signature, keeps it pending and says why', async () => {
    work(1);
    const info = sync.createReport({ placementId });
    // Break the stored report (a disk error, a bad actor): the workstation checks before sending.
    app.db.exec('DROP TRIGGER reports_no_update');
    app.db.prepare("UPDATE reports SET signature_b64 = ? WHERE id = ?").run(Buffer.alloc(64, 1).toString('base64'), info.id);
    const status = await sync.syncNow();
    expect(status).toMatchObject({ online: true, pending: { reports: 1 }, refusedReports: 1 });
    expect(status.lastError).toMatch(new RegExp(`report ${info.id} was not sent: .*does not match its signature`));
    expect(reportsRepo(app.db).receipt(info.id)).toBeUndefined();
    expect(await lender.store.reportCount()).toBe(0);
  });

  it('does not send a report whose chain records were altered after signing', async () => {
    work(2);
    const info = sync.createReport({ placementId });
    app.db.exec('DROP TRIGGER chain_no_update');
    const row = app.db.prepare('SELECT seq, canonical FROM chain WHERE placement_id = ? ORDER BY seq DESC LIMIT 1').get(placementId) as { seq: number; canonical: string };
    const altered = row.canonical.replace('"party":"borrower"', '"party":"third_party"');
    expect(altered).not.toBe(row.canonical);
    app.db.prepare('UPDATE chain SET canonical = ? WHERE seq = ?').run(altered, row.seq);
    const status = await sync.syncNow();
    expect(status.lastError).toMatch(new RegExp(`report ${info.id} was not sent: .*does not match its signature`));
    expect(await lender.store.reportCount()).toBe(0);
  });

  it('does not send a report whose chain lost records', async () => {
    work(2);
    const info = sync.createReport({ placementId });
    app.db.exec('DROP TRIGGER chain_no_delete');
    app.db.prepare('DELETE FROM chain WHERE seq = (SELECT max(seq) FROM chain WHERE placement_id = ?)').run(placementId);
    const status = await sync.syncNow();
    expect(status.lastError).toMatch(new RegExp(`report ${info.id} was not sent: .*the chain no longer holds its links`));
    expect(await lender.store.reportCount()).toBe(0);
  });

  it('refuses a report that elides its own payments, re-signed by the workstation itself: OWN_RECORD_ELIDED or ELISION_UNPROVEN; the genuine one is then accepted', async () => {
    work(2);
    recordPayment(app, { caseId: caseIds[0]!, placementId, at: new Date().toISOString(), amountMinor: 70_000, reference: 'ref-hidden' });
    work(1);
    sync.createReport({ placementId });
    const genuine = stored(1);
    const hide = (how: 'tagged' | 'bare'): ProgressReport => {
      const links: ProgressReport['chain']['links'] = genuine.report.chain.links.map((l) => {
        if (l.record?.type !== 'payment') return l;
        const bare = { seq: l.seq, hash: l.hash };
        return how === 'bare' ? bare : { ...bare, tag: placementTag(placementId, sha256), digest: recordDigest(canonicalBytes(l.record), sha256) };
      });
      const shown = links.flatMap((l) => (l.record ? [l.record] : []));
      return { ...genuine.report, summary: summarize(shown, genuine.report.period.from), chain: { ...genuine.report.chain, links } };
    };
    expect(await refusal(client.pushReport(resign(hide('tagged'))))).toMatchObject({ code: 'OWN_RECORD_ELIDED', status: 422 });
    expect(await refusal(client.pushReport(resign(hide('bare'))))).toMatchObject({ code: 'ELISION_UNPROVEN', status: 422 });
    expect(await lender.store.reportCount()).toBe(0);
    expect((await client.pushReport({ report: genuine.text, signature: genuine.signature })).status).toBe('accepted');
  });

  it('refuses a report that drops the tagged-formula switch an earlier report stated: CHAIN_FORMULA_CHANGED', async () => {
    work(2);
    sync.createReport({ placementId });
    await sync.syncNow();
    expect(await lender.store.reportCount()).toBe(1);
    work(1);
    sync.createReport({ placementId });
    const next = stored(2).report;
    const { taggedFrom, ...untagged } = next.chain;
    expect(taggedFrom).toBe(1);
    expect(await refusal(client.pushReport(resign({ ...next, chain: untagged })))).toMatchObject({ code: 'CHAIN_FORMULA_CHANGED', details: { expected: 1, actual: null } });
    expect(await refusal(client.pushReport(resign({ ...next, chain: { ...next.chain, taggedFrom: 3 } })))).toMatchObject({ code: 'CHAIN_FORMULA_CHANGED' });
  });

  it('refuses the reversed-period attack before it can take a sequence number, then accepts the genuine report: PERIOD_INVALID', async () => {
    recordPayment(app, { caseId: caseIds[0]!, placementId, at: new Date().toISOString(), amountMinor: 50_000, reference: 'ref-late' });
    sync.createReport({ placementId });
    const genuine = stored(1);
    // Every record "late", every figure 0, signed by the workstation itself.
    const reversed = { ...genuine.report, period: { from: '2099-01-01T00:00:00.000Z', to: '2000-01-01T00:00:00.000Z' } };
    reversed.summary = summarize(reversed.chain.links.flatMap((l) => (l.record ? [l.record] : [])), reversed.period.from);
    expect(reversed.summary).toMatchObject({ amountsCollected: {}, lateRecords: 1 });
    expect(await refusal(client.pushReport(resign(reversed)))).toMatchObject({ code: 'PERIOD_INVALID', status: 422 });
    const future = { ...genuine.report, createdAt: '2099-01-01T00:00:00.000Z', period: { ...genuine.report.period, to: '2099-01-01T00:00:00.000Z' } };
    expect(await refusal(client.pushReport(resign(future)))).toMatchObject({ code: 'PERIOD_INVALID' });
    expect(await lender.store.reportCount()).toBe(0);
    expect((await client.pushReport({ report: genuine.text, signature: genuine.signature })).status).toBe('accepted');
  });

  it('refuses a period that does not start where the previous report ended: PERIOD_DISCONTINUOUS', async () => {
    work(1);
    sync.createReport({ placementId });
    await sync.syncNow();
    work(1);
    sync.createReport({ placementId });
    const next = stored(2);
    const gap = { ...next.report, period: { ...next.report.period, from: new Date(Date.parse(next.report.period.from) - 1).toISOString() } }; // overlaps report 1
    expect(await refusal(client.pushReport(resign(gap)))).toMatchObject({ code: 'PERIOD_DISCONTINUOUS', details: { expectedFrom: next.report.period.from } });
    expect((await client.pushReport({ report: next.text, signature: next.signature })).status).toBe('accepted');
  });

  it('refuses a report whose text holds a lone surrogate (RFC 8785 §3.2.2.2), even signed: NOT_CANONICAL', async () => {
    work(1);
    sync.createReport({ placementId });
    const { text } = stored(1);
    const bad = text.replace('"party":"borrower"', '"note":"\\udc00","party":"borrower"');
    expect(bad).toContain('"note":"\\udc00"');
    const signature = Buffer.from(sync.signer().sign(utf8(bad))).toString('base64');
    expect(await refusal(client.pushReport({ report: bad, signature }))).toMatchObject({ code: 'NOT_CANONICAL', message: /lone surrogate/ });
    expect(await lender.store.reportCount()).toBe(0);
  });

  it('anchors the audit log head beside the chain head: in the report, in the lender-signed receipt, checked by the workstation', async () => {
    const at = new Date().toISOString();
    for (let i = 0; i < 3; i++) appendAudit(app.db, at, { actorId: null, action: 'test.act', objectType: 'test', objectId: null, outcome: 'ok' });
    work(1);
    sync.createReport({ placementId });
    const { text, signature, report } = stored(1);
    const head = auditRepo.head(app.db)!;
    expect(report.auditHead).toEqual({ seq: head.seq, hash: head.hash });
    const answer = await client.pushReport({ report: text, signature });
    const receipt = ReceiptSchema.parse(JSON.parse(answer.receipt.payload));
    expect(receipt).toMatchObject({ auditHead: report.auditHead, chainHead: report.chain.head });

    // A receipt (validly signed by its lender) that names another audit head than the report is refused.
    const lenderKeys = generateEd25519();
    const forged = canonicalJson({ ...receipt, auditHead: { seq: head.seq - 1, hash: head.hash } });
    const envelope = { payload: forged, signature: Buffer.from(signBytes(utf8(forged), lenderKeys.privateKey)).toString('base64') };
    expect(() => verifyReceipt(envelope, publicKeyPem(lenderKeys.publicKey), text, report.id)).toThrow(/other chain or audit log heads/);
    const honest = canonicalJson(receipt);
    const honestEnvelope = { payload: honest, signature: Buffer.from(signBytes(utf8(honest), lenderKeys.privateKey)).toString('base64') };
    expect(verifyReceipt(honestEnvelope, publicKeyPem(lenderKeys.publicKey), text, report.id).auditHead).toEqual(report.auditHead);
  });

  it('serves consistency proofs between any two tree heads, and the workstation checks one with every receipt', async () => {
    for (let i = 0; i < 3; i++) {
      work(1);
      sync.createReport({ placementId });
      await sync.syncNow();
      if (i === 0) expect(lastTreeHead(app.db)).toMatchObject({ treeSize: 1 });
    }
    expect(lastTreeHead(app.db)).toMatchObject({ treeSize: 3 });
    const sth = async () => SignedTreeHeadSchema.parse(JSON.parse(((await (await fetch(`${lender.url}/v1/log/sth`)).json()) as { payload: string }).payload));
    const three = await sth();
    const proof = await client.logConsistency(1, 3);
    const first = ReceiptSchema.parse(JSON.parse((await client.pushReport({ report: stored(1).text, signature: stored(1).signature })).receipt.payload));
    expect(verifyConsistencyHex(1, 3, proof.consistencyProof, first.rootHash, three.rootHash, sha256)).toBe(true);
    expect(await refusal(client.logConsistency(2, 9))).toMatchObject({ code: 'NOT_FOUND' });

    // Entries by index: each leaf hash is the RFC 9162 leaf of the exact report bytes served beside it.
    const { entries } = await client.logEntries(0, 2);
    expect(entries.map((e) => e.leafIndex)).toEqual([0, 1, 2]);
    for (const [i, e] of entries.entries()) {
      expect(e.report).toBe(stored(i + 1).text);
      expect(e.leafHash).toBe(toHex(leafHash(utf8(e.report!), sha256)));
    }
    expect(await refusal(client.logEntries(1, 3))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('catches a lender that rewrote its log: the next receipt does not extend the tree head seen before, and the sync status says so', async () => {
    work(1);
    sync.createReport({ placementId });
    await sync.syncNow();
    const before = lastTreeHead(app.db)!;
    // The lender rewrites history: leaf 0 replaced (as if the first report had said something else).
    await lenderRawSql(tmp.dir, { sqlite: 'UPDATE log_leaves SET leaf_hash = ? WHERE leaf_index = 0', postgres: 'UPDATE log_leaves SET leaf_hash = $1 WHERE leaf_index = 0' }, [Buffer.alloc(32, 7)]);
    work(1);
    sync.createReport({ placementId });
    const status = await sync.syncNow();
    expect(status.lastError).toMatch(/does not extend the log of 1 \(root [0-9a-f]{64}\) it showed before/);
    expect(lastTreeHead(app.db)).toEqual(before);
    expect(status.pending.reports).toBe(1);
  });
});
