/**
 * A settlement: the borrower pays less than the balance and the lender forgives the rest. The
 * placement's terms give the discount a collector may agree alone, in basis points of the balance;
 * above it a supervisor decides.
 */

/** The discount an offer asks for, in minor units. */
export function discountOf(balanceMinor: number, offerMinor: number): number {
  return Math.max(0, balanceMinor - offerMinor);
}

/** Whether the discount is within the authority: discount / balance ≤ bps / 10 000, in integers. */
export function withinAuthority(balanceMinor: number, offerMinor: number, authorityBps: number): boolean {
  return discountOf(balanceMinor, offerMinor) * 10_000 <= balanceMinor * authorityBps;
}

/** A settlement is fulfilled when the payments made since it was agreed reach its amount. */
export function settlementFulfilled(offerMinor: number, paidSinceMinor: number): boolean {
  return paidSinceMinor >= offerMinor;
}
