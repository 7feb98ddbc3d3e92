/** The backend through its one door, over a real SQLite file with the demo agency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, LogContactResult, QueuePage } from '../../../common/api/types';
import { verifyAudit } from '../../../main/backend/audit/audit';
import { auditRepo } from '../../../db/repos/audit';
import { queueRepo } from '../../../db/repos/queue';
import { dbFingerprint, demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 120 });
});
afterAll(() => t.cleanup());

const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function cnCase(): Promise<CaseDetail> {
  const page = await t.call<QueuePage>('cases.queue', { filters: { contactableNow: true }, limit: 500 });
  const row = page.rows.find((r) => r.preset === 'cn' && !r.flags.cease && !r.flags.dispute && !r.flags.vulnerable);
  if (!row) throw new Error('no contactable CN case in the demo');
  return t.call<CaseDetail>('cases.get', { caseId: row.id });
}

describe('the work queue', () => {
  it('pages the supervisor’s whole team, contactable cases first, then by priority', async () => {
    const page = await t.call<QueuePage>('cases.queue', { limit: 50 });
    expect(page.total).toBe(120);
    expect(page.rows).toHaveLength(50);
    const firstBlocked = page.rows.findIndex((r) => !r.contactableNow);
    if (firstBlocked >= 0) expect(page.rows.slice(firstBlocked).every((r) => !r.contactableNow)).toBe(true);
    const contactable = page.rows.filter((r) => r.contactableNow);
    for (let i = 1; i < contactable.length; i++) expect(contactable[i - 1]!.priority).toBeGreaterThanOrEqual(contactable[i]!.priority);
  });

  it('sorts by balance and days past due in both directions', async () => {
    const desc = await t.call<QueuePage>('cases.queue', { sort: 'balance', limit: 120 });
    const minors = desc.rows.map((r) => r.balance.minor);
    expect(minors).toEqual([...minors].sort((a, b) => b - a));
    const asc = await t.call<QueuePage>('cases.queue', { sort: 'dpd', dir: 'asc', limit: 120 });
    const dpds = asc.rows.map((r) => r.dpd);
    expect(dpds).toEqual([...dpds].sort((a, b) => a - b));
  });

  it('masks borrower names in the queue', async () => {
    const page = await t.call<QueuePage>('cases.queue', { limit: 120 });
    for (const r of page.rows) expect(r.borrowerName).toContain('*');
  });

  it('finds a case by part of a Chinese name and by reference', async () => {
    const full = t.db.prepare("SELECT c.reference, b.full_name FROM cases c JOIN borrowers b ON b.id = c.borrower_id WHERE c.reference LIKE 'AX-%' LIMIT 1").get() as { reference: string; full_name: string };
    const byName = await t.call<QueuePage>('cases.queue', { search: full.full_name.slice(1) });
    expect(byName.rows.map((r) => r.reference)).toContain(full.reference);
    const byRef = await t.call<QueuePage>('cases.queue', { search: full.reference });
    expect(byRef.rows[0]?.reference).toBe(full.reference);
  });

  it('filters by bucket', async () => {
    const m1 = await t.call<QueuePage>('cases.queue', { filters: { bucket: 'M1' }, limit: 500 });
    expect(m1.rows.every((r) => r.dpd >= 1 && r.dpd <= 30)).toBe(true);
  });
});

describe('the boundary', () => {
  it('answers a malformed argument with a typed validation error and changes nothing', async () => {
    const before = dbFingerprint(t.db);
    const r = await t.backend.dispatch('contacts.log', { caseId: 'not-an-id', channel: 'fax', result: 'connected', outcome: 'right_party' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/caseId/);
    expect((r.error.details as { issues: { path: string[] }[] }).issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['caseId', 'channel']));
    expect(dbFingerprint(t.db)).toEqual(before);
  });

  it('refuses unknown keys and unknown methods', async () => {
    const r1 = await t.backend.dispatch('cases.get', { caseId: '0192f0a0-0000-7000-8000-000000000000', extra: 1 });
    expect(r1.ok || r1.error.code).toBe('VALIDATION');
    const r2 = await t.backend.dispatch('cases.drop', {});
    expect(r2.ok || r2.error.code).toBe('UNKNOWN_METHOD');
    const r3 = await t.backend.dispatch('__proto__.constructor', {});
    expect(r3.ok || r3.error.code).toBe('UNKNOWN_METHOD');
  });
});

describe('personal data', () => {
  it('is masked in a case and revealed only with a reason, each reveal audited', async () => {
    const c = await cnCase();
    expect(c.borrower.nationalId).toMatch(/\*/);
    const mobile = c.contactPoints.find((p) => p.kind === 'mobile')!;
    expect(mobile.value).toMatch(/\*/);
    const noReason = await t.backend.dispatch('cases.reveal', { caseId: c.id, field: 'contactPoint', contactPointId: mobile.id, reason: '' });
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
    const auditBefore = count('audit_log');
    const revealed = await t.call<{ value: string }>('cases.reveal', { caseId: c.id, field: 'contactPoint', contactPointId: mobile.id, reason: 'calling the borrower back' });
    expect(revealed.value).toMatch(/^1\d{10}$/);
    const rows = auditRepo.byObject(t.db, 'contact_point', mobile.id);
    expect(count('audit_log')).toBe(auditBefore + 1);
    expect(rows.at(-1)).toMatchObject({ action: 'pii.reveal', outcome: 'ok' });
    expect(JSON.parse(rows.at(-1)!.details_json)).toMatchObject({ reason: 'calling the borrower back', field: 'contactPoint' });
    expect(rows.at(-1)!.details_json).not.toContain(revealed.value);
    expect(verifyAudit(auditRepo.all(t.db))).toBeNull();
  });
});

