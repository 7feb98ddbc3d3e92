/**
 * Which installments and promises payments keep, as of a day. Payments are applied oldest first
 * to installments in order (FIFO). An installment is
 *   kept     when fully paid (on any day up to its due date, or later — then it is still kept, late)
 *   partial  when partly paid and its due date has passed, or partly paid before it falls due
 *   broken   when unpaid and its due date has passed
 *   due      otherwise
 * A promise is kept when payments made from its creation up to its due date reach its amount.
 */
export interface InstallmentState {
  seq: number;
  dueDate: string;
  amountMinor: number;
}

export interface PaymentFact {
  paidOn: string; // YYYY-MM-DD
  amountMinor: number; // may be negative (a reversal)
}

export type InstallmentStatus = 'due' | 'kept' | 'partial' | 'broken';

export function allocateInstallments(
  installments: readonly InstallmentState[],
  payments: readonly PaymentFact[],
  today: string,
): { seq: number; paidMinor: number; status: InstallmentStatus }[] {
  let pool = payments.reduce((s, p) => s + p.amountMinor, 0);
  return [...installments]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => {
      const paid = Math.max(0, Math.min(i.amountMinor, pool));
      pool -= paid;
      const overdue = i.dueDate < today;
      const status: InstallmentStatus = paid >= i.amountMinor ? 'kept' : paid > 0 ? 'partial' : overdue ? 'broken' : 'due';
      return { seq: i.seq, paidMinor: paid, status };
    });
}

export type PromiseStatus = 'open' | 'kept' | 'partial' | 'broken';

export function promiseStatus(
  promise: { amountMinor: number; dueDate: string; createdOn: string },
  payments: readonly PaymentFact[],
  today: string,
): PromiseStatus {
  const paid = payments
    .filter((p) => p.paidOn >= promise.createdOn && p.paidOn <= promise.dueDate)
    .reduce((s, p) => s + p.amountMinor, 0);
  if (paid >= promise.amountMinor) return 'kept';
  if (promise.dueDate >= today) return 'open';
  return paid > 0 ? 'partial' : 'broken';
}
