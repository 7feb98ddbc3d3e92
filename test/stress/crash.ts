/**
 * The crash test: a workstation process logs contacts, makes reports and syncs with a real lender
 * while it is killed with SIGKILL at random moments. After every kill the database must pass
 * PRAGMA integrity_check, hold every record the process said it committed, hold none twice, and
 * keep an unbroken chain; at the end everything reaches the lender exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../common/ids';
import { verifyChain } from '../../common/domain/chain/verify';
import { openDatabase } from '../../db/open';
import { chainRepo } from '../../db/repos/chain';
import { systemClock } from '../../main/backend/clock';
import { newAppState, type AppContext } from '../../main/backend/context';
import { sha256 } from '../../main/backend/crypto/hash';
import { passphraseProtector } from '../../main/backend/crypto/protect';
import { recordChange } from '../../main/backend/record/recordChange';
import { entryFromRow } from '../../main/backend/reports/create';
import { createSyncService } from '../../main/backend/sync/service';
import { startLenderServer } from '../../lender/app';

const PASSPHRASE = 'stress test passphrase';
// Cheap scrypt for a process that starts 1000 times; the blob format is the production one.
const protector = () => passphraseProtector(PASSPHRASE, { N: 2 ** 12 });

function appOn(file: string): AppContext {
  const db = openDatabase(file);
  const ws = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'workstation_id'").get();
  return { db, clock: systemClock, dataDir: file, host: 'test', workstationId: ws?.value ?? '', log: () => undefined, services: {}, state: newAppState() };
}

/** The child: log, report, sync, forever, printing `C <id>` only after each commit. */
export async function workerMain(args: readonly string[]): Promise<void> {
  const [file, placementId, caseId, collectorId] = args;
  if (!file || !placementId || !caseId || !collectorId) throw new Error('worker needs: db placement case collector');
  const app = appOn(file);
  const sync = createSyncService(app, { protector: protector(), dailyReports: false });
  process.stdout.write('READY\n');
  for (let i = 1; ; i++) {
    const id = newId();
    const at = new Date().toISOString();
    app.db
      .transaction(() => {
        app.db
          .prepare(
            `INSERT INTO activities (id, case_id, at, channel, party, result, outcome, collector_id, created_at)
             VALUES (?, ?, ?, 'call', 'borrower', 'connected', 'right_party', ?, ?)`,
          )
          .run(id, caseId, at, collectorId, at);
        recordChange(app, { type: 'activity', id, caseId, placementId, at, body: { channel: 'call', party: 'borrower', result: 'connected' } });
      })
      .immediate();
    process.stdout.write(`C ${id}\n`);
    // A report early in every run (i = 1, 5, 9, …): a run may be killed before its first sync ends.
    if (i % 4 === 1) sync.createReport({ placementId });
    if (i % 3 === 0) await sync.syncNow();
  }
}

export interface CrashTestOptions {
  kills: number;
  /** A file that runs workerMain when started as `node FILE --worker …`. */
  workerFile: string;
  log?: (line: string) => void;
  /** Upper bound of the random run time before a kill. */
  maxRunMs?: number;
}

export interface CrashTestResult {
  kills: number;
  committed: number;
  chainLength: number;
  reportsAccepted: number;
  paymentsImported: number;
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new Error(`crash test: ${message}`);
}

