/**
 * Crediting a payment to the case's one active arrangement (a promise to pay, or an installment
 * plan). A payment is credited once: to the arrangement's due items in date order, each up to what
 * it still lacks; the rest goes to the balance only. Statuses follow from what each item was credited.
 */

/** One due amount of an arrangement: a promise (one item) or an installment. */
export interface DueItem {
  id: string;
  dueDate: string; // YYYY-MM-DD
  seq: number;
  amountMinor: number;
  creditedMinor: number;
}

export interface Credit {
  itemId: string;
  amountMinor: number;
}

/** Splits a payment over the items, earliest due first; returns the credits and the rest. */
export function creditPayment(items: readonly DueItem[], amountMinor: number): { credits: Credit[]; restMinor: number } {
  const ordered = [...items].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.seq - b.seq));
  const credits: Credit[] = [];
  let left = amountMinor;
  for (const i of ordered) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, i.amountMinor - i.creditedMinor));
    if (take > 0) credits.push({ itemId: i.id, amountMinor: take });
    left -= take;
  }
  return { credits, restMinor: left };
}

/** The credits that undo a payment's credits when it is reversed. */
export function undoCredits(credits: readonly Credit[]): Credit[] {
  return credits.map((c) => ({ itemId: c.itemId, amountMinor: -c.amountMinor }));
}

export type InstallmentStatus = 'due' | 'kept' | 'partial' | 'broken';
export type PromiseStatus = 'open' | 'kept' | 'partial' | 'broken';

/** kept when fully credited; partial when partly; broken when nothing came and the day has passed. */
export function installmentStatus(item: Pick<DueItem, 'amountMinor' | 'creditedMinor' | 'dueDate'>, today: string): InstallmentStatus {
  if (item.creditedMinor >= item.amountMinor) return 'kept';
  if (item.creditedMinor > 0) return 'partial';
  return item.dueDate < today ? 'broken' : 'due';
}

/** A promise is open until its day has passed unless it is kept; then it is partial or broken. */
export function promiseStatusOf(item: Pick<DueItem, 'amountMinor' | 'creditedMinor' | 'dueDate'>, today: string): PromiseStatus {
  if (item.creditedMinor >= item.amountMinor) return 'kept';
  if (item.dueDate >= today) return 'open';
  return item.creditedMinor > 0 ? 'partial' : 'broken';
}
