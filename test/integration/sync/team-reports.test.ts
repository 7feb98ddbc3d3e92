/**
 * Supervisors see work done on other workstations: workstation B's signed reports reach the
 * lender, workstation A (assigned the same placement) pulls them through the lender, verifies each
 * itself and stores only what verifies — a report whose signature, content, named workstation or
 * key is wrong is refused, named in the sync status and nothing of it kept. A lender without the
 * team endpoint, or a failed team pull, leaves the round's push and feed standing.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLenderServer, type LenderServer } from '../../../lender/app';
import { canonicalJson, utf8 } from '../../../common/domain/chain/canonical';
import type { TeamReportsResponse } from '../../../common/protocol/team';
import { generateEd25519, publicKeyPem, signBytes } from '../../../main/backend/crypto/ed25519';
import type { FetchLike } from '../../../main/backend/sync/client';
import { remoteTeam } from '../../../main/backend/services/remote-team';
import { lastTreeHead, saveTreeHead } from '../../../main/backend/sync/log-head';
import { createSyncService, type SyncService } from '../../../main/backend/sync/service';
import { assignmentDraft, insertCollector, logActivity, openTestApp, tempDir, testProtector, type TestApp } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let lender: LenderServer;
let a: TestApp;
let b: TestApp;
let syncA: SyncService;
let syncB: SyncService;

type RelayedItem = TeamReportsResponse['items'][number];
/** What sits between A and the real lender on the team endpoint: honest by default. */
let relay: { mode: 'honest' | 'missing' | 'down'; rewrite?: (item: RelayedItem) => void };

const relayFetch: FetchLike = async (url, init) => {
  if (!url.includes('/v1/team/reports')) return fetch(url, init);
  // An older lender: the reference server's answer for a route it does not have.
  if (relay.mode === 'missing') return { status: 404, text: async () => JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no route GET /v1/team/reports' } }) };
  if (relay.mode === 'down') throw new Error('connect ECONNREFUSED');
  const res = await fetch(url, init);
  const body = JSON.parse(await res.text()) as TeamReportsResponse;
  for (const item of body.items) relay.rewrite?.(item);
  return { status: res.status, text: async () => JSON.stringify(body) };
};

beforeEach(async () => {
  tmp = tempDir();
  relay = { mode: 'honest' };
  lender = await startLenderServer({ port: 0, dbFile: join(tmp.dir, 'lender.sqlite'), lender: { code: 'BANK', name: 'Test Bank' } });
  const now = new Date().toISOString();
  a = openTestApp(join(tmp.dir, 'a.sqlite'), now);
  b = openTestApp(join(tmp.dir, 'b.sqlite'), now);
  syncA = createSyncService(a, { protector: testProtector(), dailyReports: false, fetch: relayFetch });
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
    // The supervisor's desk is assigned the placement too: the lender relays only reports of placements its caller was assigned.
    await lender.publishAssignment({ ...assigned.draft, to: a.workstationId });
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
    await lender.publishAssignment({ ...assigned.draft, to: a.workstationId });
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
    const status = await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(0);
    expect(status.lastError).toBeNull();
    expect(status.teamReports).toMatchObject({ lastError: null, refused: 1 });
    expect(status.teamReports.lastRefused).toMatch(new RegExp(`^workstation ${b.workstationId}, lender log index 0: the signature does not verify with the key the lender enrolled for workstation ${b.workstationId}$`));
  });
});

/** B logs one contact and signs the placement's next report; B pushes it. */
async function reportFromB(placementId: string, caseId: string, collector: string): Promise<void> {
  logActivity(b, { caseId, placementId, collectorId: collector, at: new Date(Date.now() - 1000).toISOString() });
  syncB.createReport({ placementId });
  expect((await syncB.syncNow()).pending.reports).toBe(0);
}

