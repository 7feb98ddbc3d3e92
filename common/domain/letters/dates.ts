/** Dates in a letter are written in the letter's own locale, never as ISO strings. */
import type { Lang, PresetId } from '../guardrails/types';

export type LetterLocale = 'zh-CN' | 'en-US' | 'en-GB';

/** US letters in English use US order; every other English letter (UK, China) uses British order. */
export function letterLocale(preset: PresetId, lang: Lang): LetterLocale {
  if (lang === 'zh-CN') return 'zh-CN';
  return preset === 'us-regf' ? 'en-US' : 'en-GB';
}

/** `2026-10-12` → "2026年10月12日" / "October 12, 2026" / "12 October 2026". */
export function formatLetterDate(isoDate: string, locale: LetterLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** An ISO date `days` calendar days after another (no time zone: dates only). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
