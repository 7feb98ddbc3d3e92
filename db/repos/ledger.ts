/** The ledger's tables: postings, arrangement credits, settlements, payment conflicts. No rules here. */
import type { Db } from '../open';
import type { PaymentRow } from './promises';
import { stmt } from './statements';

export interface PostingRow {
  seq: number;
  id: string;
  case_id: string;
  kind: 'opening' | 'payment' | 'reversal' | 'adjustment' | 'discount';
  effective_on: string;
  amount_minor: number;
  delta_minor: number;
  component: 'principal' | 'interest' | 'penalty' | 'fees' | null;
  principal_minor: number;
  interest_minor: number;
  penalty_minor: number;
  fees_minor: number;
  payment_id: string | null;
  reverses_id: string | null;
  reason: string;
  ref_id: string | null;
  created_by: string | null;
  created_at: string;
}

export type NewPosting = Omit<PostingRow, 'seq'>;

export interface CreditRowDb {
  id: string;
  case_id: string;
  payment_id: string | null;
  promise_id: string | null;
  installment_id: string | null;
  amount_minor: number;
  reversal_id: string | null;
  created_at: string;
}

export interface SettlementRow {
  id: string;
  case_id: string;
  amount_minor: number;
  balance_minor: number;
  currency: string;
  due_date: string;
  status: 'pending' | 'agreed' | 'refused' | 'fulfilled' | 'cancelled';
  promise_id: string | null;
  requested_by: string;
  requested_at: string;
  reason: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  fulfilled_at: string | null;
}

export interface ConflictRow {
  id: string;
  case_id: string;
  local_payment_id: string;
  package_id: string;
  reference: string;
  amount_minor: number;
  currency: string;
  paid_on: string;
  status: 'open' | 'resolved';
  created_at: string;
}

