/**
 * The balance as every reader should see it. `balanceView` is what `cases.get` returns;
 * `currentBalance` is the one function letters, exports and other readers call for the amount owed.
 */
import type { Money } from '../../../../common/api/types';
import type { BalanceView, ComponentLine, PostingView, SettlementView } from '../../../../common/api/types-ledger';
import type { COMPONENTS} from '../../../../common/domain/ledger';
import { withinAuthority } from '../../../../common/domain/ledger';
import { casesRepo, type CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo, type SettlementRow } from '../../../../db/repos/ledger';
import { promisesRepo } from '../../../../db/repos/promises';
import { usersRepo } from '../../../../db/repos/users';
import type { Db } from '../../../../db/open';
import { activeArrangements } from './arrangements';
import { caseLedger, caseToday, termsOf } from './state';

/** What the case owes now and the credit due back, in its currency (null: no such case). */
export function currentBalance(db: Db, caseId: string): { balance: Money; credit: Money } | null {
  const s = ledgerRepo.stored(db, caseId);
  const c = s ? casesRepo.byId(db, caseId) : undefined;
  if (!s || !c) return null;
  return { balance: { minor: s.balance_minor, currency: c.currency }, credit: { minor: s.credit_minor, currency: c.currency } };
}

export function settlementView(db: Db, s: SettlementRow, reference: string, authorityBps: number): SettlementView {
  const name = (id: string | null) => (id ? (usersRepo.byId(db, id)?.display_name ?? null) : null);
  const money = (minor: number) => ({ minor, currency: s.currency });
  return {
    id: s.id,
    caseId: s.case_id,
    caseReference: reference,
    amount: money(s.amount_minor),
    balanceAtOffer: money(s.balance_minor),
    dueDate: s.due_date,
    status: s.status,
    withinAuthority: withinAuthority(s.balance_minor, s.amount_minor, authorityBps),
    requestedBy: name(s.requested_by),
    requestedAt: s.requested_at,
    reason: s.reason,
    decidedBy: name(s.decided_by),
    decidedAt: s.decided_at,
    decisionReason: s.decision_reason,
    promiseId: s.promise_id,
  };
}

export function balanceView(db: Db, c: CaseRow, now: Date): BalanceView {
  const ledger = caseLedger(db, c.id, c.placement_id);
  const { state } = ledger;
  const money = (minor: number) => ({ minor, currency: c.currency });
  const line = (k: (typeof COMPONENTS)[number]): ComponentLine => ({
    placed: money(state.placed[k]),
    adjusted: money(state.adjusted[k]),
    paid: money(state.paid[k]),
    discounted: money(state.discounted[k]),
    remaining: money(state.remaining[k]),
  });
  const refs = new Map(promisesRepo.paymentsByCase(db, c.id).map((p) => [p.id, p.reference]));
  const reversed = new Set(state.payments.filter((p) => p.reversed).map((p) => p.id));
  const postings: PostingView[] = ledger.rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    effectiveOn: r.effective_on,
    amount: money(r.amount_minor),
    delta: money(r.delta_minor),
    component: r.component,
    reason: r.reason,
    paymentId: r.payment_id,
    reference: r.payment_id ? (refs.get(r.payment_id) ?? null) : null,
    reversed: r.payment_id !== null && reversed.has(r.payment_id),
    createdAt: r.created_at,
  }));
  const { zone, today } = caseToday(db, c, now);
  const terms = termsOf(db, c.placement_id);
  const [active] = activeArrangements(db, c.id);
  return {
    balance: money(state.balanceMinor),
    credit: money(state.creditMinor),
    components: { principal: line('principal'), interest: line('interest'), penalty: line('penalty'), fees: line('fees') },
    allocationOrder: [...terms.allocationOrder],
    zone,
    today,
    discountAuthorityBps: terms.discountAuthorityBps,
    activeArrangement: active ? { kind: active.kind, id: active.id } : null,
    postings,
    settlements: ledgerRepo.settlementsOfCase(db, c.id).map((s) => settlementView(db, s, c.reference, terms.discountAuthorityBps)),
  };
}

/**
 * What a letter, SMS or e-mail should state: the balance and what each component still owes, from
 * the ledger (the placed amounts on the case row are what the lender placed, not what is owed now).
 */
export function owedNow(db: Db, caseId: string): { balance: Money; principal: Money; interest: Money; penalty: Money; fees: Money; credit: Money } | null {
  const c = casesRepo.byId(db, caseId);
  if (!c) return null;
  const { state } = caseLedger(db, c.id, c.placement_id);
  const money = (minor: number) => ({ minor, currency: c.currency });
  return {
    balance: money(state.balanceMinor),
    principal: money(state.remaining.principal),
    interest: money(state.remaining.interest),
    penalty: money(state.remaining.penalty),
    fees: money(state.remaining.fees),
    credit: money(state.creditMinor),
  };
}
