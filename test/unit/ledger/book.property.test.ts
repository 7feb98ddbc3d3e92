/** Property tests of arrangements: one active at a time, a payment credited once, a reversal undoes it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeArrangement, applyEvent, emptyBook, type Book, type BookEvent } from '../../../common/domain/ledger';

const amount = fc.integer({ min: 1, max: 500_000 });
const date = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);

/** Events with fresh ids; reversals name a payment drawn from those made so far (or a stray one). */
const events: fc.Arbitrary<BookEvent[]> = fc
  .array(
    fc.oneof(
      fc.record({ t: fc.constant('arrange' as const), kind: fc.constantFrom('promise' as const, 'plan' as const), items: fc.array(fc.tuple(date, amount), { minLength: 1, maxLength: 4 }) }),
      fc.record({ t: fc.constant('pay' as const), amountMinor: amount }),
      fc.record({ t: fc.constant('reverse' as const), pick: fc.nat() }),
      fc.record({ t: fc.constant('accrue' as const), amountMinor: amount }),
    ),
    { maxLength: 30 },
  )
  .map((xs) => {
    const paid: string[] = [];
    return xs.map((x, n): BookEvent => {
      switch (x.t) {
        case 'arrange':
          return { type: 'arrange', id: `arr${n}`, kind: x.kind, items: (x.kind === 'promise' ? x.items.slice(0, 1) : x.items).map(([d, a], k) => ({ id: `arr${n}-${k}`, dueDate: d, amountMinor: a })) };
        case 'pay':
          paid.push(`pay${n}`);
          return { type: 'pay', id: `pay${n}`, amountMinor: x.amountMinor };
        case 'reverse':
          return { type: 'reverse', id: `rev${n}`, paymentId: paid[x.pick % Math.max(1, paid.length)] ?? 'none' };
        case 'accrue':
          return { type: 'post', posting: { kind: 'adjustment', id: `adj${n}`, component: 'interest', deltaMinor: x.amountMinor, reason: 'accrual' } };
      }
    });
  });

function run(opening: number, es: readonly BookEvent[]): { book: Book; books: Book[] } {
  const start = applyEvent(emptyBook(), { type: 'post', posting: { kind: 'opening', id: 'open', components: { principal: opening, interest: 0, penalty: 0, fees: 0 } } });
  if (!start.ok) throw new Error('opening refused');
  let book = start.book;
  const books = [book];
  for (const e of es) {
    const r = applyEvent(book, e);
    if (r.ok) book = r.book;
    books.push(book);
  }
  return { book, books };
}

describe('arrangements and crediting', () => {
  it('has at most one active arrangement; Σ credited ≤ Σ paid; each payment credits one arrangement, at most its amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), events, (opening, es) => {
        const { books } = run(opening, es);
        for (const b of books) {
          expect(b.arrangements.filter((a) => a.status === 'active').length).toBeLessThanOrEqual(1);
          const credited = b.credits.reduce((s, c) => s + c.amountMinor, 0);
          const netPaid = b.ledger.totals.payments - b.ledger.totals.reversals;
          expect(credited).toBeLessThanOrEqual(netPaid);
          expect(credited).toBeGreaterThanOrEqual(0);
          for (const p of b.ledger.payments) {
            const mine = b.credits.filter((c) => c.paymentId === p.id);
            expect(new Set(mine.map((c) => c.arrangementId)).size).toBeLessThanOrEqual(1);
            const net = mine.reduce((s, c) => s + c.amountMinor, 0);
            expect(net).toBeLessThanOrEqual(p.amountMinor);
            if (p.reversed) expect(net).toBe(0);
          }
          for (const a of b.arrangements) {
            for (const i of a.items) {
              expect(i.creditedMinor).toBeGreaterThanOrEqual(0);
              expect(i.creditedMinor).toBeLessThanOrEqual(i.amountMinor);
              expect(i.creditedMinor).toBe(b.credits.filter((c) => c.itemId === i.id).reduce((s, c) => s + c.amountMinor, 0));
            }
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('never agrees a plan above the balance; replaying the same events gives the same book', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), events, (opening, es) => {
        const { books, book } = run(opening, es);
        es.forEach((e, n) => {
          const before = books[n]!;
          const after = books[n + 1]!;
          if (e.type === 'arrange' && e.kind === 'plan' && after !== before) {
            expect(e.items.reduce((s, i) => s + i.amountMinor, 0)).toBeLessThanOrEqual(before.ledger.balanceMinor);
          }
        });
        expect(run(opening, es).book).toEqual(book);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the issue’s case: promise £250 → 3-installment plan → 2-installment plan → one payment of £4,666.79', () => {
  const es: BookEvent[] = [
    { type: 'arrange', id: 'promise', kind: 'promise', items: [{ id: 'p1', dueDate: '2026-12-01', amountMinor: 25_000 }] },
    { type: 'arrange', id: 'plan1', kind: 'plan', items: [466_678, 466_679, 466_679].map((a, k) => ({ id: `a${k}`, dueDate: `2026-12-0${k + 2}`, amountMinor: a })) },
    { type: 'arrange', id: 'plan2', kind: 'plan', items: [700_018, 700_018].map((a, k) => ({ id: `b${k}`, dueDate: `2026-12-0${k + 2}`, amountMinor: a })) },
    { type: 'pay', id: 'pay', amountMinor: 466_679 },
  ];
  const { book } = run(1_400_036, es);

  it('leaves one arrangement active, the others superseded', () => {
    expect(book.arrangements.map((a) => [a.id, a.status])).toEqual([
      ['promise', 'superseded'],
      ['plan1', 'superseded'],
      ['plan2', 'active'],
    ]);
    expect(activeArrangement(book)?.id).toBe('plan2');
  });

  it('credits the payment once, to the active plan’s first installment only', () => {
    expect(book.credits).toEqual([{ paymentId: 'pay', arrangementId: 'plan2', itemId: 'b0', amountMinor: 466_679 }]);
    expect(book.arrangements.flatMap((a) => a.items).filter((i) => i.creditedMinor > 0).map((i) => i.id)).toEqual(['b0']);
  });

  it('lowers the balance by the payment: £9,333.57 still owed', () => {
    expect(book.ledger.balanceMinor).toBe(933_357);
    expect(book.ledger.creditMinor).toBe(0);
  });

  it('a reversal undoes the credit and restores the balance', () => {
    const r = applyEvent(book, { type: 'reverse', id: 'rev', paymentId: 'pay' });
    if (!r.ok) throw new Error(r.refusal);
    expect(r.book.ledger.balanceMinor).toBe(1_400_036);
    expect(r.book.arrangements.flatMap((a) => a.items).every((i) => i.creditedMinor === 0)).toBe(true);
    expect(applyEvent(r.book, { type: 'reverse', id: 'rev2', paymentId: 'pay' })).toEqual({ ok: false, refusal: 'already_reversed' });
  });

  it('refuses a third plan above what is now owed, and accepts one equal to it', () => {
    const over = { type: 'arrange' as const, id: 'plan3', kind: 'plan' as const, items: [{ id: 'c0', dueDate: '2026-12-09', amountMinor: 933_358 }] };
    expect(applyEvent(book, over)).toEqual({ ok: false, refusal: 'plan_exceeds_balance' });
    expect(applyEvent(book, { ...over, items: [{ ...over.items[0]!, amountMinor: 933_357 }] }).ok).toBe(true);
  });
});
