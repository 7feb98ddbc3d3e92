/** What the API says about a case's money: the ledger's balance, its breakdown and its postings. */
import type { Money } from './types';

export type LedgerComponent = 'principal' | 'interest' | 'penalty' | 'fees';

export interface ComponentLine {
  placed: Money;
  adjusted: Money;
  paid: Money;
  discounted: Money;
  remaining: Money;
}

export interface PostingView {
  id: string;
  seq: number;
  kind: 'opening' | 'payment' | 'reversal' | 'adjustment' | 'discount';
  effectiveOn: string;
  amount: Money;
  /** Signed effect on what is owed: positive owes more. */
  delta: Money;
  component: LedgerComponent | null;
  /** agency | lender for payments; accrual, write_off, recall, lender_statement for adjustments; returned, chargeback for reversals. */
  reason: string;
  paymentId: string | null;
  reference: string | null;
  /** For a payment: whether it was reversed since. */
  reversed: boolean;
  createdAt: string;
}

export interface SettlementView {
  id: string;
  caseId: string;
  caseReference: string;
  amount: Money;
  balanceAtOffer: Money;
  dueDate: string;
  status: 'pending' | 'agreed' | 'refused' | 'fulfilled' | 'cancelled';
  withinAuthority: boolean;
  requestedBy: string | null;
  requestedAt: string;
  reason: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  promiseId: string | null;
}

export interface BalanceView {
  balance: Money;
  /** An overpayment due back to the borrower (reported to the lender); the balance is then 0. */
  credit: Money;
  components: Record<LedgerComponent, ComponentLine>;
  allocationOrder: LedgerComponent[];
  /** The case's zone, and today's date in it: the default and the latest allowed payment date. */
  zone: string;
  today: string;
  discountAuthorityBps: number;
  activeArrangement: { kind: 'promise' | 'plan'; id: string } | null;
  postings: PostingView[];
  settlements: SettlementView[];
}

/** How an arrangement ended, when it did: superseded by a newer one, or cancelled by an outcome. */
export interface ArrangementEnd {
  at: string | null;
  by: string | null;
  reason: string | null;
  replacedById: string | null;
}

export interface PaymentConflictView {
  id: string;
  caseId: string;
  reference: string;
  localPaymentId: string;
  lenderAmount: Money;
  lenderPaidOn: string;
  createdAt: string;
}