export const ledgerRepo = {
  /** A negative payments row naming the payment it takes back; its posting is a linked reversal. */
  insertReversalPayment(db: Db, p: PaymentRow & { reverses_id: string }): void {
    stmt(
      db,
      `INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, recorded_by, created_at, reverses_id)
       VALUES (@id, @case_id, @amount_minor, @currency, @paid_on, @source, @reference, @recorded_by, @created_at, @reverses_id)`,
    ).run(p);
  },
  postings(db: Db, caseId: string): PostingRow[] {
    return stmt(db, 'SELECT * FROM ledger_postings WHERE case_id = ? ORDER BY seq').all(caseId) as PostingRow[];
  },
  insertPosting(db: Db, p: NewPosting): void {
    stmt(
      db,
      `INSERT INTO ledger_postings (id, case_id, kind, effective_on, amount_minor, delta_minor, component, principal_minor, interest_minor,
         penalty_minor, fees_minor, payment_id, reverses_id, reason, ref_id, created_by, created_at)
       VALUES (@id, @case_id, @kind, @effective_on, @amount_minor, @delta_minor, @component, @principal_minor, @interest_minor,
         @penalty_minor, @fees_minor, @payment_id, @reverses_id, @reason, @ref_id, @created_by, @created_at)`,
    ).run(p);
  },
  /** The stored balance and credit, kept by the postings' trigger. */
  stored(db: Db, caseId: string): { balance_minor: number; credit_minor: number } | undefined {
    return stmt(db, 'SELECT balance_minor, credit_minor FROM cases WHERE id = ?').get(caseId) as { balance_minor: number; credit_minor: number } | undefined;
  },
  terms(db: Db, placementId: string): { preset: string; ledger_terms_json: string } | undefined {
    return stmt(db, 'SELECT preset, ledger_terms_json FROM placements WHERE id = ?').get(placementId) as { preset: string; ledger_terms_json: string } | undefined;
  },
  insertCredit(db: Db, c: CreditRowDb): void {
    stmt(
      db,
      `INSERT INTO arrangement_credits (id, case_id, payment_id, promise_id, installment_id, amount_minor, reversal_id, created_at)
       VALUES (@id, @case_id, @payment_id, @promise_id, @installment_id, @amount_minor, @reversal_id, @created_at)`,
    ).run(c);
  },
  creditsOfPayment(db: Db, paymentId: string): CreditRowDb[] {
    return stmt(db, 'SELECT * FROM arrangement_credits WHERE payment_id = ? ORDER BY seq').all(paymentId) as CreditRowDb[];
  },
  creditsOfCase(db: Db, caseId: string): CreditRowDb[] {
    return stmt(db, 'SELECT * FROM arrangement_credits WHERE case_id = ? ORDER BY seq').all(caseId) as CreditRowDb[];
  },
  setPromiseCredited(db: Db, id: string, creditedMinor: number, status: string): void {
    stmt(db, 'UPDATE promises SET credited_minor = ?, status = ? WHERE id = ?').run(creditedMinor, status, id);
  },
  endPromise(db: Db, id: string, status: 'cancelled' | 'superseded', by: string | null, at: string, reason: string, replacedBy: string | null): void {
    stmt(db, 'UPDATE promises SET status = ?, closed_by = ?, closed_at = ?, closed_reason = ?, replaced_by_id = ? WHERE id = ?').run(status, by, at, reason, replacedBy, id);
  },
  endPlan(db: Db, id: string, status: 'cancelled' | 'superseded', by: string | null, at: string, reason: string, replacedBy: string | null): void {
    stmt(db, 'UPDATE payment_plans SET status = ?, closed_by = ?, closed_at = ?, closed_reason = ?, replaced_by_id = ? WHERE id = ?').run(status, by, at, reason, replacedBy, id);
  },
  promiseEnds(db: Db, caseId: string): { id: string; closed_at: string | null; closed_by: string | null; closed_reason: string | null; replaced_by_id: string | null; credited_minor: number; settlement_id: string | null }[] {
    return stmt(db, 'SELECT id, closed_at, closed_by, closed_reason, replaced_by_id, credited_minor, settlement_id FROM promises WHERE case_id = ?').all(caseId) as never;
  },
  planEnds(db: Db, caseId: string): { id: string; closed_at: string | null; closed_by: string | null; closed_reason: string | null; replaced_by_id: string | null }[] {
    return stmt(db, 'SELECT id, closed_at, closed_by, closed_reason, replaced_by_id FROM payment_plans WHERE case_id = ?').all(caseId) as never;
  },
  setPromiseSettlement(db: Db, promiseId: string, settlementId: string): void {
    stmt(db, 'UPDATE promises SET settlement_id = ? WHERE id = ?').run(settlementId, promiseId);
  },
  insertSettlement(db: Db, s: SettlementRow): void {
    stmt(
      db,
      `INSERT INTO settlements (id, case_id, amount_minor, balance_minor, currency, due_date, status, promise_id, requested_by, requested_at,
         reason, decided_by, decided_at, decision_reason, fulfilled_at)
       VALUES (@id, @case_id, @amount_minor, @balance_minor, @currency, @due_date, @status, @promise_id, @requested_by, @requested_at,
         @reason, @decided_by, @decided_at, @decision_reason, @fulfilled_at)`,
    ).run(s);
  },
  settlement(db: Db, id: string): SettlementRow | undefined {
    return stmt(db, 'SELECT * FROM settlements WHERE id = ?').get(id) as SettlementRow | undefined;
  },
  settlementsOfCase(db: Db, caseId: string): SettlementRow[] {
    return stmt(db, 'SELECT * FROM settlements WHERE case_id = ? ORDER BY requested_at').all(caseId) as SettlementRow[];
  },
  pendingSettlements(db: Db): SettlementRow[] {
    return stmt(db, "SELECT * FROM settlements WHERE status = 'pending' ORDER BY requested_at").all() as SettlementRow[];
  },
  decideSettlement(db: Db, id: string, status: SettlementRow['status'], by: string, at: string, reason: string, promiseId: string | null): void {
    stmt(db, 'UPDATE settlements SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, promise_id = ? WHERE id = ?').run(status, by, at, reason, promiseId, id);
  },
  setSettlementStatus(db: Db, id: string, status: SettlementRow['status'], at: string | null): void {
    stmt(db, 'UPDATE settlements SET status = ?, fulfilled_at = COALESCE(?, fulfilled_at) WHERE id = ?').run(status, at, id);
  },
  insertConflict(db: Db, c: ConflictRow): number {
    return stmt(
      db,
      `INSERT INTO payment_conflicts (id, case_id, local_payment_id, package_id, reference, amount_minor, currency, paid_on, status, created_at)
       VALUES (@id, @case_id, @local_payment_id, @package_id, @reference, @amount_minor, @currency, @paid_on, @status, @created_at)
       ON CONFLICT (package_id) DO NOTHING`,
    ).run(c).changes;
  },
  openConflicts(db: Db): ConflictRow[] {
    return stmt(db, "SELECT * FROM payment_conflicts WHERE status = 'open' ORDER BY created_at").all() as ConflictRow[];
  },
  /** Every case id with its stored balance and credit (for the consistency check). */
  allStored(db: Db): { id: string; balance_minor: number; credit_minor: number; placement_id: string }[] {
    return stmt(db, 'SELECT id, balance_minor, credit_minor, placement_id FROM cases ORDER BY id').all() as never;
  },
};