async function assignedToBoth(): Promise<{ placementId: string; caseId: string; collector: string }> {
  const assigned = assignmentDraft(b.workstationId, 1);
  await lender.publishAssignment(assigned.draft);
  await lender.publishAssignment({ ...assigned.draft, to: a.workstationId });
  await syncB.syncNow();
  return { placementId: assigned.placementId, caseId: assigned.caseIds[0]!, collector: insertCollector(b.db) };
}

const seqOf = (item: RelayedItem) => (JSON.parse(item.report) as { seq: number }).seq;

describe('a dishonest relay', () => {
  it('refuses a report relayed under another workstation’s name, and says so in the status', async () => {
    const { placementId, caseId, collector } = await assignedToBoth();
    await reportFromB(placementId, caseId, collector);
    const elsewhere = 'ws-elsewhere-0001';
    // B's genuine text, signature and key, but relayed as another workstation's.
    relay.rewrite = (item) => {
      item.workstationId = elsewhere;
    };
    const status = await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(0);
    expect(status.lastError).toBeNull();
    expect(status.teamReports).toEqual({
      lastError: null,
      refused: 1,
      // The lender's enrolment record is for B, so the relayed name is refused before the report is read.
      lastRefused: `workstation ${elsewhere}, lender log index 0: the enrolment record names workstation ${b.workstationId}, not ${elsewhere}`,
    });

    // An honest relay again: the next report is kept, and the refusal stays counted.
    relay.rewrite = undefined;
    await reportFromB(placementId, caseId, collector);
    const after = await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
    expect(after.teamReports).toMatchObject({ lastError: null, refused: 1 });
  });

  it('checks with the key the lender’s signed enrolment record names: a report signed with another key is refused', async () => {
    const { placementId, caseId, collector } = await assignedToBoth();
    await reportFromB(placementId, caseId, collector);
    await reportFromB(placementId, caseId, collector);
    // The relay signs B's genuine reports from seq 2 on with a key of its own and hands that key over.
    const forger = generateEd25519();
    relay.rewrite = (item) => {
      if (seqOf(item) < 2) return;
      item.publicKeyPem = publicKeyPem(forger.publicKey);
      item.signature = Buffer.from(signBytes(Buffer.from(item.report, 'utf8'), forger.privateKey)).toString('base64');
    };
    const pinnedReason = `the signature does not verify with the key the lender enrolled for workstation ${b.workstationId}`;

    // Seq 1 and 2 in one page: 1 verifies with B's enrolled key, 2 is refused against it.
    let status = await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
    expect(status.teamReports).toEqual({ lastError: null, refused: 1, lastRefused: `workstation ${b.workstationId}, lender log index 1: ${pinnedReason}` });

    // A later round: the enrolled key refuses seq 3 too.
    await reportFromB(placementId, caseId, collector);
    status = await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
    expect(status.teamReports).toEqual({ lastError: null, refused: 2, lastRefused: `workstation ${b.workstationId}, lender log index 2: ${pinnedReason}` });

    // B's own key still works.
    relay.rewrite = undefined;
    await reportFromB(placementId, caseId, collector);
    await syncA.syncNow();
    const keys = a.db.prepare('SELECT DISTINCT public_key_pem AS pem FROM team_reports').all() as { pem: string }[];
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(2);
    expect(keys.map((k) => k.pem)).toEqual([syncB.signer().publicKeyPem]);
  });
});

