/**
 * What can happen to what a case owes. Postings are facts in the order they were made; the state
 * of the ledger (see replay.ts) is computed from them and never stored as a second truth.
 */
import type { Component, Components } from './components';

export interface OpeningPosting {
  kind: 'opening';
  id: string;
  /** The placed amounts, as the lender placed them. */
  components: Components;
}

export interface PaymentPosting {
  kind: 'payment';
  id: string;
  amountMinor: number;
}

/**
 * A returned payment or a chargeback. Linked (`reversesId` names the payment): it re-opens exactly
 * what that payment paid. Unlinked (a negative payment reported by the lender): it takes back
 * `amountMinor`, from the credit first, then from what was paid, principal-side first.
 */
export interface ReversalPosting {
  kind: 'reversal';
  id: string;
  reversesId: string | null;
  amountMinor: number;
}

/**
 * A change by the lender to one component: positive for interest or fees accrued after placement,
 * negative for a write-off or a recall of part of the debt. It never takes a component below zero.
 */
export interface AdjustmentPosting {
  kind: 'adjustment';
  id: string;
  component: Component;
  deltaMinor: number;
  reason: 'accrual' | 'write_off' | 'recall' | 'lender_statement';
}

/** What a fulfilled settlement forgives: at most what is still owed. */
export interface DiscountPosting {
  kind: 'discount';
  id: string;
  amountMinor: number;
}

export type Posting = OpeningPosting | PaymentPosting | ReversalPosting | AdjustmentPosting | DiscountPosting;

/** The signed effect of an accepted posting on what the borrower owes (positive: owes more). */
export function deltaOf(p: Posting): number {
  switch (p.kind) {
    case 'opening':
      return p.components.principal + p.components.interest + p.components.penalty + p.components.fees;
    case 'payment':
    case 'discount':
      return -p.amountMinor;
    case 'reversal':
      return p.amountMinor;
    case 'adjustment':
      return p.deltaMinor;
  }
}
