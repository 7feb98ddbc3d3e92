/** The ledger through the API, as the renderer calls it, over a real SQLite file with the demo agency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../common/api/result';
import type { CaseDetail, PaymentResult, PlanView, QueuePage } from '../../../common/api/types';
import type { BalanceView, SettlementView } from '../../../common/api/types-ledger';
import { checkStored } from '../../../main/backend/services/ledger/state';
import { demoBackend } from '../../support/backend';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 120 });
});
afterAll(() => t.cleanup());

let refs = 0;
const ref = () => `TEST-${++refs}`;

/** A fresh open case with no arrangement yet, in the given preset. */
async function openCase(preset: 'cn' | 'us-regf' | 'uk-conc', used: Set<string>): Promise<CaseDetail> {
  const page = await t.call<QueuePage>('cases.queue', { limit: 500 });
  for (const r of page.rows) {
    if (r.preset !== preset || r.status !== 'open' || used.has(r.id)) continue;
    const d = await t.call<CaseDetail>('cases.get', { caseId: r.id });
    if (d.ledger.activeArrangement === null && d.balance.minor > 100_000) {
      used.add(r.id);
      return d;
    }
  }
  throw new Error(`no open ${preset} case without an arrangement`);
}

const used = new Set<string>();
const fail = async (name: string, input: unknown) => {
  const r = (await t.backend.dispatch(name, input)) as Result<unknown>;
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
};
const today = (d: CaseDetail) => d.ledger.today;
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('a payment lowers the balance', () => {
  it('by exactly its amount: 123.45 lowers balance.minor by 12,345, and the breakdown follows the order', async () => {
    const d = await openCase('cn', used);
    await t.call<PaymentResult>('promises.recordPayment', { caseId: d.id, amountMinor: 12_345, paidOn: today(d), reference: ref() });
    const after = await t.call<CaseDetail>('cases.get', { caseId: d.id });
    expect(after.balance.minor).toBe(d.balance.minor - 12_345);
    expect(after.ledger.balance.minor).toBe(after.balance.minor);
    const paid = (x: CaseDetail) => Object.values(x.ledger.components).reduce((s, l) => s + l.paid.minor, 0);
    expect(paid(after) - paid(d)).toBe(12_345);
    expect(after.breakdown.principal.minor + after.breakdown.interest.minor + after.breakdown.penalty.minor + after.breakdown.fees.minor).toBe(after.balance.minor);
    const queue = await t.call<QueuePage>('cases.queue', { search: d.reference });
    expect(queue.rows.find((r) => r.id === d.id)?.balance.minor).toBe(after.balance.minor);
  });

  it('refuses a duplicate reference with payment.duplicateReference, and changes nothing', async () => {
    const d = await openCase('cn', used);
    const r = ref();
    await t.call('promises.recordPayment', { caseId: d.id, amountMinor: 100, paidOn: today(d), reference: r });
    const e = await fail('promises.recordPayment', { caseId: d.id, amountMinor: 100, paidOn: today(d), reference: r });
    expect(e.code).toBe('CONFLICT');
    expect(e.reason).toEqual({ key: 'payment.duplicateReference', params: { reference: r } });
    expect((await t.call<CaseDetail>('cases.get', { caseId: d.id })).balance.minor).toBe(d.balance.minor - 100);
  });

  it('an overpayment leaves balance 0 and the excess as credit due back', async () => {
    const d = await openCase('uk-conc', used);
    await t.call('promises.recordPayment', { caseId: d.id, amountMinor: d.balance.minor + 501, paidOn: today(d), reference: ref() });
    const after = await t.call<CaseDetail>('cases.get', { caseId: d.id });
    expect(after.balance.minor).toBe(0);
    expect(after.ledger.credit.minor).toBe(501);
    // UK preset: principal is paid first.
    expect(after.ledger.allocationOrder[0]).toBe('principal');
  });

  it('a reversal restores the balance and undoes the credit to the arrangement; a second one is refused', async () => {
    const d = await openCase('cn', used);
    await t.call('promises.create', { caseId: d.id, amountMinor: 5_000, dueDate: plusDays(today(d), 5) });
    const pay = await t.call<PaymentResult>('promises.recordPayment', { caseId: d.id, amountMinor: 5_000, paidOn: today(d), reference: ref() });
    expect(pay.promises.find((p) => p.status === 'kept')?.credited?.minor).toBe(5_000);
    const v = await t.call<BalanceView>('promises.reversePayment', { caseId: d.id, paymentId: pay.paymentId, kind: 'returned', reason: 'bank returned the transfer' });
    expect(v.balance.minor).toBe(d.balance.minor);
    const after = await t.call<CaseDetail>('cases.get', { caseId: d.id });
    expect(after.promises[0]?.status).toBe('open');
    expect(after.promises[0]?.credited?.minor).toBe(0);
    const e = await fail('promises.reversePayment', { caseId: d.id, paymentId: pay.paymentId, kind: 'returned', reason: 'bank returned the transfer' });
    expect(e.reason?.key).toBe('payment.alreadyReversed');
  });

  it('a collector may not reverse a payment', async () => {
    const d = await openCase('cn', used);
    const collector = t.as('zhang.wei');
    const r = (await collector.dispatch('promises.reversePayment', { caseId: d.id, paymentId: d.id, kind: 'returned', reason: 'bank returned it' })) as Result<unknown>;
    collector.close();
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });
});