describe('a relay that forges the enrolment record', () => {
  it('refuses a report whose enrolment record is missing, not signed by the lender, or names another key or workstation', async () => {
    const { placementId, caseId, collector } = await assignedToBoth();
    const forger = generateEd25519();
    const cases: [string, (item: RelayedItem) => void, string][] = [
      ['missing', (item) => delete item.enrollment, `the lender sent no signed enrolment record for workstation ${b.workstationId}, so its key cannot be known`],
      [
        'self-signed',
        (item) => {
          // The relay swaps in its own key and signs a record naming it, with its own key.
          const record = { ...(JSON.parse(item.enrollment!.payload) as Record<string, unknown>), publicKeyPem: publicKeyPem(forger.publicKey) };
          const payload = canonicalJson(record);
          item.enrollment = { payload, signature: Buffer.from(signBytes(utf8(payload), forger.privateKey)).toString('base64') };
          item.publicKeyPem = publicKeyPem(forger.publicKey);
          item.signature = Buffer.from(signBytes(utf8(item.report), forger.privateKey)).toString('base64');
        },
        `the enrolment record of workstation ${b.workstationId} is not signed by the lender this workstation enrolled with`,
      ],
      [
        'another workstation’s',
        (item) => {
          item.enrollment = { ...item.enrollment!, payload: item.enrollment!.payload.replace(b.workstationId, a.workstationId) };
        },
        `the enrolment record of workstation ${b.workstationId} is not signed by the lender this workstation enrolled with`,
      ],
    ];
    for (const [i, [, rewrite, why]] of cases.entries()) {
      await reportFromB(placementId, caseId, collector);
      relay.rewrite = rewrite;
      const status = await syncA.syncNow();
      expect(status.teamReports).toEqual({ lastError: null, refused: i + 1, lastRefused: `workstation ${b.workstationId}, lender log index ${i}: ${why}` });
    }
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(0);
    relay.rewrite = undefined;
    await reportFromB(placementId, caseId, collector);
    await syncA.syncNow();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
  });
});

describe('a lender showing workstations different logs', () => {
  it('is caught when a colleague’s report names a log head that ours does not extend, and the team status says so', async () => {
    const { placementId, caseId, collector } = await assignedToBoth();
    await reportFromB(placementId, caseId, collector);
    await reportFromB(placementId, caseId, collector); // made after B's first receipt: it names B's log head
    const bHead = lastTreeHead(b.db)!;
    // The lender showed A another log of the same size (a split view).
    saveTreeHead(a.db, { treeSize: bHead.treeSize, rootHash: 'ab'.repeat(32) });
    const status = await syncA.syncNow();
    expect(status.teamReports.lastError).toMatch(/log of 2 entries \(root (ab){32}\) does not extend the log of 1 \(root [0-9a-f]{64}\)/);
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(0);
    // The same log for both: B's reports are kept.
    saveTreeHead(a.db, bHead);
    expect((await syncA.syncNow()).teamReports.lastError).toBeNull();
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(2);
  });
});

describe('a team pull that fails', () => {
  it('leaves the round’s push and feed standing and shows its own error, until a pull succeeds', async () => {
    const { placementId, caseId, collector } = await assignedToBoth();
    expect((await syncA.syncNow()).feedCursor).toBe(2);
    await reportFromB(placementId, caseId, collector);
    // Work of A's own to push, and a new package for A to import, in the round that fails to pull team reports.
    const aCollector = insertCollector(a.db);
    logActivity(a, { caseId, placementId, collectorId: aCollector, at: new Date(Date.now() - 1000).toISOString() });
    syncA.createReport({ placementId });
    const more = assignmentDraft(a.workstationId, 1);
    await lender.publishAssignment(more.draft);

    relay.mode = 'missing';
    let status = await syncA.syncNow();
    expect(status).toMatchObject({ state: 'idle', online: true, lastError: null, pending: { reports: 0, records: 0 }, feedCursor: 3 });
    expect(status.teamReports.lastError).toBe('the lender does not offer team reports (no route GET /v1/team/reports)');
    expect(syncA.listReports(placementId)[0]?.acknowledgedAt).not.toBeNull();
    expect(count(a, `SELECT count(*) AS n FROM placements WHERE id = '${more.placementId}'`)).toBe(1);
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(0);

    relay.mode = 'down';
    status = await syncA.syncNow();
    expect(status).toMatchObject({ state: 'idle', online: true, lastError: null });
    expect(status.teamReports.lastError).toMatch(/^lender unreachable at .*ECONNREFUSED/);

    relay.mode = 'honest';
    status = await syncA.syncNow();
    expect(status.teamReports).toEqual({ lastError: null, refused: 0, lastRefused: null });
    expect(count(a, 'SELECT count(*) AS n FROM team_reports')).toBe(1);
  });
});
