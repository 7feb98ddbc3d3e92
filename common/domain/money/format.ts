/**
 * Display and entry of money in the UI. Amounts are integer minor units plus an ISO 4217 code;
 * the decimal point is placed by string arithmetic so no float ever touches an amount.
 */

export interface MoneyValue {
  minor: number;
  currency: string;
}

const digitsCache = new Map<string, number>();

/** ISO 4217 minor-unit digits (CNY 2, JPY 0, KWD 3), as the platform's Intl data knows them. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code: keep the common two digits rather than fail the whole screen.
  }
  digitsCache.set(code, digits);
  return digits;
}

/** `12345, 2` → `"123.45"`; `-5, 2` → `"-0.05"`. Exact for every safe integer. */
export function minorToDecimalString(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
  const negative = minor < 0;
  const abs = String(Math.abs(minor));
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const padded = abs.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const frac = padded.slice(padded.length - digits);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export interface FormatMoneyOptions {
  /** How the currency is shown; `symbol` by default (¥ / $ / £). */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** Drop the minor digits when they are all zero (dense tables). */
  compactZeros?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, digits: number, opts: FormatMoneyOptions): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}|${opts.currencyDisplay ?? 'symbol'}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: opts.currencyDisplay ?? 'symbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** `formatMoney({minor: 123456, currency: 'CNY'}, 'zh-CN')` → `"¥1,234.56"`. */
export function formatMoney(money: MoneyValue, locale: string, opts: FormatMoneyOptions = {}): string {
  const currency = money.currency.toUpperCase();
  const digits = minorUnitDigits(currency);
  const decimal = minorToDecimalString(money.minor, digits);
  const allZero = digits > 0 && /\.0+$/.test(decimal);
  const shownDigits = opts.compactZeros && allZero ? 0 : digits;
  const value = shownDigits === digits ? decimal : decimal.replace(/\.0+$/, '');
  return formatterFor(locale, currency, shownDigits, opts).format(value as Intl.StringNumericLiteral);
}

/**
 * What a collector typed ("1,234.5", "1234", "¥ 800") → minor units, or null when it is not a
 * plain non-negative amount with at most the currency's minor digits.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const cleaned = text.replace(/[\s,_'’¥￥$£€]/gu, '').replace(/^[A-Z]{3}/i, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '';
  const frac = match[2] ?? '';
  if (frac.length > digits) return null;
  const minorText = `${whole}${frac.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units → the plain decimal a form field shows ("1234.50"), no grouping, no symbol. */
export function minorToInputString(minor: number, currency: string): string {
  return minorToDecimalString(minor, minorUnitDigits(currency));
}
