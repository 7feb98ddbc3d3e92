/** Property tests of the ledger: for any postings in any order, what is accepted adds up exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENTS, PRESET_ORDERS, deltaOf, replay, totalOf, type Posting } from '../../../common/domain/ledger';

const amount = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 1_000_000_000 }));
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l');
const component = fc.constantFrom(...COMPONENTS);
const components = fc.record({ principal: amount, interest: amount, penalty: amount, fees: amount });

const posting: fc.Arbitrary<Posting> = fc.oneof(
  fc.record({ kind: fc.constant('opening' as const), id, components }),
  fc.record({ kind: fc.constant('payment' as const), id, amountMinor: amount }),
  fc.record({ kind: fc.constant('reversal' as const), id, reversesId: fc.option(id, { nil: null }), amountMinor: amount }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    id,
    component,
    deltaMinor: fc.integer({ min: -5_000_000, max: 5_000_000 }),
    reason: fc.constantFrom('accrual' as const, 'write_off' as const, 'recall' as const),
  }),
  fc.record({ kind: fc.constant('discount' as const), id, amountMinor: amount }),
);
/** Many distinct ids, so most postings are accepted; reversals name earlier payments. */
const wideId = fc.uuid();
const order = fc.constantFrom(...Object.values(PRESET_ORDERS));

describe('ledger replay', () => {
  it('balance − credit equals placed − payments + reversals − discounts ± adjustments; never negative, never both', () => {
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 40 }), order, (postings, o) => {
        const { state, accepted, refused } = replay(postings, o);
        expect(accepted.length + refused.length).toBe(postings.length);
        const sum = accepted.reduce((s, p) => s + deltaOf(p), 0);
        expect(state.balanceMinor - state.creditMinor).toBe(sum);
        expect(state.balanceMinor - state.creditMinor).toBe(
          state.totals.placed - state.totals.payments + state.totals.reversals - state.totals.discounts + state.totals.adjustments,
        );
        expect(state.balanceMinor).toBeGreaterThanOrEqual(0);
        expect(state.creditMinor).toBeGreaterThanOrEqual(0);
        expect(state.balanceMinor > 0 && state.creditMinor > 0).toBe(false);
        for (const c of COMPONENTS) {
          expect(state.remaining[c]).toBeGreaterThanOrEqual(0);
          expect(state.paid[c]).toBeGreaterThanOrEqual(0);
          expect(state.remaining[c]).toBe(state.placed[c] + state.adjusted[c] - state.paid[c] - state.discounted[c]);
        }
        expect(totalOf(state.remaining)).toBe(state.balanceMinor);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps the identity when the accepted postings are unique and reversals name real payments', () => {
    const seq = fc.array(fc.tuple(posting, wideId), { maxLength: 40 }).map((xs) => {
      const payments: string[] = [];
      return xs.map(([p, uid]) => {
        const q = { ...p, id: uid } as Posting;
        if (q.kind === 'payment') payments.push(uid);
        if (q.kind === 'reversal' && q.reversesId !== null) return { ...q, reversesId: payments[q.amountMinor % Math.max(1, payments.length)] ?? null };
        return q;
      });
    });
    fc.assert(
      fc.property(seq, order, (postings, o) => {
        const { state, accepted } = replay(postings, o);
        expect(state.balanceMinor - state.creditMinor).toBe(accepted.reduce((s, p) => s + deltaOf(p), 0));
        // Σ net paid to the components never exceeds Σ payments − Σ reversals.
        expect(totalOf(state.paid)).toBeLessThanOrEqual(state.totals.payments - state.totals.reversals);
        expect(totalOf(state.paid) + state.creditMinor).toBe(state.totals.payments - state.totals.reversals);
      }),
      { numRuns: 1_000 },
    );
  });

  it('replaying the same postings gives the same state; replaying only the accepted ones too', () => {
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 40 }), order, (postings, o) => {
        const a = replay(postings, o);
        expect(replay(postings, o)).toEqual(a);
        const again = replay(a.accepted, o);
        expect(again.refused).toEqual([]);
        expect(again.state).toEqual(a.state);
      }),
      { numRuns: 1_000 },
    );
  });

  it('openings, payments and accruals in any order give the same balance and credit', () => {
    const always = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('payment' as const), amountMinor: fc.integer({ min: 1, max: 1_000_000 }) }),
        fc.record({ kind: fc.constant('adjustment' as const), component, deltaMinor: fc.integer({ min: 1, max: 1_000_000 }), reason: fc.constant('accrual' as const) }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(components, always, order, fc.integer(), (opening, rest, o, seed) => {
        const postings: Posting[] = [{ kind: 'opening', id: 'open', components: opening }, ...rest.map((p, i) => ({ ...p, id: `p${i}` }) as Posting)];
        const shuffled = [...postings].sort((x, y) => ((hash(x.id, seed) - hash(y.id, seed)) | 0));
        const a = replay(postings, o);
        const b = replay(shuffled, o);
        expect(a.refused).toEqual([]);
        expect(b.refused).toEqual([]);
        expect([b.state.balanceMinor, b.state.creditMinor]).toEqual([a.state.balanceMinor, a.state.creditMinor]);
      }),
      { numRuns: 1_000 },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
