/**
 * Reports store their frame; the signed text is the frame with the chain's records spliced back.
 * On a real SQLite file: the text equals the report built the long way from parsed chain entries,
 * the signature verifies over it, and rows made before migration 7 keep their whole text.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/domain/chain/canonical';
import { buildReport } from '../../../common/domain/report/build';
import { checkReportContent } from '../../../common/domain/report/check';
import { summarize } from '../../../common/domain/report/summary';
import { linkText } from '../../../common/domain/report/text';
import { ProgressReportSchema } from '../../../common/protocol/report';
import { MIGRATIONS } from '../../../db/migrations';
import { migrate, openDatabase } from '../../../db/open';
import { chainRepo } from '../../../db/repos/chain';
import { reportsRepo } from '../../../db/repos/reports';
import { sha256 } from '../../../main/backend/crypto/hash';
import { createReport, entryFromRow } from '../../../main/backend/reports/create';
import { reportText, verifiedReportText } from '../../../main/backend/reports/text';
import { recordChange } from '../../../main/backend/record/recordChange';
import { createIdentity, unlockSigner, type Signer } from '../../../main/backend/sync/identity';
import { insertCollector, logActivity, openTestApp, seedLocalPlacement, tempDir, testProtector, type TestApp } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let app: TestApp;
let signer: Signer;

beforeEach(() => {
  tmp = tempDir();
  app = openTestApp(join(tmp.dir, 'ws.sqlite'));
  const protector = testProtector();
  signer = unlockSigner(createIdentity(app.db, app.workstationId, protector, app.clock.now()), protector);
});

afterEach(() => {
  app.db.close();
  tmp.cleanup();
});

describe('report frames', () => {
  it('store the frame and reproduce the signed text byte for byte, other placements elided', () => {
    const a = seedLocalPlacement(app.db, { cases: 2 });
    const b = seedLocalPlacement(app.db);
    const collectorId = insertCollector(app.db);
    const at = app.clock.now().toISOString();
    for (let i = 0; i < 6; i++) {
      const mine = i % 3 !== 1;
      logActivity(app, { caseId: mine ? a.caseIds[i % 2]! : b.caseIds[0]!, placementId: mine ? a.placementId : b.placementId, collectorId, at, result: i % 2 ? 'connected' : 'no_answer' });
    }
    app.db.transaction(() =>
      recordChange(app, { type: 'payment', id: 'pay-1', caseId: a.caseIds[0]!, placementId: a.placementId, at, body: { amountMinor: 12_345, currency: 'CNY', note: '王芳 "周五" 还款\n\\ €' } }),
    )();

    const info = createReport(app, signer, { placementId: a.placementId });
    const row = reportsRepo(app.db).byId(info.id)!;
    expect(row.links_in_chain).toBe(1);
    const frame = ProgressReportSchema.parse(JSON.parse(row.canonical));
    expect(frame.chain.links).toEqual([]);

    // The database joins the links exactly as linkText writes them.
    const { start, head } = frame.chain;
    const joined = chainRepo(app.db).joinedLinks(a.placementId, start.seq, head.seq);
    expect(joined.count).toBe(7);
    const reference = chainRepo(app.db).links(start.seq, head.seq).map((l) => linkText(l, a.placementId));
    expect(new TextDecoder().decode(joined.bytes)).toBe(reference.join(','));

    const text = verifiedReportText(app.db, row);
    const entries = chainRepo(app.db).range(frame.chain.start.seq, frame.chain.head.seq).map(entryFromRow);
    const longWay = buildReport({ ...frame, start: frame.chain.start, taggedFrom: frame.chain.taggedFrom, entries, sha256 });
    expect(text).toBe(canonicalJson(longWay));

    const report = ProgressReportSchema.parse(JSON.parse(text));
    expect(report.chain.links).toHaveLength(7);
    expect(report.chain.links.filter((l) => l.record === undefined)).toHaveLength(2);
    expect(report.summary).toMatchObject({ records: 5, amountsCollected: { CNY: 12_345 } });
    expect(info.records).toBe(5);
    expect(checkReportContent(report, sha256)).toMatchObject({ ok: true });

    // The next report continues where this one ended and reproduces just as well.
    logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId, at });
    const next = reportsRepo(app.db).byId(createReport(app, signer, { placementId: a.placementId }).id)!;
    const nextReport = ProgressReportSchema.parse(JSON.parse(verifiedReportText(app.db, next)));
    expect(nextReport.chain.start).toEqual(report.chain.head);
    expect(nextReport.chain.links).toHaveLength(1);
  });

  it('count records chained before tallies were kept by reading them', () => {
    const a = seedLocalPlacement(app.db);
    const collectorId = insertCollector(app.db);
    const at = app.clock.now().toISOString();
    for (let i = 0; i < 4; i++) logActivity(app, { caseId: a.caseIds[0]!, placementId: a.placementId, collectorId, at, result: i < 3 ? 'connected' : 'no_answer' });
    app.db.transaction(() => recordChange(app, { type: 'payment', id: 'p1', caseId: a.caseIds[0]!, placementId: a.placementId, at, body: { amountMinor: 900, currency: 'CNY' } }))();
    // As a database migrated from version 6 has them: the first three records without a tally.
    app.db.exec('DROP TRIGGER chain_no_update');
    app.db.exec('UPDATE chain SET tally = NULL WHERE seq <= 3');
    const info = createReport(app, signer, { placementId: a.placementId });
    const report = ProgressReportSchema.parse(JSON.parse(verifiedReportText(app.db, reportsRepo(app.db).byId(info.id)!)));
    const records = report.chain.links.map((l) => l.record!);
    expect(report.summary).toEqual(summarize(records, report.period.from));
    expect(report.summary).toMatchObject({ records: 5, rightPartyContacts: 3, attemptsByChannel: { call: 4 }, amountsCollected: { CNY: 900 } });
    expect(checkReportContent(report, sha256)).toMatchObject({ ok: true });
  });

  it('keep the whole text of a report stored before frames, verbatim', () => {
    const a = seedLocalPlacement(app.db);
    const legacy = { id: 'legacy-1', canonical: '{"whole":"text"}', links_in_chain: 0 as const };
    app.db
      .prepare(
        "INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head) VALUES (?, ?, 1, 'a', 'b', 'c', ?, 'sig', 'head')",
      )
      .run(legacy.id, a.placementId, legacy.canonical);
    expect(reportsRepo(app.db).byId(legacy.id)?.links_in_chain).toBe(0);
    expect(reportText(app.db, legacy)).toBe('{"whole":"text"}');
  });
});

describe('migration 7', () => {
  it('marks reports made before it as holding their whole text', () => {
    const file = join(tmp.dir, 'old.sqlite');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 6));
    const a = seedLocalPlacement(raw);
    raw
      .prepare(
        "INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head) VALUES ('old', ?, 1, 'a', 'b', 'c', '{}', 'sig', 'head')",
      )
      .run(a.placementId);
    raw.close();
    const db = openDatabase(file);
    expect(db.prepare("SELECT links_in_chain FROM reports WHERE id = 'old'").get()).toEqual({ links_in_chain: 0 });
    expect(() => db.prepare("INSERT INTO reports (id, placement_id, seq, period_from, period_to, created_at, canonical, signature_b64, chain_head, links_in_chain) VALUES ('x', ?, 2, 'a', 'b', 'c', '{}', 's', 'h', 2)").run(a.placementId)).toThrow(/CHECK constraint/);
    db.close();
  });
});
