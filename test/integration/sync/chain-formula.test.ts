/**
 * A workstation chained before migration 17 keeps its formula-1 links, which still verify; every
 * link after uses the tagged formula, and the first tagged seq is what its reports state as
 * chain.taggedFrom. On a real SQLite file migrated from schema 10.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, utf8 } from '../../../common/domain/chain/canonical';
import { GENESIS_HASH, chainHash } from '../../../common/domain/chain/hash';
import type { ChainRecord } from '../../../common/domain/chain/record';
import { verifyChain } from '../../../common/domain/chain/verify';
import { checkReportContent } from '../../../common/domain/report/check';
import { ProgressReportSchema } from '../../../common/protocol/report';
import { newId } from '../../../common/ids';
import { MIGRATIONS } from '../../../db/migrations';
import { migrate } from '../../../db/open';
import { chainRepo } from '../../../db/repos/chain';
import { reportsRepo } from '../../../db/repos/reports';
import { sha256 } from '../../../main/backend/crypto/hash';
import { createReport, entryFromRow } from '../../../main/backend/reports/create';
import { verifiedReportText } from '../../../main/backend/reports/text';
import { createIdentity, unlockSigner } from '../../../main/backend/sync/identity';
import { insertCollector, logActivity, openTestApp, seedLocalPlacement, tempDir, testProtector, type TestApp } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let app: TestApp;
let a: string;
let b: string;
let caseOf: Record<string, string>;
const workstationId = newId();
const at = '2026-03-02T08:00:00.000Z';

/** Four formula-1 links (A, B, A, B), written as a build before migration 17 wrote them. */
function legacyChain(raw: Database.Database): void {
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 4; seq++) {
    const placementId = seq % 2 ? a : b;
    const record: ChainRecord = { type: 'activity', id: newId(), caseId: caseOf[placementId]!, placementId, at, body: { channel: 'call', party: 'borrower', result: 'connected' }, seq, workstationId };
    const canonical = canonicalJson(record);
    const hash = chainHash(prev, utf8(canonical), sha256);
    raw
      .prepare('INSERT INTO chain (seq, record_type, record_id, case_id, placement_id, at, canonical, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(seq, 'activity', record.id, record.caseId, placementId, at, canonical, prev, hash);
    prev = hash;
  }
}

beforeEach(() => {
  tmp = tempDir();
  const file = join(tmp.dir, 'ws.sqlite');
  const raw = new Database(file);
  migrate(raw, MIGRATIONS.slice(0, 10));
  raw.prepare("INSERT INTO settings (key, value) VALUES ('workstation_id', ?)").run(workstationId);
  const pa = seedLocalPlacement(raw);
  const pb = seedLocalPlacement(raw);
  a = pa.placementId;
  b = pb.placementId;
  caseOf = { [a]: pa.caseIds[0]!, [b]: pb.caseIds[0]! };
  legacyChain(raw);
  raw.close();
  app = openTestApp(file);
});

afterEach(() => {
  app.db.close();
  tmp.cleanup();
});

describe('chain formula 2 on a chain that began with formula 1', () => {
  it('keeps the old links verifying, tags every new one, and states the switch in each report', () => {
    const collectorId = insertCollector(app.db);
    for (let i = 0; i < 4; i++) logActivity(app, { caseId: caseOf[i % 2 ? b : a]!, placementId: i % 2 ? b : a, collectorId, at });
    const chain = chainRepo(app.db);
    expect(chain.taggedFrom()).toBe(5);
    const rows = chain.all();
    expect(rows.map((r) => r.digest !== null)).toEqual([false, false, false, false, true, true, true, true]);
    expect(verifyChain(rows.map(entryFromRow).map((e) => ({ ...e, seq: e.record.seq })), sha256, undefined, undefined, 5).ok).toBe(true);
    // Read with the old formula throughout, the new links break: the switch is real.
    expect(verifyChain(rows.map(entryFromRow).map((e) => ({ ...e, seq: e.record.seq })), sha256)).toMatchObject({ ok: false, break: { seq: 5, kind: 'hash_mismatch' } });

    const protector = testProtector();
    const signer = unlockSigner(createIdentity(app.db, app.workstationId, protector, app.clock.now()), protector);
    for (const placementId of [a, b]) {
      const info = createReport(app, signer, { placementId });
      const report = ProgressReportSchema.parse(JSON.parse(verifiedReportText(app.db, reportsRepo(app.db).byId(info.id)!)));
      expect(report.chain.taggedFrom).toBe(5);
      const elided = report.chain.links.filter((l) => !l.record);
      expect(elided.map((l) => [l.seq, l.tag !== undefined])).toEqual(placementId === a ? [[2, false], [4, false], [6, true], [8, true]] : [[3, false], [5, true], [7, true]]); // b starts before its first record
      expect(checkReportContent(report, sha256)).toMatchObject({ ok: true });
    }
  });

  it('a workstation with an empty chain tags from its first record', () => {
    expect(chainRepo(app.db).taggedFrom()).toBe(5);
    const fresh = openTestApp(join(tmp.dir, 'fresh.sqlite'));
    try {
      expect(chainRepo(fresh.db).taggedFrom()).toBe(1);
    } finally {
      fresh.db.close();
    }
  });
});
