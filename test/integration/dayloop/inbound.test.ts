/** Inbound calls: finding the caller's cases by phone number, audited (issue 14, item 4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMatch } from '../../../common/api/methods/inbound';
import { demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 120, user: 'zhang.wei' });
});
afterAll(() => t.cleanup());

function phoneOf(username: string, not = true): { caseId: string; value: string } {
  return t.db
    .prepare(
      `SELECT c.id AS caseId, cp.value FROM cases c JOIN users u ON u.id = c.assignee_id JOIN contact_points cp ON cp.borrower_id = c.borrower_id
       WHERE ${not ? '' : 'NOT'} (u.username = ?) AND cp.kind = 'mobile' ORDER BY c.reference LIMIT 1`,
    )
    .get(username) as { caseId: string; value: string };
}

describe('inbound.findByPhone', () => {
  it('finds the borrower’s case by the whole number and by its last four digits, masked, and audits the search', async () => {
    const mine = phoneOf('zhang.wei');
    const auditBefore = (t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pii.phone_search'").get() as { n: number }).n;
    const whole = await t.call<InboundMatch[]>('inbound.findByPhone', { number: mine.value });
    expect(whole.map((m) => m.caseId)).toContain(mine.caseId);
    const last4 = await t.call<InboundMatch[]>('inbound.findByPhone', { number: mine.value.replace(/\D/g, '').slice(-4) });
    expect(last4.map((m) => m.caseId)).toContain(mine.caseId);
    for (const m of [...whole, ...last4]) {
      expect(m.contact).not.toBe(mine.value);
      expect(m.borrowerName).toContain('*');
    }
    const rows = t.db.prepare("SELECT details_json FROM audit_log WHERE action = 'pii.phone_search' ORDER BY seq").all() as { details_json: string }[];
    expect(rows.length).toBe(auditBefore + 2);
    for (const r of rows) expect(r.details_json).not.toContain(mine.value.replace(/\D/g, '').slice(-4));
  });

  it('does not find another collector’s borrower', async () => {
    const theirs = phoneOf('zhang.wei', false);
    const found = await t.call<InboundMatch[]>('inbound.findByPhone', { number: theirs.value });
    expect(found.map((m) => m.caseId)).not.toContain(theirs.caseId);
  });

  it('refuses three digits with a worded reason', async () => {
    const r = await t.backend.dispatch('inbound.findByPhone', { number: '123' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION' });
    const r5 = await t.backend.dispatch('inbound.findByPhone', { number: '12345' });
    expect(!r5.ok && r5.error.reason?.key).toBe('inbound.badNumber');
  });
});
