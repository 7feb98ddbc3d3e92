/** Minor units per major unit for the currencies we handle; ISO 4217 exponents. */
const EXPONENT: Record<string, number> = { CNY: 2, USD: 2, GBP: 2, EUR: 2, HKD: 2, JPY: 0, KRW: 0 };

export function minorPerMajor(currency: string): number {
  return 10 ** (EXPONENT[currency] ?? 2);
}

/** Sum of minor-unit amounts, refusing anything that is not a safe integer (never floats). */
export function addMinor(...amounts: number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not an integer amount of minor units: ${a}`);
    total += a;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('amount overflow');
  return total;
}
