/** Test helpers: a real SQLite file in a temp dir, rows inserted with plain SQL, cheap keys. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../../common/ids';
import { openDatabase, type Db } from '../../../db/open';
import { fixedClock } from '../../../main/backend/clock';
import { newAppState, type AppContext } from '../../../main/backend/context';
import { passphraseProtector, type KeyProtector } from '../../../main/backend/crypto/protect';
import { recordChange } from '../../../main/backend/record/recordChange';
import type { AssignmentDraft } from '../../../lender/publish';

export function tempDir(prefix = 'casedesk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type TestApp = AppContext & { clock: ReturnType<typeof fixedClock> };

export function openTestApp(file: string, at = '2026-03-02T09:00:00.000Z', workstationId = newId()): TestApp {
  const db = openDatabase(file);
  const existing = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'workstation_id'").get();
  if (!existing) db.prepare("INSERT INTO settings (key, value) VALUES ('workstation_id', ?)").run(workstationId);
  return {
    db,
    clock: fixedClock(at),
    dataDir: file,
    host: 'test',
    workstationId: existing?.value ?? workstationId,
    log: () => undefined,
    services: {},
    state: newAppState(),
  };
}

/** scrypt at N=2^12: the format is the real one, the cost is a test's. */
export const testProtector = (): KeyProtector => passphraseProtector('correct horse battery staple', { N: 2 ** 12 });

export function insertCollector(db: Db): string {
  const id = newId();
  db.prepare(
    "INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, ?, 'Test Collector', 'collector', '2026-01-01T00:00:00.000Z')",
  ).run(id, `collector-${id.slice(-6)}`);
  return id;
}

/** A lender, placement, borrower and case written straight into the database (no lender server). */
export function seedLocalPlacement(db: Db, opts: { cases?: number } = {}): { lenderId: string; placementId: string; caseIds: string[] } {
  const lenderId = newId();
  const placementId = newId();
  const t = '2026-01-01T00:00:00.000Z';
  db.prepare('INSERT INTO lenders (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(lenderId, `L-${lenderId.slice(-6)}`, 'Test Lender', t);
  db.prepare(
    `INSERT INTO placements (id, lender_id, code, name, agreement_ref, preset, policy_version, currency, default_timezone, start_date, end_date, created_at)
     VALUES (?, ?, ?, 'Test placement', 'AGR-1', 'cn', 'v1', 'CNY', 'Asia/Shanghai', '2026-01-01', '2026-12-31', ?)`,
  ).run(placementId, lenderId, `P-${placementId.slice(-6)}`, t);
  const caseIds: string[] = [];
  for (let i = 0; i < (opts.cases ?? 1); i++) {
    const borrowerId = newId();
    const caseId = newId();
    db.prepare("INSERT INTO borrowers (id, full_name, created_at) VALUES (?, '张三', ?)").run(borrowerId, t);
    db.prepare(
      `INSERT INTO cases (id, placement_id, borrower_id, reference, currency, principal_minor, due_since, dpd, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'CNY', 100000, '2025-12-01', 40, ?, ?)`,
    ).run(caseId, placementId, borrowerId, `REF-${caseId.slice(-8)}`, t, t);
    caseIds.push(caseId);
  }
  return { lenderId, placementId, caseIds };
}

export interface LoggedActivity {
  id: string;
  seq: number;
  hash: string;
}

/** What a service does when a contact is logged: the row, its chain link and outbox row, one transaction. */
export function logActivity(
  app: AppContext,
  a: { caseId: string; placementId: string; collectorId: string; at: string; channel?: 'call' | 'sms' | 'email' | 'visit' | 'letter'; party?: 'borrower' | 'third_party'; result?: 'connected' | 'no_answer' },
): LoggedActivity {
  const id = newId();
  const channel = a.channel ?? 'call';
  const party = a.party ?? 'borrower';
  const result = a.result ?? 'connected';
  return app.db
    .transaction(() => {
      app.db
        .prepare(
          `INSERT INTO activities (id, case_id, at, channel, party, result, outcome, collector_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, a.caseId, a.at, channel, party, result, result === 'connected' ? 'right_party' : 'no_answer', a.collectorId, a.at);
      const link = recordChange(app, { type: 'activity', id, caseId: a.caseId, placementId: a.placementId, at: a.at, body: { channel, party, result } });
      return { id, ...link };
    })
    .immediate();
}

export function recordPayment(app: AppContext, a: { caseId: string; placementId: string; at: string; amountMinor: number; reference: string }): string {
  const id = newId();
  app.db
    .transaction(() => {
      app.db
        .prepare("INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, created_at) VALUES (?, ?, ?, 'CNY', ?, 'agency', ?, ?)")
        .run(id, a.caseId, a.amountMinor, a.at.slice(0, 10), a.reference, a.at);
      recordChange(app, { type: 'payment', id, caseId: a.caseId, placementId: a.placementId, at: a.at, body: { amountMinor: a.amountMinor, currency: 'CNY' } });
    })
    .immediate();
  return id;
}

/** An assignment as the lender would publish it: one placement, `n` cases with a borrower each. */
export function assignmentDraft(to: string, n = 2): { draft: AssignmentDraft; placementId: string; caseIds: string[] } {
  const placementId = newId();
  const caseIds = Array.from({ length: n }, () => newId());
  return {
    placementId,
    caseIds,
    draft: {
      to,
      placement: {
        id: placementId,
        code: `PL-${placementId.slice(-6)}`,
        name: 'Spring consumer loans',
        agreementRef: 'AGR-2026-01',
        preset: 'cn',
        policyVersion: 'cn-2026.1',
        currency: 'CNY',
        defaultTimezone: 'Asia/Shanghai',
        startDate: '2026-03-01',
        endDate: '2026-06-30',
      },
      cases: caseIds.map((id, i) => ({
        id,
        reference: `C-${id.slice(-8)}`,
        borrower: { id: newId(), fullName: `借款人${i}`, timezones: ['Asia/Shanghai'] },
        currency: 'CNY',
        principalMinor: 500_000 + i,
        interestMinor: 1_000,
        dueSince: '2026-01-15',
        dpd: 45,
        debts: [{ id: newId(), reference: `LN-${i}`, product: 'cash loan' }],
        contactPoints: [{ id: newId(), kind: 'mobile', party: 'borrower', value: `1380000000${i}` }],
        lenderContacts: [{ id: newId(), at: '2026-02-20T02:00:00.000Z', channel: 'call', party: 'borrower', contactKey: 'mobile:1', result: 'no_answer' }],
      })),
    },
  };
}

/** Bounded polling for things with no event to await (a restarted process). */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
