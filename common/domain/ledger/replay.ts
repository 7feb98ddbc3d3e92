/**
 * The state of a case's ledger, computed by replaying its postings in order. Pure and deterministic:
 * the same postings give the same state. A posting that would break an invariant is refused (and
 * left out of the state), never clamped, so what is accepted always adds up exactly:
 *
 *   balance − credit = Σ opening − Σ payments + Σ reversals − Σ discounts + Σ adjustments
 *   balance ≥ 0, credit ≥ 0, and never both above zero (a credit is set against anything owed)
 *   every component's remaining = placed + adjusted − paid − discounted ≥ 0
 */
import {
  COMPONENTS,
  DEFAULT_ORDER,
  allocate,
  totalOf,
  zeroComponents,
  type AllocationOrder,
  type Components,
} from './components';
import type { Posting } from './postings';

export type Refusal =
  | 'duplicate_id'
  | 'not_positive'
  | 'opening_twice'
  | 'unknown_payment'
  | 'already_reversed'
  | 'reversal_exceeds_paid'
  | 'adjustment_below_zero'
  | 'discount_exceeds_balance';

/** What one payment did: what it paid per component and what it left as a credit. */
export interface PaymentEffect {
  id: string;
  amountMinor: number;
  split: Components;
  unappliedMinor: number;
  reversed: boolean;
}

export interface LedgerState {
  order: AllocationOrder;
  placed: Components;
  adjusted: Components;
  paid: Components;
  discounted: Components;
  remaining: Components;
  balanceMinor: number;
  creditMinor: number;
  totals: { placed: number; payments: number; reversals: number; discounts: number; adjustments: number };
  payments: PaymentEffect[];
  ids: string[];
  opened: boolean;
}

export function emptyLedger(order: AllocationOrder = DEFAULT_ORDER): LedgerState {
  return {
    order,
    placed: zeroComponents(),
    adjusted: zeroComponents(),
    paid: zeroComponents(),
    discounted: zeroComponents(),
    remaining: zeroComponents(),
    balanceMinor: 0,
    creditMinor: 0,
    totals: { placed: 0, payments: 0, reversals: 0, discounts: 0, adjustments: 0 },
    payments: [],
    ids: [],
    opened: false,
  };
}

function cloneState(s: LedgerState): LedgerState {
  return {
    ...s,
    placed: { ...s.placed },
    adjusted: { ...s.adjusted },
    paid: { ...s.paid },
    discounted: { ...s.discounted },
    remaining: { ...s.remaining },
    totals: { ...s.totals },
    payments: s.payments.map((p) => ({ ...p, split: { ...p.split } })),
    ids: [...s.ids],
  };
}

function finish(s: LedgerState): LedgerState {
  setOffCredit(s);
  s.balanceMinor = totalOf(s.remaining);
  s.creditMinor = s.payments.reduce((sum, p) => sum + (p.reversed ? 0 : p.unappliedMinor), 0);
  return s;
}

/** A credit left by an overpayment pays anything owed later (oldest credit first, in the order). */
function setOffCredit(s: LedgerState): void {
  for (const p of s.payments) {
    if (p.reversed || p.unappliedMinor === 0) continue;
    const { split, rest } = allocate(p.unappliedMinor, s.remaining, s.order);
    for (const c of COMPONENTS) {
      p.split[c] += split[c];
      s.paid[c] += split[c];
      s.remaining[c] -= split[c];
    }
    p.unappliedMinor = rest;
  }
}

/** Takes back `amount` from payments, newest first: their credit, then what they paid, principal-side first. */
function takeBack(s: LedgerState, amount: number): void {
  let left = amount;
  const live = s.payments.filter((p) => !p.reversed).reverse();
  for (const p of live) {
    const t = Math.min(left, p.unappliedMinor);
    p.unappliedMinor -= t;
    left -= t;
  }
  const reverseOrder = [...s.order].reverse();
  for (const p of live) {
    for (const c of reverseOrder) {
      const t = Math.min(left, p.split[c]);
      p.split[c] -= t;
      s.paid[c] -= t;
      s.remaining[c] += t;
      left -= t;
    }
  }
}