describe('one arrangement at a time', () => {
  it('promise → plan → second plan → payment of 300.00: one active, at most 300.00 credited in all', async () => {
    const d = await openCase('uk-conc', used);
    const first = plusDays(today(d), 3);
    await t.call('promises.create', { caseId: d.id, amountMinor: 25_000, dueDate: first });
    await t.call<PlanView>('promises.createPlan', { caseId: d.id, totalMinor: 90_000, count: 3, firstDueDate: first, frequency: 'monthly' });
    const plan2 = await t.call<PlanView>('promises.createPlan', { caseId: d.id, totalMinor: 60_000, count: 2, firstDueDate: first, frequency: 'monthly', replaceReason: 'borrower asked for fewer installments' });
    await t.call('promises.recordPayment', { caseId: d.id, amountMinor: 30_000, paidOn: today(d), reference: ref() });
    const after = await t.call<CaseDetail>('cases.get', { caseId: d.id });
    const active = [...after.plans.filter((p) => p.status === 'active'), ...after.promises.filter((p) => p.status === 'open')];
    expect(active.map((a) => a.id)).toEqual([plan2.id]);
    const credited = after.plans.flatMap((p) => p.installments).reduce((s, i) => s + i.paid.minor, 0) + after.promises.reduce((s, p) => s + (p.credited?.minor ?? 0), 0);
    expect(credited).toBeLessThanOrEqual(30_000);
    expect(credited).toBe(30_000);
    expect(after.plans.find((p) => p.id === plan2.id)?.installments.map((i) => [i.paid.minor, i.status])).toEqual([[30_000, 'kept'], [0, 'due']]);
    const superseded = [...after.promises, ...after.plans].filter((a) => a.status === 'superseded');
    expect(superseded).toHaveLength(2);
    expect(superseded.every((a) => a.ended?.by && a.ended.reason && a.ended.at)).toBe(true);
    expect(after.plans.find((p) => p.status === 'superseded')?.ended?.reason).toBe('borrower asked for fewer installments');
  });

  it('refuses a plan above the balance, and accepts one of exactly the balance', async () => {
    const d = await openCase('cn', used);
    const e = await fail('promises.createPlan', { caseId: d.id, totalMinor: d.balance.minor + 1, count: 2, firstDueDate: plusDays(today(d), 1), frequency: 'monthly' });
    expect(e.reason?.key).toBe('plan.exceedsBalance');
    await t.call('promises.createPlan', { caseId: d.id, totalMinor: d.balance.minor, count: 2, firstDueDate: plusDays(today(d), 1), frequency: 'monthly' });
  });
});

