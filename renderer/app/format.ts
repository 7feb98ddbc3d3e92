/**
 * Dates, instants and money for display, always in the user's locale via Intl. The interface
 * language `en` is written as British or American English (day/month order), as the user chose or
 * as the browser's languages say; English dates carry month names, so 12 October is never read as
 * December 10th. Times in another zone name the zone.
 */
import { formatMoney, type MoneyValue } from '../../common/domain/money/format';

export const ENGLISH_REGIONS = ['en-GB', 'en-US'] as const;
export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];
const REGION_KEY = 'casedesk.englishRegion';
let chosenRegion: EnglishRegion | null | undefined;

export function isEnglishRegion(x: unknown): x is EnglishRegion {
  return typeof x === 'string' && (ENGLISH_REGIONS as readonly string[]).includes(x);
}

/** en-GB or en-US from a list of locales (navigator.languages): the first English one with a region; en-GB otherwise. */
export function regionFromLocales(locales: readonly string[]): EnglishRegion {
  for (const l of locales) {
    const lower = l.toLowerCase();
    if (lower === 'en-us') return 'en-US';
    if (lower.startsWith('en-')) return 'en-GB'; // en-GB, en-IE, en-AU, …: day before month
  }
  return 'en-GB';
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The English the user writes dates in: their choice, else the browser's languages. */
export function englishRegion(): EnglishRegion {
  if (chosenRegion === undefined) {
    const stored = storage()?.getItem(REGION_KEY);
    chosenRegion = isEnglishRegion(stored) ? stored : null;
  }
  if (chosenRegion) return chosenRegion;
  return regionFromLocales(typeof navigator !== 'undefined' ? navigator.languages : []);
}

export function setEnglishRegion(region: EnglishRegion, persist = true): void {
  chosenRegion = region;
  if (persist) {
    try {
      storage()?.setItem(REGION_KEY, region);
    } catch {
      // Storage may be unavailable; the choice holds for this session.
    }
  }
}

/** The locale dates are written in: the interface language `en` becomes en-GB or en-US. */
export function displayLocale(language: string): string {
  return language === 'en' ? englishRegion() : language;
}

const english = (locale: string) => locale.toLowerCase().startsWith('en');

/** The workstation's own IANA zone. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function dtf(language: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = displayLocale(language);
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

/** Month and day as the locale writes them: "12 Oct" (en-GB), "Oct 12" (en-US), "10/12" (zh-CN). */
function monthDay(locale: string): Intl.DateTimeFormatOptions {
  return english(displayLocale(locale)) ? { month: 'short', day: 'numeric' } : { month: '2-digit', day: '2-digit' };
}

/** An instant: "29 Nov 14:05" / "11/29 14:05" — time only when it is today (in that zone). */
export function formatInstant(iso: string | null | undefined, locale: string, opts: { timeZone?: string; withZone?: boolean; full?: boolean } = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tz = opts.timeZone ? { timeZone: opts.timeZone } : {};
  const sameDay = !opts.full && dayInZone(d, opts.timeZone) === dayInZone(new Date(), opts.timeZone);
  const zone = opts.withZone ? { timeZoneName: 'short' as const } : {};
  const base: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { year: opts.full ? 'numeric' : undefined, ...monthDay(locale), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return dtf(locale, { ...base, ...tz, ...zone }).format(d);
}

/** Full date and time, for timelines and audit detail; a zone, when given, is named. */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone?: string, opts: { monthName?: boolean } = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const longMonth = opts.monthName || english(displayLocale(locale));
  return dtf(locale, {
    year: 'numeric',
    month: longMonth ? 'short' : '2-digit',
    day: longMonth ? 'numeric' : '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(d);
}

/**
 * A calendar date (YYYY-MM-DD) as the locale writes it; no zone shift. English names the month
 * ("12 Oct 2026", "Oct 12, 2026"); `short` leaves out the year when it is the current one.
 */
export function formatDate(ymd: string | null | undefined, locale: string, opts: { short?: boolean } = {}): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const year = opts.short && m[1] === todayLocal().slice(0, 4) ? {} : { year: 'numeric' as const };
  return dtf(locale, { ...year, ...monthDay(locale), timeZone: 'UTC' }).format(d);
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