/** Applies one posting; returns the new state, or why the posting is refused (the old state stands). */
export function applyPosting(state: LedgerState, p: Posting): { ok: true; state: LedgerState } | { ok: false; refusal: Refusal } {
  if (state.ids.includes(p.id)) return { ok: false, refusal: 'duplicate_id' };
  const s = cloneState(state);
  switch (p.kind) {
    case 'opening': {
      if (s.opened) return { ok: false, refusal: 'opening_twice' };
      if (COMPONENTS.some((c) => p.components[c] < 0)) return { ok: false, refusal: 'not_positive' };
      for (const c of COMPONENTS) {
        s.placed[c] += p.components[c];
        s.remaining[c] += p.components[c];
      }
      s.totals.placed += totalOf(p.components);
      s.opened = true;
      break;
    }
    case 'payment': {
      if (p.amountMinor <= 0) return { ok: false, refusal: 'not_positive' };
      const { split, rest } = allocate(p.amountMinor, s.remaining, s.order);
      for (const c of COMPONENTS) {
        s.paid[c] += split[c];
        s.remaining[c] -= split[c];
      }
      s.payments.push({ id: p.id, amountMinor: p.amountMinor, split, unappliedMinor: rest, reversed: false });
      s.totals.payments += p.amountMinor;
      break;
    }
    case 'reversal': {
      if (p.amountMinor <= 0) return { ok: false, refusal: 'not_positive' };
      if (p.reversesId === null) {
        const available = s.payments.reduce((sum, x) => sum + (x.reversed ? 0 : x.unappliedMinor + totalOf(x.split)), 0);
        if (p.amountMinor > available) return { ok: false, refusal: 'reversal_exceeds_paid' };
        takeBack(s, p.amountMinor);
      } else {
        const target = s.payments.find((x) => x.id === p.reversesId);
        if (!target) return { ok: false, refusal: 'unknown_payment' };
        // Reversed already, or partly taken back by an unlinked reversal: nothing whole is left to reverse.
        if (target.reversed || totalOf(target.split) + target.unappliedMinor !== target.amountMinor) return { ok: false, refusal: 'already_reversed' };
        if (p.amountMinor !== target.amountMinor) return { ok: false, refusal: 'reversal_exceeds_paid' };
        for (const c of COMPONENTS) {
          s.paid[c] -= target.split[c];
          s.remaining[c] += target.split[c];
        }
        target.reversed = true;
      }
      s.totals.reversals += p.amountMinor;
      break;
    }
    case 'adjustment': {
      if (p.deltaMinor === 0) return { ok: false, refusal: 'not_positive' };
      if (s.remaining[p.component] + p.deltaMinor < 0) return { ok: false, refusal: 'adjustment_below_zero' };
      s.adjusted[p.component] += p.deltaMinor;
      s.remaining[p.component] += p.deltaMinor;
      s.totals.adjustments += p.deltaMinor;
      break;
    }
    case 'discount': {
      if (p.amountMinor <= 0) return { ok: false, refusal: 'not_positive' };
      if (p.amountMinor > totalOf(s.remaining)) return { ok: false, refusal: 'discount_exceeds_balance' };
      const { split } = allocate(p.amountMinor, s.remaining, s.order);
      for (const c of COMPONENTS) {
        s.discounted[c] += split[c];
        s.remaining[c] -= split[c];
      }
      s.totals.discounts += p.amountMinor;
      break;
    }
  }
  s.ids.push(p.id);
  return { ok: true, state: finish(s) };
}

export interface Replayed {
  state: LedgerState;
  accepted: Posting[];
  refused: { posting: Posting; refusal: Refusal }[];
}

/** Replays postings in order; refused ones are listed with why and left out of the state. */
export function replay(postings: readonly Posting[], order: AllocationOrder = DEFAULT_ORDER): Replayed {
  let state = emptyLedger(order);
  const accepted: Posting[] = [];
  const refused: Replayed['refused'] = [];
  for (const p of postings) {
    const r = applyPosting(state, p);
    if (r.ok) {
      state = r.state;
      accepted.push(p);
    } else refused.push({ posting: p, refusal: r.refusal });
  }
  return { state, accepted, refused };
}
