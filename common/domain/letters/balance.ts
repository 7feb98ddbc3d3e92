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
  /** Late charges (default charges, penalty interest): part of the fees line of the itemization. */
  penaltyMinor: number;
  /** Other fees: the rest of the fees line. */
  feesMinor: number;
  paymentsMinor: number;
  creditsMinor: number;
  amountNowMinor: number;
}

/** The fees line of the itemization: late charges and other fees together. */
export function feesLine(b: Pick<LetterBalance, 'penaltyMinor' | 'feesMinor'>): number {
  return b.penaltyMinor + b.feesMinor;
}

/** The amount now that the other lines give: then + interest + fees − payments − credits. */
export function itemizedTotal(b: Omit<LetterBalance, 'amountNowMinor'>): number {
  return b.amountThenMinor + b.interestMinor + feesLine(b) - b.paymentsMinor - b.creditsMinor;
}

/** True when the itemization adds up to the amount now, as the notice must. */
export function itemizationAddsUp(b: LetterBalance): boolean {
  return itemizedTotal(b) === b.amountNowMinor;
}
