import { DateTime, IANAZone } from 'luxon';

/**
 * Borrower-local time without converting every instant: local calendar days are numbered
 * (days since 1970-01-01 in that zone) and their boundaries are computed once with luxon and cached,
 * so a history entry is placed on its local day by comparing numbers. DST-safe: a day boundary or
 * a wall-clock time is always resolved by luxon in the zone itself (times in a spring-forward gap
 * move to the first instant after it).
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const CACHE_LIMIT = 50_000;
const wallCache = new Map<string, Map<number, number>>();
const hhmmCache = new Map<string, number>();
const dayKeyCache = new Map<number, string>();
const approxOffset = new Map<string, number>();
const zoneValidity = new Map<string, boolean>();
const formatCache = new Map<string, string>();

export function isValidZone(zone: string): boolean {
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (zoneValidity.size > 1000) zoneValidity.clear();
    zoneValidity.set(zone, ok);
  }
  return ok;
}

/** 'HH:mm' → minutes after midnight ('24:00' → 1440). */
export function parseHhmm(text: string): number {
  let v = hhmmCache.get(text);
  if (v === undefined) {
    const [h, m] = text.split(':');
    v = Number(h) * 60 + Number(m);
    if (hhmmCache.size > 1000) hhmmCache.clear();
    hhmmCache.set(text, v);
  }
  return v;
}

/** The calendar date of a local day number. */
export function dayDate(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 'YYYY-MM-DD' of a local day number. */
export function dayKey(day: number): string {
  let key = dayKeyCache.get(day);
  if (key === undefined) {
    key = new Date(day * DAY).toISOString().slice(0, 10);
    if (dayKeyCache.size > CACHE_LIMIT) dayKeyCache.clear();
    dayKeyCache.set(day, key);
  }
  return key;
}

/** Canonical UTC ISO text ('YYYY-MM-DDTHH:MM:SS[.sss]Z') orders like the instants it names. */
export function isCanonicalIso(text: string): boolean {
  return text.length >= 20 && text.charCodeAt(text.length - 1) === 90 && text.charCodeAt(10) === 84;
}

/** 'YYYY-MM-DDTHH:MM:SS' of an instant, for comparing against canonical ISO text without parsing it. */
export function isoPrefix(t: number): string {
  return new Date(t).toISOString().slice(0, 19);
}

/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The UTC instant of a wall-clock minute on a local day; minute 1440 is the next day's start. */
export function wallTime(zone: string, day: number, minute: number): number {
  if (minute >= 1440) return wallTime(zone, day + Math.floor(minute / 1440), minute % 1440);
  let perZone = wallCache.get(zone);
  if (perZone === undefined) {
    if (wallCache.size > 500) wallCache.clear();
    perZone = new Map();
    wallCache.set(zone, perZone);
  }
  const key = day * 1440 + minute;
  let t = perZone.get(key);
  if (t === undefined) {
    const { year, month, day: dom } = dayDate(day);
    t = DateTime.fromObject(
      { year, month, day: dom, hour: Math.floor(minute / 60), minute: minute % 60 },
      { zone },
    ).toMillis();
    if (perZone.size >= CACHE_LIMIT) perZone.clear();
    perZone.set(key, t);
  }
  return t;
}

/** First instant of a local day. */
export function dayStart(zone: string, day: number): number {
  return wallTime(zone, day, 0);
}

/** The local day number that contains instant t. */
export function localDay(zone: string, t: number): number {
  let off = approxOffset.get(zone);
  if (off === undefined) {
    off = IANAZone.create(zone).offset(t) * MINUTE;
    approxOffset.set(zone, off);
  }
  // The cached offset is a guess (it may be from another season); the boundaries decide.
  let d = Math.floor((t + off) / DAY);
  while (t < dayStart(zone, d)) d--;
  while (t >= dayStart(zone, d + 1)) d++;
  return d;
}

/**
 * The local days [today - span, today] of one zone with their start instants, for placing
 * instants without touching the time-zone database again.
 */
export class DayGrid {
  readonly today: number;
  /** starts[k] = start of day (today - k); starts[-1] is held separately as the end of today. */
  private readonly starts: number[];
  readonly endOfToday: number;

  constructor(
    readonly zone: string,
    t: number,
    readonly span: number,
  ) {
    this.today = localDay(zone, t);
    this.starts = [];
    for (let k = 0; k <= span; k++) this.starts.push(dayStart(zone, this.today - k));
    this.endOfToday = dayStart(zone, this.today + 1);
  }

  /** The local day of an instant within the grid, or null if older than the grid (or in the future). */
  dayOf(t: number): number | null {
    if (t >= this.endOfToday) return null;
    for (let k = 0; k < this.starts.length; k++) {
      if (t >= (this.starts[k] as number)) return this.today - k;
    }
    return null;
  }

  startOf(day: number): number {
    const k = this.today - day;
    const cached = k >= 0 ? this.starts[k] : undefined;
    return cached ?? dayStart(this.zone, day);
  }
}

/** Second-precision ISO instant with Z, rounding up so the printed instant is never earlier than t. */
export function isoSeconds(t: number): string {
  const up = Math.ceil(t / 1000) * 1000;
  return new Date(up).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Borrower-local wall time for messages, e.g. `2026-03-10 08:00 (America/New_York)`. */
export function formatLocal(t: number, zone: string): string {
  const key = `${zone}|${t}`;
  let text = formatCache.get(key);
  if (text === undefined) {
    text = `${DateTime.fromMillis(t, { zone }).toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
    if (formatCache.size >= CACHE_LIMIT) formatCache.clear();
    formatCache.set(key, text);
  }
  return text;
}
