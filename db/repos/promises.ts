import type { Db } from '../open';
import { stmt } from './statements';

export interface PromiseRow {
  id: string;
  case_id: string;
  activity_id: string | null;
  amount_minor: number;
  currency: string;
  due_date: string;
  channel: string;
  status: 'open' | 'kept' | 'partial' | 'broken' | 'cancelled' | 'superseded';
  created_by: string;
  created_at: string;
}

export interface PlanRow {
  id: string;
  case_id: string;
  total_minor: number;
  currency: string;
  status: 'active' | 'completed' | 'broken' | 'cancelled' | 'superseded';
  created_by: string;
  created_at: string;
}

export interface InstallmentRow {
  id: string;
  plan_id: string;
  seq: number;
  due_date: string;
  amount_minor: number;
  paid_minor: number;
  status: 'due' | 'kept' | 'partial' | 'broken';
}

export interface PaymentRow {
  id: string;
  case_id: string;
  amount_minor: number;
  currency: string;
  paid_on: string;
  source: 'lender' | 'agency';
  reference: string;
  recorded_by: string | null;
  created_at: string;
}

export const promisesRepo = {
  insert(db: Db, p: PromiseRow): void {
    stmt(
      db,
      `INSERT INTO promises (id, case_id, activity_id, amount_minor, currency, due_date, channel, status, created_by, created_at)
       VALUES (@id, @case_id, @activity_id, @amount_minor, @currency, @due_date, @channel, @status, @created_by, @created_at)`,
    ).run(p);
  },
  byCase(db: Db, caseId: string): PromiseRow[] {
    return stmt(db, 'SELECT * FROM promises WHERE case_id = ? ORDER BY due_date, created_at').all(caseId) as PromiseRow[];
  },
  setStatus(db: Db, id: string, status: PromiseRow['status']): void {
    stmt(db, 'UPDATE promises SET status = ? WHERE id = ?').run(status, id);
  },
  earliestOpenDue(db: Db, caseId: string): string | null {
    const row = stmt(
      db,
      `SELECT min(d) AS d FROM (
         SELECT due_date AS d FROM promises WHERE case_id = @caseId AND status = 'open'
         UNION ALL
         SELECT i.due_date FROM installments i JOIN payment_plans pl ON pl.id = i.plan_id
           WHERE pl.case_id = @caseId AND pl.status = 'active' AND i.status IN ('due','partial'))`,
    ).get({ caseId }) as { d: string | null };
    return row.d;
  },
  insertPlan(db: Db, p: PlanRow): void {
    stmt(
      db,
      `INSERT INTO payment_plans (id, case_id, total_minor, currency, status, created_by, created_at)
       VALUES (@id, @case_id, @total_minor, @currency, @status, @created_by, @created_at)`,
    ).run(p);
  },
  insertInstallment(db: Db, i: InstallmentRow): void {
    stmt(
      db,
      `INSERT INTO installments (id, plan_id, seq, due_date, amount_minor, paid_minor, status)
       VALUES (@id, @plan_id, @seq, @due_date, @amount_minor, @paid_minor, @status)`,
    ).run(i);
  },
  plansByCase(db: Db, caseId: string): PlanRow[] {
    return stmt(db, 'SELECT * FROM payment_plans WHERE case_id = ? ORDER BY created_at').all(caseId) as PlanRow[];
  },
  installments(db: Db, planId: string): InstallmentRow[] {
    return stmt(db, 'SELECT * FROM installments WHERE plan_id = ? ORDER BY seq').all(planId) as InstallmentRow[];
  },
  updateInstallment(db: Db, id: string, paidMinor: number, status: InstallmentRow['status']): void {
    stmt(db, 'UPDATE installments SET paid_minor = ?, status = ? WHERE id = ?').run(paidMinor, status, id);
  },
  setPlanStatus(db: Db, id: string, status: PlanRow['status']): void {
    stmt(db, 'UPDATE payment_plans SET status = ? WHERE id = ?').run(status, id);
  },
  insertPayment(db: Db, p: PaymentRow): void {
    stmt(
      db,
      `INSERT INTO payments (id, case_id, amount_minor, currency, paid_on, source, reference, recorded_by, created_at)
       VALUES (@id, @case_id, @amount_minor, @currency, @paid_on, @source, @reference, @recorded_by, @created_at)`,
    ).run(p);
  },
  paymentsByCase(db: Db, caseId: string): PaymentRow[] {
    return stmt(db, 'SELECT * FROM payments WHERE case_id = ? ORDER BY paid_on, created_at').all(caseId) as PaymentRow[];
  },
  paymentByRef(db: Db, source: string, reference: string): PaymentRow | undefined {
    return stmt(db, 'SELECT * FROM payments WHERE source = ? AND reference = ?').get(source, reference) as
      | PaymentRow
      | undefined;
  },
};
