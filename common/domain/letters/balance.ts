/**
 * The amounts a letter states, itemized as Regulation F's validation notice does (12 CFR
 * 1006.34(c)(2)): the amount on the itemization date, then interest, fees, payments and credits
 * since, and the amount now. Every amount in every letter comes from one of these.
 */
export interface LetterBalance {
  currency: string;
  /** The itemization date (ISO date): the date the amounts "then" refer to. */
  itemizationDate: string;
  amountThenMinor: number;
  interestMinor: number;
  feesMinor: number;
  paymentsMinor: number;
  creditsMinor: number;
  amountNowMinor: number;
}

/** The amount now that the other lines give: then + interest + fees − payments − credits. */
export function itemizedTotal(b: Omit<LetterBalance, 'amountNowMinor'>): number {
  return b.amountThenMinor + b.interestMinor + b.feesMinor - b.paymentsMinor - b.creditsMinor;
}

/** True when the itemization adds up to the amount now, as the notice must. */
export function itemizationAddsUp(b: LetterBalance): boolean {
  return itemizedTotal(b) === b.amountNowMinor;
}