export async function runCrashTest(opts: CrashTestOptions): Promise<CrashTestResult> {
  const log = opts.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'casedesk-crash-'));
  const lender = await startLenderServer({ port: 0, dbFile: join(dir, 'lender.sqlite') });
  try {
    const file = join(dir, 'ws.sqlite');
    const setup = appOn(file);
    setup.db.prepare("INSERT INTO settings (key, value) VALUES ('workstation_id', ?)").run(newId());
    const app = appOn(file);
    setup.db.close();
    const sync = createSyncService(app, { protector: protector(), dailyReports: false });
    await sync.enroll({ lenderUrl: lender.url, code: await lender.issueEnrollmentCode() });
    const placementId = newId();
    const caseId = newId();
    await lender.publishAssignment({
      to: app.workstationId,
      placement: {
        id: placementId, code: 'STRESS', name: 'Stress', agreementRef: 'A', preset: 'cn', policyVersion: 'v1', currency: 'CNY',
        defaultTimezone: 'Asia/Shanghai', startDate: '2026-01-01', endDate: '2026-12-31',
      },
      cases: [{ id: caseId, reference: 'S-1', borrower: { id: newId(), fullName: '压力测试' }, currency: 'CNY', principalMinor: 1_000_000, dueSince: '2026-01-01', dpd: 30 }],
    });
    check((await sync.syncNow()).lastError === null, 'initial sync failed');
    const collectorId = newId();
    app.db.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'stress', 'Stress', 'collector', ?)").run(collectorId, new Date().toISOString());
    app.db.close();

    const committed = new Set<string>();
    for (let k = 1; k <= opts.kills; k++) {
      // Something for the worker to import while it may be killed.
      await lender.publishPayment({ to: app.workstationId, caseId, amountMinor: 100 + k, currency: 'CNY', paidOn: '2026-03-01', reference: `PAY-${k}` });
      const child = spawn(process.execPath, [opts.workerFile, '--worker', file, placementId, caseId, collectorId], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buf = '';
      let stderr = '';
      let ready!: () => void;
      const readyP = new Promise<void>((r) => (ready = r));
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line === 'READY') ready();
          else if (line.startsWith('C ')) committed.add(line.slice(2));
        }
      });
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((r) => child.on('exit', (code, signal) => r(signal ?? code)));
      await Promise.race([readyP, exited]);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * (opts.maxRunMs ?? 300)));
      child.kill('SIGKILL');
      const how = await exited;
      check(how === 'SIGKILL', `worker ended on its own (${String(how)}): ${stderr.slice(-1500)}`);

      const db = openDatabase(file);
      try {
        const integrity = db.pragma('integrity_check', { simple: true });
        check(integrity === 'ok', `integrity_check after kill ${k}: ${String(integrity)}`);
        const rows = chainRepo(db).all();
        const v = verifyChain(rows.map((r) => ({ ...entryFromRow(r), seq: r.seq })), sha256, undefined, undefined, chainRepo(db).taggedFrom());
        check(v.ok, `chain broken after kill ${k}: ${v.ok ? '' : v.break.message}`);
        const activityIds = new Set((db.prepare('SELECT id FROM activities').all() as { id: string }[]).map((r) => r.id));
        for (const id of committed) check(activityIds.has(id), `committed activity ${id} lost after kill ${k}`);
        const chained = rows.filter((r) => r.record_type === 'activity').map((r) => r.record_id);
        check(new Set(chained).size === chained.length, `an activity is chained twice after kill ${k}`);
        check(chained.length === activityIds.size, `activities (${activityIds.size}) and their chain records (${chained.length}) differ after kill ${k}`);
        const payments = db.prepare("SELECT count(*) AS n FROM payments WHERE source = 'lender'").get() as { n: number };
        const paymentLinks = rows.filter((r) => r.record_type === 'payment').length;
        check(payments.n === paymentLinks, `payments (${payments.n}) and payment records (${paymentLinks}) differ after kill ${k}`);
        const seqs = (db.prepare('SELECT seq FROM reports WHERE placement_id = ? ORDER BY seq').all(placementId) as { seq: number }[]).map((r) => r.seq);
        check(seqs.every((s, i) => s === i + 1), `report sequence has a gap after kill ${k}: ${seqs.join(',')}`);
        const queued = db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'report'").get() as { n: number };
        check(queued.n === seqs.length, `reports (${seqs.length}) and their outbox rows (${queued.n}) differ after kill ${k}`);
        if (k % 50 === 0 || k === opts.kills) log(`kill ${k}/${opts.kills}: ${committed.size} committed, chain ${rows.length}, reports ${seqs.length}`);
      } finally {
        db.close();
      }
    }

    // Back in one piece: report the rest and push everything.
    const final = appOn(file);
    try {
      const finalSync = createSyncService(final, { protector: protector(), dailyReports: false });
      // Pull first: the last payment may still wait in the feed, and its record must be reported too.
      await finalSync.syncNow();
      finalSync.createReport({ placementId });
      const status = await finalSync.syncNow();
      check(status.lastError === null && status.pending.reports === 0, `final sync: ${JSON.stringify(status)}`);
      const ours = (final.db.prepare('SELECT seq FROM reports WHERE placement_id = ?').all(placementId) as { seq: number }[]).length;
      const lenderSeqs: number[] = [];
      for (let s = 1; s <= ours; s++) {
        const held = await lender.store.reportBySeq(final.workstationId, placementId, s);
        check(held !== undefined, `the lender lacks report ${s}`);
        lenderSeqs.push(s);
      }
      check((await lender.store.reportCount()) === ours, `the lender holds ${await lender.store.reportCount()} reports, the workstation made ${ours}`);
      // Every chained record of the placement reached the lender in exactly one report.
      const reported = new Map<number, number>();
      for (const s of lenderSeqs) {
        const held = await lender.store.reportBySeq(final.workstationId, placementId, s);
        const r = JSON.parse(held!.text) as { chain: { links: { seq: number; record?: unknown }[] } };
        for (const l of r.chain.links) if (l.record) reported.set(l.seq, (reported.get(l.seq) ?? 0) + 1);
      }
      const placementLinks = chainRepo(final.db).all().filter((r) => r.placement_id === placementId);
      for (const l of placementLinks) check(reported.get(l.seq) === 1, `chain record ${l.seq} reached the lender ${reported.get(l.seq) ?? 0} times`);
      const paymentsImported = (final.db.prepare("SELECT count(*) AS n FROM payments WHERE source = 'lender'").get() as { n: number }).n;
      check(paymentsImported === opts.kills, `imported ${paymentsImported} lender payments of ${opts.kills}`);
      return { kills: opts.kills, committed: committed.size, chainLength: chainRepo(final.db).count(), reportsAccepted: ours, paymentsImported };
    } finally {
      final.db.close();
    }
  } finally {
    await lender.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