describe('outcomes follow the money', () => {
  it('paid_in_full is refused while money is owed, allowed at zero, and cancels the open arrangement', async () => {
    const d = await openCase('us-regf', used);
    await t.call('promises.create', { caseId: d.id, amountMinor: 1_000, dueDate: plusDays(today(d), 2) });
    const e = await fail('cases.setOutcome', { caseId: d.id, outcome: 'paid_in_full', reason: 'borrower says it is paid' });
    expect(e.code).toBe('CONFLICT');
    expect(e.reason?.key).toBe('outcome.balanceOwed');
    expect(String(e.reason?.params?.amount)).toMatch(/\d/);
    await t.call('promises.create', { caseId: d.id, amountMinor: d.balance.minor, dueDate: plusDays(today(d), 2) });
    await t.call('promises.recordPayment', { caseId: d.id, amountMinor: d.balance.minor - 1, paidOn: today(d), reference: ref() });
    expect((await fail('cases.setOutcome', { caseId: d.id, outcome: 'paid_in_full', reason: 'one cent short' })).reason?.key).toBe('outcome.balanceOwed');
    await t.call('promises.recordPayment', { caseId: d.id, amountMinor: 1, paidOn: today(d), reference: ref() });
    const closed = await t.call<CaseDetail>('cases.setOutcome', { caseId: d.id, outcome: 'paid_in_full', reason: 'paid by two transfers' });
    expect(closed.status).toBe('closed');
    expect(closed.timeline.some((i) => i.kind === 'outcome' && i.title === 'outcome.paid_in_full')).toBe(true);
  });

  it('closing cancels the active arrangement with the reason; legal_review keeps the case and its arrangement open', async () => {
    const d = await openCase('cn', used);
    await t.call('promises.createPlan', { caseId: d.id, totalMinor: 10_000, count: 2, firstDueDate: plusDays(today(d), 1), frequency: 'monthly' });
    const legal = await t.call<CaseDetail>('cases.setOutcome', { caseId: d.id, outcome: 'legal_review', reason: 'borrower disputes the debt in court' });
    expect(legal.status).not.toBe('closed');
    expect(legal.plans[0]?.status).toBe('active');
    expect(legal.timeline.find((i) => i.kind === 'outcome')?.detail.arrangement).toBe('kept_open');
    const back = await t.call<CaseDetail>('cases.setOutcome', { caseId: d.id, outcome: 'returned_to_lender', reason: 'lender takes it to court' });
    expect(back.status).toBe('closed');
    expect(back.plans[0]?.status).toBe('cancelled');
    expect(back.plans[0]?.ended?.reason).toBe('outcome returned_to_lender: lender takes it to court');
  });

  it('settled needs a fulfilled settlement; within authority the collector agrees it, paying it writes off the rest', async () => {
    const d = await openCase('cn', used);
    t.db.prepare("UPDATE placements SET ledger_terms_json = '{\"discountAuthorityBps\":2000}' WHERE id = (SELECT placement_id FROM cases WHERE id = ?)").run(d.id);
    expect((await fail('cases.setOutcome', { caseId: d.id, outcome: 'settled', reason: 'borrower offered less' })).reason?.key).toBe('outcome.settlementNotFulfilled');
    const offer = Math.ceil((d.balance.minor * 8) / 10);
    const s = await t.call<SettlementView>('promises.proposeSettlement', { caseId: d.id, amountMinor: offer, dueDate: plusDays(today(d), 7), reason: 'hardship, one lump sum' });
    expect(s.status).toBe('agreed');
    await t.call('promises.recordPayment', { caseId: d.id, amountMinor: offer, paidOn: today(d), reference: ref() });
    const after = await t.call<CaseDetail>('cases.get', { caseId: d.id });
    expect(after.balance.minor).toBe(0);
    expect(after.ledger.postings.at(-1)).toMatchObject({ kind: 'discount', amount: { minor: d.balance.minor - offer } });
    expect(after.ledger.settlements[0]?.status).toBe('fulfilled');
    expect((await t.call<CaseDetail>('cases.setOutcome', { caseId: d.id, outcome: 'settled', reason: 'settlement paid' })).status).toBe('closed');
  });

  it('above the authority a settlement waits for a supervisor', async () => {
    const d = await openCase('uk-conc', used);
    const collector = t.as('zhang.wei');
    const owner = t.db.prepare('SELECT assignee_id FROM cases WHERE id = ?').get(d.id) as { assignee_id: string };
    collector.close();
    const s = await t.call<SettlementView>('promises.proposeSettlement', { caseId: d.id, amountMinor: Math.floor(d.balance.minor / 2), dueDate: plusDays(today(d), 7), reason: 'half now, rest forgiven' });
    expect(s.status).toBe('pending');
    expect(s.withinAuthority).toBe(false);
    expect((await t.call<SettlementView[]>('promises.settlements', {})).map((x) => x.id)).toContain(s.id);
    const decided = await t.call<SettlementView>('promises.decideSettlement', { settlementId: s.id, approve: true, reason: 'lender agreed by e-mail' });
    expect(decided.status).toBe('agreed');
    expect((await t.call<CaseDetail>('cases.get', { caseId: d.id })).ledger.activeArrangement?.id).toBe(decided.promiseId);
    void owner;
  });
});

describe('the stored balance is the ledger', () => {
  it('for every case, the balance and credit readers use equal the replayed postings', () => {
    const ids = t.db.prepare('SELECT id FROM cases').all() as { id: string }[];
    expect(ids.length).toBeGreaterThan(100);
    for (const { id } of ids) expect(checkStored(t.db, id)).toBeNull();
  });
});
