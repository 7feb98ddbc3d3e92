/**
 * The four components of a debt as the lender places it, and the order a payment pays them in.
 * Every amount is an integer number of minor units of the case's currency.
 */
export const COMPONENTS = ['principal', 'interest', 'penalty', 'fees'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Components = Record<Component, number>;

export function zeroComponents(): Components {
  return { principal: 0, interest: 0, penalty: 0, fees: 0 };
}

export function totalOf(c: Components): number {
  return c.principal + c.interest + c.penalty + c.fees;
}

export function addComponents(a: Components, b: Components, sign: 1 | -1 = 1): Components {
  return {
    principal: a.principal + sign * b.principal,
    interest: a.interest + sign * b.interest,
    penalty: a.penalty + sign * b.penalty,
    fees: a.fees + sign * b.fees,
  };
}

/** An allocation order names every component exactly once. */
export type AllocationOrder = readonly [Component, Component, Component, Component];

export function isAllocationOrder(x: unknown): x is AllocationOrder {
  return Array.isArray(x) && x.length === 4 && COMPONENTS.every((c) => x.includes(c));
}

/** The order a payment pays the components in when the placement's terms say nothing. */
export const DEFAULT_ORDER: AllocationOrder = ['fees', 'penalty', 'interest', 'principal'];

/**
 * Each rule set's default. A placement's terms (`allocationOrder`) override it.
 *
 * cn: fees → penalty → interest → principal. PRC Civil Code art. 561: unless the parties agree
 *     otherwise, a payment that does not clear everything goes first to the costs of realising the
 *     claim, then to interest, then to the principal debt; penalty interest (罚息) is paid with the
 *     interest, before it.
 * us-regf: fees → penalty → interest → principal. Regulation F prescribes no order; the account
 *     agreement and state law govern, and this is the usual contract order. A placement whose
 *     agreement says otherwise states it in its terms.
 * uk-conc: principal → interest → penalty → fees. CONC 7 sets no order either; ours is chosen so a
 *     customer in arrears pays down what accrues interest first and default charges last, which we
 *     take to be the fair treatment CONC 7.3 asks for. A lender that appropriates otherwise sets it.
 */
export const PRESET_ORDERS: Record<'cn' | 'us-regf' | 'uk-conc', AllocationOrder> = {
  cn: ['fees', 'penalty', 'interest', 'principal'],
  'us-regf': ['fees', 'penalty', 'interest', 'principal'],
  'uk-conc': ['principal', 'interest', 'penalty', 'fees'],
};

/**
 * Splits `amountMinor` across `remaining` in `order`, never paying a component more than it owes.
 * Returns the split and what is left over (an overpayment).
 */
export function allocate(amountMinor: number, remaining: Components, order: AllocationOrder): { split: Components; rest: number } {
  const split = zeroComponents();
  let rest = amountMinor;
  for (const c of order) {
    const take = Math.min(rest, Math.max(0, remaining[c]));
    split[c] = take;
    rest -= take;
  }
  return { split, rest };
}
