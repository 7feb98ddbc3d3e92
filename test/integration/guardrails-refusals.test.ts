/**
 * Refusal paths through the real backend (real SQLite file): a blocked or approval-required contact
 * writes only its decision (with the decision's own chain record and outbox row, as every decision is
 * reported to the lender) and an audit row — no activity, no flag, no promise, no case change. Overrides:
 * approved → usable once, for that case and those rules only; pending, refused, used or foreign ones refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, QueuePage } from '../../common/api/types';
import { dbFingerprint, demoBackend } from './../support/backend';

// Wednesday 25 Nov 2026, 12:00 in London: UK calls and texts are within hours.
const UK_NOON = '2026-11-25T12:00:00.000Z';
const PRESSURE_TEXT = 'Take out a payday loan and clear this today.';

let t: ReturnType<typeof demoBackend>;
let admin: ReturnType<ReturnType<typeof demoBackend>['as']>;
beforeAll(() => {
  t = demoBackend({ cases: 120, now: UK_NOON });
  admin = t.as('admin');
}, 120_000);
afterAll(() => {
  admin.close();
  t.cleanup();
});

const count = (table: string): number => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function ukCases(n: number): Promise<CaseDetail[]> {
  const page = await t.call<QueuePage>('cases.queue', { filters: { contactableNow: true }, limit: 500 });
  const rows = page.rows.filter((r) => r.preset === 'uk-conc' && !r.flags.cease && !r.flags.dispute && !r.flags.vulnerable).slice(0, n);
  if (rows.length < n) throw new Error('not enough contactable UK cases in the demo');
  return Promise.all(rows.map((r) => t.call<CaseDetail>('cases.get', { caseId: r.id })));
}

const mobileOf = (c: CaseDetail): string => (c.contactPoints.find((p) => p.kind === 'mobile') ?? c.contactPoints[0])!.id;

function sms(c: CaseDetail, overrideId?: string, outcome = 'right_party') {
  return { caseId: c.id, channel: 'sms', contactPointId: mobileOf(c), result: 'sent', outcome, text: PRESSURE_TEXT, ...(overrideId ? { overrideId } : {}) };
}

async function refusedWith(input: unknown): Promise<{ code: string; decisionId: string }> {
  const r = await t.backend.dispatch('contacts.log', input);
  if (r.ok) throw new Error('expected a refusal');
  return { code: r.error.code, decisionId: (r.error.details as { decisionId: string }).decisionId };
}

/** Tables whose content changed between two fingerprints. */
function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(b).filter((k) => a[k] !== b[k]).sort();
}

function expectOnlyDecision(before: Record<string, string>, counts: { chain: number; outbox: number; decisions: number; audit: number }, decisionId: string): void {
  const after = dbFingerprint(t.db);
  // Only the decision, its chain record and outbox row, and the audit row are written.
  expect(changed(before, after)).toEqual(['audit_log', 'chain', 'guardrail_decisions', 'outbox', 'outbox_counts'].filter((k) => k in after));
  expect(count('guardrail_decisions')).toBe(counts.decisions + 1);
  expect(count('chain')).toBe(counts.chain + 1);
  expect(count('outbox')).toBe(counts.outbox + 1);
  expect(count('audit_log')).toBe(counts.audit + 1);
  expect(t.db.prepare('SELECT record_type, record_id FROM chain ORDER BY seq DESC LIMIT 1').get()).toEqual({ record_type: 'decision', record_id: decisionId });
  const audit = t.db.prepare('SELECT action, outcome FROM audit_log ORDER BY rowid DESC LIMIT 1').get();
  expect(audit).toEqual({ action: 'contact.log', outcome: 'refused' });
}

const counts = () => ({ chain: count('chain'), outbox: count('outbox'), decisions: count('guardrail_decisions'), audit: count('audit_log') });

describe('a refused contact writes only its decision and audit row', () => {
  it('GUARDRAIL_BLOCKED (out of hours): no activity, no flag, no case change', async () => {
    const [c] = await ukCases(1);
    t.clock.set('2026-11-25T22:30:00.000Z'); // 22:30 in London
    try {
      const before = dbFingerprint(t.db);
      const n = counts();
      const r = await refusedWith({ caseId: c!.id, channel: 'call', contactPointId: mobileOf(c!), result: 'connected', outcome: 'dispute', disclosureConfirmed: true });
      expect(r.code).toBe('GUARDRAIL_BLOCKED');
      expectOnlyDecision(before, n, r.decisionId);
      const after = await t.call<CaseDetail>('cases.get', { caseId: c!.id });
      expect(after.flags.dispute).toBe(false);
      expect(after.status).toBe(c!.status);
    } finally {
      t.clock.set(UK_NOON);
    }
  });

  it('APPROVAL_REQUIRED (UK-FORBEARANCE): no activity, no flag, no case change', async () => {
    const [, c] = await ukCases(2);
    const before = dbFingerprint(t.db);
    const n = counts();
    const r = await refusedWith(sms(c!, undefined, 'dispute'));
    expect(r.code).toBe('APPROVAL_REQUIRED');
    expectOnlyDecision(before, n, r.decisionId);
    expect((await t.call<CaseDetail>('cases.get', { caseId: c!.id })).flags.dispute).toBe(false);
  });
});

