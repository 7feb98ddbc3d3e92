/** Worked examples and boundaries of the ledger's pure parts. */
import { describe, expect, it } from 'vitest';
import {
  PRESET_ORDERS,
  allocate,
  creditPayment,
  installmentStatus,
  ledgerTerms,
  promiseStatusOf,
  replay,
  withinAuthority,
  type Posting,
} from '../../../common/domain/ledger';

const opening: Posting = { kind: 'opening', id: 'o', components: { principal: 100_000, interest: 20_000, penalty: 5_000, fees: 1_000 } };

describe('allocation order', () => {
  it('pays fees → penalty → interest → principal by default', () => {
    const { state } = replay([opening, { kind: 'payment', id: 'p', amountMinor: 12_345 }]);
    expect(state.paid).toEqual({ fees: 1_000, penalty: 5_000, interest: 6_345, principal: 0 });
    expect(state.balanceMinor).toBe(126_000 - 12_345);
  });
  it('pays principal first under the UK preset', () => {
    const { state } = replay([opening, { kind: 'payment', id: 'p', amountMinor: 12_345 }], PRESET_ORDERS['uk-conc']);
    expect(state.paid).toEqual({ fees: 0, penalty: 0, interest: 0, principal: 12_345 });
  });
  it('takes the placement’s order over the preset’s, and ignores a malformed one', () => {
    expect(ledgerTerms('cn', '{"allocationOrder":["principal","fees","interest","penalty"]}').allocationOrder).toEqual(['principal', 'fees', 'interest', 'penalty']);
    expect(ledgerTerms('uk-conc', '{"allocationOrder":["principal","principal","interest","penalty"]}').allocationOrder).toEqual(PRESET_ORDERS['uk-conc']);
    expect(ledgerTerms('us-regf', 'not json').discountAuthorityBps).toBe(0);
  });
  it('never pays a component more than it owes', () => {
    expect(allocate(10, { principal: 3, interest: 0, penalty: 0, fees: 4 }, PRESET_ORDERS.cn)).toEqual({ split: { principal: 3, interest: 0, penalty: 0, fees: 4 }, rest: 3 });
  });
});

describe('overpayment and credit', () => {
  it('an overpayment leaves balance 0 and the excess as a credit due back', () => {
    const { state } = replay([opening, { kind: 'payment', id: 'p', amountMinor: 126_001 }]);
    expect([state.balanceMinor, state.creditMinor]).toEqual([0, 1]);
  });
  it('a payment of exactly the balance leaves no credit; one minor unit less leaves 1 owed', () => {
    expect(replay([opening, { kind: 'payment', id: 'p', amountMinor: 126_000 }]).state).toMatchObject({ balanceMinor: 0, creditMinor: 0 });
    expect(replay([opening, { kind: 'payment', id: 'p', amountMinor: 125_999 }]).state).toMatchObject({ balanceMinor: 1, creditMinor: 0 });
  });
  it('a later accrual is met from the credit first', () => {
    const { state } = replay([opening, { kind: 'payment', id: 'p', amountMinor: 130_000 }, { kind: 'adjustment', id: 'a', component: 'fees', deltaMinor: 3_000, reason: 'accrual' }]);
    expect([state.balanceMinor, state.creditMinor]).toEqual([0, 1_000]);
  });
  it('reversing the overpaying payment removes the credit and re-opens what it paid', () => {
    const { state } = replay([opening, { kind: 'payment', id: 'p', amountMinor: 130_000 }, { kind: 'reversal', id: 'r', reversesId: 'p', amountMinor: 130_000 }]);
    expect([state.balanceMinor, state.creditMinor]).toEqual([126_000, 0]);
    expect(state.paid).toEqual({ principal: 0, interest: 0, penalty: 0, fees: 0 });
  });
});

describe('refusals', () => {
  it('refuses a write-off below zero, a discount above the balance, a reversal of nothing', () => {
    const r = replay([
      opening,
      { kind: 'adjustment', id: 'w', component: 'fees', deltaMinor: -1_001, reason: 'write_off' },
      { kind: 'adjustment', id: 'w2', component: 'fees', deltaMinor: -1_000, reason: 'write_off' },
      { kind: 'discount', id: 'd', amountMinor: 125_001 },
      { kind: 'discount', id: 'd2', amountMinor: 125_000 },
      { kind: 'reversal', id: 'r', reversesId: 'nope', amountMinor: 1 },
      { kind: 'reversal', id: 'r2', reversesId: null, amountMinor: 1 },
    ]);
    expect(r.refused.map((x) => [x.posting.id, x.refusal])).toEqual([
      ['w', 'adjustment_below_zero'],
      ['d', 'discount_exceeds_balance'],
      ['r', 'unknown_payment'],
      ['r2', 'reversal_exceeds_paid'],
    ]);
    expect(r.state.balanceMinor).toBe(0);
  });
});

describe('crediting an arrangement', () => {
  const items = [
    { id: 'b', dueDate: '2026-12-10', seq: 2, amountMinor: 500, creditedMinor: 0 },
    { id: 'a', dueDate: '2026-12-01', seq: 1, amountMinor: 500, creditedMinor: 200 },
  ];
  it('credits the earliest due first, each up to what it lacks, the rest to the balance', () => {
    expect(creditPayment(items, 299)).toEqual({ credits: [{ itemId: 'a', amountMinor: 299 }], restMinor: 0 });
    expect(creditPayment(items, 300)).toEqual({ credits: [{ itemId: 'a', amountMinor: 300 }], restMinor: 0 });
    expect(creditPayment(items, 301)).toEqual({ credits: [{ itemId: 'a', amountMinor: 300 }, { itemId: 'b', amountMinor: 1 }], restMinor: 0 });
    expect(creditPayment(items, 801)).toEqual({ credits: [{ itemId: 'a', amountMinor: 300 }, { itemId: 'b', amountMinor: 500 }], restMinor: 1 });
  });
  it('derives kept / partial / broken from the credit and the day', () => {
    const i = { amountMinor: 500, dueDate: '2026-12-01' };
    expect(installmentStatus({ ...i, creditedMinor: 500 }, '2026-12-05')).toBe('kept');
    expect(installmentStatus({ ...i, creditedMinor: 499 }, '2026-12-05')).toBe('partial');
    expect(installmentStatus({ ...i, creditedMinor: 0 }, '2026-12-01')).toBe('due');
    expect(installmentStatus({ ...i, creditedMinor: 0 }, '2026-12-02')).toBe('broken');
    expect(promiseStatusOf({ ...i, creditedMinor: 1 }, '2026-12-01')).toBe('open');
    expect(promiseStatusOf({ ...i, creditedMinor: 1 }, '2026-12-02')).toBe('partial');
  });
});

describe('settlement authority', () => {
  it('lets a collector agree a discount up to the authority and not one minor unit more', () => {
    // 10% of 100,000 is 10,000: an offer of 90,000 is within, 89,999 is not.
    expect(withinAuthority(100_000, 90_001, 1_000)).toBe(true);
    expect(withinAuthority(100_000, 90_000, 1_000)).toBe(true);
    expect(withinAuthority(100_000, 89_999, 1_000)).toBe(false);
    expect(withinAuthority(100_000, 100_000, 0)).toBe(true);
    expect(withinAuthority(100_000, 99_999, 0)).toBe(false);
  });
});