describe('logging a contact', () => {
  it('writes activity, decision, chain, outbox and audit together, and moves the case', async () => {
    const c = await cnCase();
    const mobile = c.contactPoints.find((p) => p.kind === 'mobile')!;
    const before = { activities: count('activities'), chain: count('chain'), outbox: count('outbox'), decisions: count('guardrail_decisions'), promises: count('promises') };
    const r = await t.call<LogContactResult>('contacts.log', {
      caseId: c.id, channel: 'call', contactPointId: mobile.id, result: 'connected', outcome: 'promise_to_pay',
      disclosureConfirmed: true, promise: { amountMinor: 50000, dueDate: '2026-12-01' },
    });
    expect(r.activityId).not.toBeNull();
    expect(r.decision.verdict).not.toBe('block');
    expect(count('activities')).toBe(before.activities + 1);
    expect(count('guardrail_decisions')).toBe(before.decisions + 1);
    expect(count('promises')).toBe(before.promises + 1);
    // Decision, activity and promise; and, when the case had an arrangement, its superseding.
    const superseded = c.ledger.activeArrangement ? 1 : 0;
    expect(count('chain')).toBe(before.chain + 3 + superseded);
    expect(count('outbox')).toBe(before.outbox + 3 + superseded);
    const after = await t.call<CaseDetail>('cases.get', { caseId: c.id });
    expect(after.status).toBe('promise');
    expect(after.timeline.some((i) => i.id === r.activityId)).toBe(true);
  });

  it('refuses a contact the guardrails block, recording only the decision', async () => {
    const c = await cnCase();
    const mobile = c.contactPoints.find((p) => p.kind === 'mobile')!;
    await t.call('contacts.log', { caseId: c.id, channel: 'call', contactPointId: mobile.id, result: 'connected', outcome: 'cease_requested', disclosureConfirmed: true });
    const before = dbFingerprint(t.db);
    const r = await t.backend.dispatch('contacts.log', { caseId: c.id, channel: 'call', contactPointId: mobile.id, result: 'no_answer', outcome: 'no_answer' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('GUARDRAIL_BLOCKED');
    const after = dbFingerprint(t.db);
    expect(after.activities).toBe(before.activities);
    expect(after.guardrail_decisions).not.toBe(before.guardrail_decisions);
  });

  it('an UPDATE or DELETE of an activity fails', () => {
    expect(() => t.db.prepare("UPDATE activities SET outcome = 'paid'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM activities').run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('roles', () => {
  it('a collector sees only their own cases; another collector’s case is refused and audited', async () => {
    const zhang = t.as('zhang.wei');
    const li = t.as('li.na');
    try {
      const mine = await zhang.dispatch('cases.queue', { limit: 500 });
      if (!mine.ok) throw new Error(mine.error.message);
      const rows = (mine.value as QueuePage).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect((mine.value as QueuePage).total).toBeLessThan(120);
      const target = rows[0]!.id;
      const before = count('audit_log');
      const r = await li.dispatch('cases.get', { caseId: target });
      expect(r.ok || r.error.code).toBe('FORBIDDEN');
      expect(count('audit_log')).toBe(before + 1);
    } finally {
      zhang.close();
      li.close();
    }
  });
});

describe('reference search', () => {
  it('finds a case by the last digits of its reference', async () => {
    const ref = (t.db.prepare("SELECT reference FROM cases WHERE reference LIKE 'AX-%' LIMIT 1").get() as { reference: string }).reference;
    const tail = ref.slice(-5);
    const r = await t.call<QueuePage>('cases.queue', { search: tail, limit: 500 });
    expect(r.rows.map((x) => x.reference)).toContain(ref);
    expect(r.rows.every((x) => x.reference.includes(tail) || x.borrowerName.length > 0)).toBe(true);
    const none = await t.call<QueuePage>('cases.queue', { search: '%_%' });
    expect(none.total).toBe(0);
  });

  it('finds its cases by rowid from the match and the references, never by testing every case row', () => {
    const { sql, params } = queueRepo.countStatement({ assigneeIds: null, statuses: ['open'], ftsMatch: '"10"*', referencePart: '10' });
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join(' | ')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan.filter((d) => /^SCAN c\b/.test(d))).toEqual([]);
  });
});
