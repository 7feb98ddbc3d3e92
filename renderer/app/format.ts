/** Dates, instants and money for display, always in the UI locale via Intl. */
import { formatMoney, type MoneyValue } from '../../common/domain/money/format';

const cache = new Map<string, Intl.DateTimeFormat>();

function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, opts);
    } catch {
      // An unknown IANA zone from data: fall back to the workstation's zone rather than crash.
      const { timeZone: _drop, ...rest } = opts;
      f = new Intl.DateTimeFormat(locale, rest);
    }
    cache.set(key, f);
  }
  return f;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone (the workstation's by default). */
export function dayInZone(instant: Date, timeZone?: string): string {
  const parts = dtf('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function todayLocal(now = new Date()): string {
  return dayInZone(now);
}

/** An instant: "11/29 14:05" today-aware — time only when it is today (in that zone). */
export function formatInstant(iso: string | null | undefined, locale: string, opts: { timeZone?: string; withZone?: boolean; full?: boolean } = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tz = opts.timeZone ? { timeZone: opts.timeZone } : {};
  const sameDay = !opts.full && dayInZone(d, opts.timeZone) === dayInZone(new Date(), opts.timeZone);
  const zone = opts.withZone ? { timeZoneName: 'short' as const } : {};
  const base: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { year: opts.full ? 'numeric' : undefined, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return dtf(locale, { ...base, ...tz, ...zone }).format(d);
}

/** Full date and time, for timelines and audit detail. */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dtf(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(d);
}

/** A calendar date (YYYY-MM-DD) as the locale writes it; no zone shift. */
export function formatDate(ymd: string | null | undefined, locale: string): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dtf(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(d);
}

export function money(m: MoneyValue | null | undefined, locale: string, compact = false): string {
  if (!m) return '';
  return formatMoney(m, locale, { compactZeros: compact });
}

/** Adds days to a calendar date (YYYY-MM-DD) without touching zones. */
export function addDays(ymd: string, days: number): string {
  const [y, mo, d] = ymd.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return t.toISOString().slice(0, 10);
}
