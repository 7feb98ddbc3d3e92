/**
 * Call steps enforced through the API (issue 14, item 3) and attested facts (issue 16, item 8):
 * a right-party conversation without the disclosure (US) or ID&V (UK) is refused with the rule named
 * and writes only the decision (its chain record and outbox row) and an audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, LogContactResult, QueuePage } from '../../../common/api/types';
import type { Decision } from '../../../common/domain/guardrails';
import { dbFingerprint, demoBackend } from '../../support/backend';

// 15:00 in London, 10:00 in New York: UK and US cases are within their hours.
const UK_US_DAYTIME = '2026-11-25T15:00:00.000Z';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 150, now: UK_US_DAYTIME });
});
afterAll(() => t.cleanup());

const used = new Set<string>();
async function freshCase(preset: 'us-regf' | 'uk-conc'): Promise<{ c: CaseDetail; phone: string }> {
  const page = await t.call<QueuePage>('cases.queue', { filters: { contactableNow: true }, limit: 500 });
  for (const row of page.rows) {
    if (row.preset !== preset || used.has(row.id) || Object.values(row.flags).some(Boolean)) continue;
    const c = await t.call<CaseDetail>('cases.get', { caseId: row.id });
    const phone = c.contactPoints.find((p) => p.party === 'borrower' && (p.kind === 'mobile' || p.kind === 'phone') && !p.invalid);
    if (!phone || c.contactability.decision.verdict === 'block') continue;
    used.add(row.id);
    return { c, phone: phone.id };
  }
  throw new Error(`no contactable ${preset} case in the demo`);
}

const CHANGED_BY_A_REFUSAL = ['audit_log', 'chain', 'guardrail_decisions', 'outbox', 'outbox_counts'];

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((k) => after[k] !== before[k]).sort();
}

async function refused(input: Record<string, unknown>, rule: string): Promise<void> {
  const before = dbFingerprint(t.db);
  const r = await t.backend.dispatch('contacts.log', input);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('GUARDRAIL_BLOCKED');
  expect(r.error.message).toContain(rule);
  const decision = (r.error.details as { decision: Decision }).decision;
  expect(decision.reasons.filter((x) => x.severity === 'block').map((x) => x.rule)).toContain(rule);
  const changed = changedTables(before, dbFingerprint(t.db));
  expect(changed.every((k) => CHANGED_BY_A_REFUSAL.includes(k)), changed.join(', ')).toBe(true);
  expect(changed).toContain('guardrail_decisions');
  expect(changed).toContain('audit_log');
}

describe('call steps', () => {
  it('US: a right-party call without disclosureConfirmed is refused (US-DISCLOSURE); with it, recorded', async () => {
    const { c, phone } = await freshCase('us-regf');
    const call = { caseId: c.id, channel: 'call', contactPointId: phone, result: 'connected', outcome: 'right_party' };
    await refused(call, 'US-DISCLOSURE');
    const ok = await t.call<LogContactResult>('contacts.log', { ...call, disclosureConfirmed: true });
    expect(ok.activityId).not.toBeNull();
  });

  it('US: a visit is a conversation too; a no-answer call needs no disclosure', async () => {
    const { c, phone } = await freshCase('us-regf');
    await refused({ caseId: c.id, channel: 'visit', contactPointId: null, result: 'connected', outcome: 'right_party', collectors: 2 }, 'US-DISCLOSURE');
    const r = await t.call<LogContactResult>('contacts.log', { caseId: c.id, channel: 'call', contactPointId: phone, result: 'no_answer', outcome: 'no_answer' });
    expect(r.activityId).not.toBeNull();
  });

  it('UK: a right-party call with a promise and without identityVerified is refused (UK-IDV), outbound and inbound', async () => {
    const { c, phone } = await freshCase('uk-conc');
    const call = {
      caseId: c.id, channel: 'call', contactPointId: phone, result: 'connected', outcome: 'promise_to_pay',
      promise: { amountMinor: 10_000, dueDate: '2026-12-01' },
    };
    await refused(call, 'UK-IDV');
    await refused({ ...call, direction: 'inbound' }, 'UK-IDV');
    const ok = await t.call<LogContactResult>('contacts.log', { ...call, identityVerified: true });
    expect(ok.activityId).not.toBeNull();
  });

  it('the live check says the same before Submit', async () => {
    const { c, phone } = await freshCase('uk-conc');
    const d = await t.call<Decision>('contacts.check', { caseId: c.id, channel: 'call', contactPointId: phone, result: 'connected' });
    expect(d.verdict).toBe('block');
    expect(d.reasons.map((r) => r.rule)).toContain('UK-IDV');
    const ok = await t.call<Decision>('contacts.check', { caseId: c.id, channel: 'call', contactPointId: phone, result: 'connected', identityVerified: true });
    expect(ok.reasons.map((r) => r.rule)).not.toContain('UK-IDV');
  });
});

describe('attested facts and unsolicited records', () => {
  it('an inbound call with a threat is recorded, shown to the collector and marked for QA review', async () => {
    const { c, phone } = await freshCase('us-regf');
    const r = await t.call<LogContactResult>('contacts.log', {
      caseId: c.id, channel: 'call', direction: 'inbound', contactPointId: phone, result: 'connected', outcome: 'right_party',
      disclosureConfirmed: true, text: 'Told him we will have him arrested if he does not pay today.',
    });
    expect(r.activityId).not.toBeNull();
    expect(r.decision.reasons.some((x) => x.severity === 'qa')).toBe(true);
    const marks = t.db.prepare("SELECT mark, reason FROM activity_marks WHERE activity_id = ?").all(r.activityId) as { mark: string; reason: string }[];
    expect(marks.map((m) => m.mark)).toEqual(['qa_review']);
  });

  it('a note with a threat is marked for QA review, never refused; a clean note is not marked', async () => {
    const { c } = await freshCase('uk-conc');
    const bad = await t.call<LogContactResult>('contacts.log', { caseId: c.id, channel: 'note', result: 'sent', outcome: 'sent', text: 'We will send the bailiffs and have you arrested.' });
    const clean = await t.call<LogContactResult>('contacts.log', { caseId: c.id, channel: 'note', result: 'sent', outcome: 'sent', text: 'Customer asked for a call next week.' });
    const marks = (id: string | null) => (t.db.prepare('SELECT count(*) AS n FROM activity_marks WHERE activity_id = ?').get(id) as { n: number }).n;
    expect(marks(bad.activityId)).toBe(1);
    expect(marks(clean.activityId)).toBe(0);
  });

  it('identity verification and collectors are in the chain record with who attested them and when', async () => {
    const { c, phone } = await freshCase('uk-conc');
    const r = await t.call<LogContactResult>('contacts.log', { caseId: c.id, channel: 'call', contactPointId: phone, result: 'connected', outcome: 'right_party', identityVerified: true });
    const row = t.db.prepare("SELECT canonical FROM chain WHERE canonical LIKE ?").get(`%${r.activityId}%`) as { canonical: string };
    const body = (JSON.parse(row.canonical) as { body: Record<string, unknown> }).body;
    const me = t.db.prepare("SELECT id FROM users WHERE username = 'wang.fang'").get() as { id: string };
    expect(body).toMatchObject({ identityVerified: true, collectors: 1, attestedBy: me.id, attestedAt: UK_US_DAYTIME });
  });

  it('guardrail messages name the masked number, never the contact point id', async () => {
    const { c, phone } = await freshCase('us-regf');
    await t.call('contacts.log', { caseId: c.id, channel: 'call', contactPointId: phone, result: 'no_answer', outcome: 'no_answer' });
    const d = await t.call<Decision>('contacts.check', { caseId: c.id, channel: 'call', contactPointId: phone });
    const pattern = d.reasons.find((r) => r.rule === 'US-PATTERN');
    expect(pattern).toBeDefined();
    const shown = c.contactPoints.find((p) => p.id === phone)!.value;
    for (const text of [pattern!.message.en, pattern!.message['zh-CN']]) {
      expect(text).not.toContain(phone);
      expect(text).toContain(shown);
    }
  });
});
