/**
 * A case's money as a whole: its ledger and its arrangements, changed by events in order. This is
 * the reference model the services follow (they store the same facts in SQLite): at most one
 * arrangement is active; agreeing a new one supersedes it; a payment is credited once, to the
 * active arrangement only; a reversal undoes exactly that payment's credits.
 */
import type { AllocationOrder } from './components';
import { creditPayment, type DueItem } from './arrangement';
import type { AdjustmentPosting, DiscountPosting, OpeningPosting } from './postings';
import { applyPosting, emptyLedger, type LedgerState, type Refusal } from './replay';

export type ArrangementStatus = 'active' | 'completed' | 'superseded';

export interface Arrangement {
  id: string;
  kind: 'promise' | 'plan';
  status: ArrangementStatus;
  items: DueItem[];
}

export interface CreditRow {
  paymentId: string;
  arrangementId: string;
  itemId: string;
  amountMinor: number;
}

export interface Book {
  ledger: LedgerState;
  arrangements: Arrangement[];
  credits: CreditRow[];
}

export type BookEvent =
  | { type: 'post'; posting: OpeningPosting | AdjustmentPosting | DiscountPosting }
  | { type: 'arrange'; id: string; kind: 'promise' | 'plan'; items: { id: string; dueDate: string; amountMinor: number }[] }
  | { type: 'pay'; id: string; amountMinor: number }
  | { type: 'reverse'; id: string; paymentId: string };

export type BookRefusal = Refusal | 'plan_exceeds_balance' | 'duplicate_arrangement';

export function emptyBook(order?: AllocationOrder): Book {
  return { ledger: emptyLedger(order), arrangements: [], credits: [] };
}

export function activeArrangement(b: Book): Arrangement | undefined {
  return b.arrangements.find((a) => a.status === 'active');
}

const fullyCredited = (a: Arrangement) => a.items.every((i) => i.creditedMinor >= i.amountMinor);

function cloneBook(b: Book): Book {
  return {
    ledger: b.ledger,
    arrangements: b.arrangements.map((a) => ({ ...a, items: a.items.map((i) => ({ ...i })) })),
    credits: [...b.credits],
  };
}

export function applyEvent(book: Book, e: BookEvent): { ok: true; book: Book } | { ok: false; refusal: BookRefusal } {
  const b = cloneBook(book);
  switch (e.type) {
    case 'post': {
      const r = applyPosting(b.ledger, e.posting);
      if (!r.ok) return r;
      b.ledger = r.state;
      return { ok: true, book: b };
    }
    case 'arrange': {
      if (b.arrangements.some((a) => a.id === e.id)) return { ok: false, refusal: 'duplicate_arrangement' };
      const total = e.items.reduce((s, i) => s + i.amountMinor, 0);
      if (e.kind === 'plan' && total > b.ledger.balanceMinor) return { ok: false, refusal: 'plan_exceeds_balance' };
      const current = activeArrangement(b);
      if (current) current.status = 'superseded';
      b.arrangements.push({
        id: e.id,
        kind: e.kind,
        status: 'active',
        items: e.items.map((i, n) => ({ id: i.id, dueDate: i.dueDate, seq: n + 1, amountMinor: i.amountMinor, creditedMinor: 0 })),
      });
      return { ok: true, book: b };
    }
    case 'pay': {
      const r = applyPosting(b.ledger, { kind: 'payment', id: e.id, amountMinor: e.amountMinor });
      if (!r.ok) return r;
      b.ledger = r.state;
      const active = activeArrangement(b);
      if (active) {
        for (const c of creditPayment(active.items, e.amountMinor).credits) {
          const item = active.items.find((i) => i.id === c.itemId);
          if (item) item.creditedMinor += c.amountMinor;
          b.credits.push({ paymentId: e.id, arrangementId: active.id, itemId: c.itemId, amountMinor: c.amountMinor });
        }
        if (fullyCredited(active)) active.status = 'completed';
      }
      return { ok: true, book: b };
    }
    case 'reverse': {
      const payment = b.ledger.payments.find((p) => p.id === e.paymentId);
      const r = applyPosting(b.ledger, { kind: 'reversal', id: e.id, reversesId: e.paymentId, amountMinor: payment?.amountMinor ?? 1 });
      if (!r.ok) return r;
      b.ledger = r.state;
      for (const c of b.credits.filter((x) => x.paymentId === e.paymentId)) {
        const a = b.arrangements.find((x) => x.id === c.arrangementId);
        const item = a?.items.find((i) => i.id === c.itemId);
        if (!a || !item) continue;
        item.creditedMinor -= c.amountMinor;
        b.credits.push({ ...c, amountMinor: -c.amountMinor });
        // A completed arrangement the reversal re-opens is active again, unless another took its place.
        if (a.status === 'completed' && !fullyCredited(a)) a.status = activeArrangement(b) ? 'superseded' : 'active';
      }
      return { ok: true, book: b };
    }
  }
}