describe('overrides', () => {
  let cases: CaseDetail[];
  beforeAll(async () => {
    cases = await ukCases(6);
  });

  async function requestFor(c: CaseDetail): Promise<string> {
    const r = await refusedWith(sms(c));
    expect(r.code).toBe('APPROVAL_REQUIRED');
    const o = await t.call<{ id: string; status: string }>('overrides.request', { decisionId: r.decisionId, reason: 'the borrower asked about refinancing options' });
    expect(o.status).toBe('pending');
    return o.id;
  }

  async function decide(overrideId: string, approve: boolean): Promise<void> {
    const r = await admin.dispatch('overrides.decide', { overrideId, approve, reason: approve ? 'reviewed the wording with the collector' : 'the wording pushes new borrowing' });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }

  it('approved: usable once, for its case; then used and refused', async () => {
    const c = cases[2]!;
    const id = await requestFor(c);
    await decide(id, true);
    const activities = count('activities');
    const ok = await t.call<{ activityId: string | null }>('contacts.log', sms(c, id));
    expect(ok.activityId).not.toBeNull();
    expect(count('activities')).toBe(activities + 1);
    expect((t.db.prepare('SELECT status FROM overrides WHERE id = ?').get(id) as { status: string }).status).toBe('used');
    const before = dbFingerprint(t.db);
    const n = counts();
    const again = await refusedWith(sms(c, id));
    expect(again.code).toBe('APPROVAL_REQUIRED');
    expectOnlyDecision(before, n, again.decisionId);
  });

  it('pending: refused', async () => {
    const c = cases[3]!;
    const id = await requestFor(c);
    const before = dbFingerprint(t.db);
    const n = counts();
    const r = await refusedWith(sms(c, id));
    expect(r.code).toBe('APPROVAL_REQUIRED');
    expectOnlyDecision(before, n, r.decisionId);
    expect((t.db.prepare('SELECT status FROM overrides WHERE id = ?').get(id) as { status: string }).status).toBe('pending');
  });

  it('refused: refused', async () => {
    const c = cases[4]!;
    const id = await requestFor(c);
    await decide(id, false);
    const r = await refusedWith(sms(c, id));
    expect(r.code).toBe('APPROVAL_REQUIRED');
    expect((t.db.prepare('SELECT status FROM overrides WHERE id = ?').get(id) as { status: string }).status).toBe('refused');
  });

  it('another case’s approved override: refused, and it stays usable for its own case', async () => {
    const [own, other] = [cases[5]!, cases[0]!];
    const id = await requestFor(own);
    await decide(id, true);
    const before = dbFingerprint(t.db);
    const n = counts();
    const r = await refusedWith(sms(other, id));
    expect(r.code).toBe('APPROVAL_REQUIRED');
    expectOnlyDecision(before, n, r.decisionId);
    expect((t.db.prepare('SELECT status FROM overrides WHERE id = ?').get(id) as { status: string }).status).toBe('approved');
    expect((await t.call<{ activityId: string | null }>('contacts.log', sms(own, id))).activityId).not.toBeNull();
  });

  it('an override that does not cover the rule needing approval: refused', async () => {
    const c = cases[1]!;
    const id = await requestFor(c);
    await decide(id, true);
    // Narrow the approved rules to one the decision does not need (as if approved for another rule).
    t.db.prepare('UPDATE overrides SET rules_json = ? WHERE id = ?').run(JSON.stringify(['UK-EXCESSIVE']), id);
    const r = await refusedWith(sms(c, id));
    expect(r.code).toBe('APPROVAL_REQUIRED');
    expect((t.db.prepare('SELECT status FROM overrides WHERE id = ?').get(id) as { status: string }).status).toBe('approved');
  });

  it('a block cannot be overridden, and a block is not lifted by an approved override', async () => {
    const c = cases[0]!;
    t.clock.set('2026-11-25T22:30:00.000Z');
    try {
      const r = await refusedWith({ caseId: c.id, channel: 'call', contactPointId: mobileOf(c), result: 'connected', outcome: 'right_party', disclosureConfirmed: true });
      expect(r.code).toBe('GUARDRAIL_BLOCKED');
      const req = await t.backend.dispatch('overrides.request', { decisionId: r.decisionId, reason: 'the borrower asked for a late call' });
      expect(req.ok).toBe(false);
      if (!req.ok) expect(req.error.code).toBe('CONFLICT');
    } finally {
      t.clock.set(UK_NOON);
    }
  });
});
