/**
 * The case's one active arrangement in SQLite: a promise with status 'open' or a plan with status
 * 'active'. Crediting follows common/domain/ledger/book.ts: a payment is credited once, to the
 * active arrangement's due items in date order; a reversal adds the negative credits.
 */
import { creditPayment, installmentStatus, promiseStatusOf, type DueItem } from '../../../../common/domain/ledger';
import { newId } from '../../../../common/ids';
import { ledgerRepo } from '../../../../db/repos/ledger';
import { promisesRepo, type InstallmentRow, type PromiseRow } from '../../../../db/repos/promises';
import type { Db } from '../../../../db/open';

export interface Active {
  kind: 'promise' | 'plan';
  id: string;
  createdAt: string;
  items: DueItem[];
}

function promiseItem(p: PromiseRow & { credited_minor?: number }, credited: number): DueItem {
  return { id: p.id, dueDate: p.due_date, seq: 1, amountMinor: p.amount_minor, creditedMinor: credited };
}

function installmentItems(rows: InstallmentRow[]): DueItem[] {
  return rows.map((i) => ({ id: i.id, dueDate: i.due_date, seq: i.seq, amountMinor: i.amount_minor, creditedMinor: i.paid_minor }));
}

/** Every arrangement that counts as active, newest first (more than one only if written around this module). */
export function activeArrangements(db: Db, caseId: string): Active[] {
  const credited = new Map(ledgerRepo.promiseEnds(db, caseId).map((p) => [p.id, p.credited_minor]));
  const out: Active[] = [];
  for (const p of promisesRepo.byCase(db, caseId)) {
    if (p.status === 'open') out.push({ kind: 'promise', id: p.id, createdAt: p.created_at, items: [promiseItem(p, credited.get(p.id) ?? 0)] });
  }
  for (const pl of promisesRepo.plansByCase(db, caseId)) {
    if (pl.status === 'active') out.push({ kind: 'plan', id: pl.id, createdAt: pl.created_at, items: installmentItems(promisesRepo.installments(db, pl.id)) });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

export function endArrangement(db: Db, a: Pick<Active, 'kind' | 'id'>, status: 'cancelled' | 'superseded', by: string | null, at: string, reason: string, replacedBy: string | null): void {
  if (a.kind === 'promise') ledgerRepo.endPromise(db, a.id, status, by, at, reason, replacedBy);
  else ledgerRepo.endPlan(db, a.id, status, by, at, reason, replacedBy);
}

/**
 * The one active arrangement. Should several be active (a promise recorded with a contact by code
 * that does not yet replace the current one), the newest stays and the others are superseded now.
 */
export function theActive(db: Db, caseId: string, at: string): Active | null {
  const [newest, ...older] = activeArrangements(db, caseId);
  for (const o of older) endArrangement(db, o, 'superseded', null, at, 'a newer arrangement was agreed', newest?.id ?? null);
  return newest ?? null;
}

function writeItem(db: Db, a: Active, item: DueItem, today: string): void {
  if (a.kind === 'promise') ledgerRepo.setPromiseCredited(db, item.id, item.creditedMinor, promiseStatusOf(item, today));
  else promisesRepo.updateInstallment(db, item.id, item.creditedMinor, installmentStatus(item, today));
}

/** Credits a payment to the active arrangement; returns what went to it (the rest goes to the balance only). */
export function creditActive(db: Db, caseId: string, paymentId: string, amountMinor: number, today: string, at: string): { arrangement: Active | null; creditedMinor: number } {
  const a = theActive(db, caseId, at);
  if (!a) return { arrangement: null, creditedMinor: 0 };
  const { credits } = creditPayment(a.items, amountMinor);
  for (const c of credits) {
    const item = a.items.find((i) => i.id === c.itemId);
    if (!item) continue;
    item.creditedMinor += c.amountMinor;
    ledgerRepo.insertCredit(db, {
      id: newId(),
      case_id: caseId,
      payment_id: paymentId,
      promise_id: a.kind === 'promise' ? item.id : null,
      installment_id: a.kind === 'plan' ? item.id : null,
      amount_minor: c.amountMinor,
      reversal_id: null,
      created_at: at,
    });
    writeItem(db, a, item, today);
  }
  if (a.kind === 'plan' && a.items.every((i) => i.creditedMinor >= i.amountMinor)) promisesRepo.setPlanStatus(db, a.id, 'completed');
  return { arrangement: a, creditedMinor: credits.reduce((s, c) => s + c.amountMinor, 0) };
}

/** Undoes a reversed payment's credits; an arrangement it had completed is active again unless replaced. */
export function undoCredits(db: Db, caseId: string, paymentId: string, reversalId: string, today: string, at: string): number {
  const net = new Map<string, { promise: string | null; installment: string | null; amount: number }>();
  for (const c of ledgerRepo.creditsOfPayment(db, paymentId)) {
    const key = c.promise_id ?? c.installment_id ?? '';
    const e = net.get(key) ?? { promise: c.promise_id, installment: c.installment_id, amount: 0 };
    e.amount += c.amount_minor;
    net.set(key, e);
  }
  let undone = 0;
  for (const e of net.values()) {
    if (e.amount <= 0) continue;
    ledgerRepo.insertCredit(db, { id: newId(), case_id: caseId, payment_id: paymentId, promise_id: e.promise, installment_id: e.installment, amount_minor: -e.amount, reversal_id: reversalId, created_at: at });
    undone += e.amount;
    if (e.promise) reopenPromise(db, caseId, e.promise, e.amount, today, at);
    else if (e.installment) reopenInstallment(db, caseId, e.installment, e.amount, today, at);
  }
  return undone;
}

function reopenPromise(db: Db, caseId: string, id: string, amount: number, today: string, at: string): void {
  const p = promisesRepo.byCase(db, caseId).find((x) => x.id === id);
  const credited = (ledgerRepo.promiseEnds(db, caseId).find((x) => x.id === id)?.credited_minor ?? amount) - amount;
  if (!p) return;
  const item = promiseItem(p, credited);
  const status = promiseStatusOf(item, today);
  if (p.status === 'superseded' || p.status === 'cancelled') {
    ledgerRepo.setPromiseCredited(db, id, credited, p.status);
    return;
  }
  const other = activeArrangements(db, caseId).some((a) => a.id !== id);
  if (status === 'open' && other) {
    ledgerRepo.setPromiseCredited(db, id, credited, 'open');
    ledgerRepo.endPromise(db, id, 'superseded', null, at, 're-opened by a reversal after a newer arrangement was agreed', null);
  } else ledgerRepo.setPromiseCredited(db, id, credited, status);
}

function reopenInstallment(db: Db, caseId: string, installmentId: string, amount: number, today: string, at: string): void {
  const row = db.prepare('SELECT * FROM installments WHERE id = ?').get(installmentId) as InstallmentRow | undefined;
  if (!row) return;
  const paid = row.paid_minor - amount;
  promisesRepo.updateInstallment(db, row.id, paid, installmentStatus({ amountMinor: row.amount_minor, creditedMinor: paid, dueDate: row.due_date }, today));
  const plan = promisesRepo.plansByCase(db, caseId).find((p) => p.id === row.plan_id);
  if (plan?.status === 'completed') {
    const other = activeArrangements(db, caseId).some((a) => a.id !== plan.id);
    if (other) ledgerRepo.endPlan(db, plan.id, 'superseded', null, at, 're-opened by a reversal after a newer arrangement was agreed', null);
    else promisesRepo.setPlanStatus(db, plan.id, 'active');
  }
}

/** Re-derives, as of today, the statuses of the active arrangement's items from what they were credited. */
export function refreshStatuses(db: Db, caseId: string, today: string, at: string): void {
  const a = theActive(db, caseId, at);
  if (!a) return;
  for (const item of a.items) writeItem(db, a, item, today);
}
