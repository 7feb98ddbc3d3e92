import type { Action, Facts, HistoryEntry, Policy, Reason, Severity } from './types';
import { DAY, DayGrid, isCanonicalIso, isoPrefix, isValidZone } from './time';
import { rulePrefix } from './presets';

export type Msg = Reason['message'];

/** One rule's finding. `lift` says who or what ends a block: a person, or an instant from which this rule allows. */
export interface Hit {
  rule: string;
  severity: Severity;
  needsApproval?: boolean;
  lift?: 'person' | number;
  message: () => Msg;
}

export interface Entry {
  t: number;
  e: HistoryEntry;
}

export interface EvalCtx {
  policy: Policy;
  facts: Facts;
  action: Action;
  now: number;
  prefix: 'CN' | 'US' | 'UK';
  zones: string[];
  zoneAssumed: boolean;
  /** Entries recent enough for any day-window rule (a superset; rules place them on local days). */
  recent: Entry[];
  /** Local days each grid covers (today and this many before). */
  span: number;
  /** Per-evaluation results shared by several rules and candidate instants. */
  memo: { earliestCommunication?: number; consents?: Map<string, unknown>; conversations?: Entry[] };
}

/** The borrower-local calendar at one candidate instant, one grid per zone. */
export interface TimeCtx {
  t: number;
  grids: DayGrid[];
}

export function personKey(party: string, contact: string): string {
  // The borrower is one person whatever number is dialled; anyone else is known by their contact point.
  return party === 'borrower' ? 'borrower' : `${party}:${contact}`;
}

export function buildContext(policy: Policy, facts: Facts, action: Action, now: number): EvalCtx {
  const wanted = facts.borrower.timezones.filter((z) => isValidZone(z));
  const zones = [...new Set(wanted)];
  let zoneAssumed = false;
  if (zones.length === 0) {
    const fallback =
      facts.defaultTimezone && isValidZone(facts.defaultTimezone) ? facts.defaultTimezone : policy.defaultTimezone;
    zones.push(isValidZone(fallback) ? fallback : 'UTC');
    zoneAssumed = true;
  }
  const l = policy.limits;
  const window = Math.max(
    l.usFrequency.windowDays,
    l.usFrequency.afterConversationDays,
    l.ukExcessive.windowDays,
    l.cnThirdParty.unreachableDays,
    1,
  );
  const span = window + 1;
  // Local days are at most ~26 h away from UTC days; two spare days cover every zone.
  const horizon = now - (span + 2) * DAY;
  const horizonText = isoPrefix(horizon);
  const recent: Entry[] = [];
  for (const e of facts.history) {
    // Parsing every entry of a long history is the hot spot: canonical text older than the horizon is skipped unparsed.
    if (isCanonicalIso(e.at) && e.at < horizonText) continue;
    const t = Date.parse(e.at);
    if (Number.isNaN(t) || t > now || t < horizon) continue; // a future-dated entry cannot have happened yet
    recent.push({ t, e });
  }
  recent.sort((a, b) => b.t - a.t);
  return {
    policy,
    facts,
    action,
    now,
    prefix: rulePrefix(policy.preset),
    zones,
    zoneAssumed,
    recent,
    span,
    memo: {},
  };
}

export function timeCtx(ctx: EvalCtx, t: number): TimeCtx {
  return { t, grids: ctx.zones.map((z) => new DayGrid(z, t, ctx.span)) };
}

/** The rule's configured level, or null when it is off or not part of this preset. */
export function level(ctx: EvalCtx, rule: string): Severity | null {
  const l = ctx.policy.rules[rule];
  return l === undefined || l === 'off' ? null : l;
}

export function lenderNote(entries: readonly Entry[]): Msg {
  const n = entries.filter((x) => x.e.source === 'lender').length;
  if (n === 0) return { 'zh-CN': '', en: '' };
  return { 'zh-CN': `（其中 ${n} 次来自出借方台账）`, en: ` (${n} from the lender's ledger)` };
}

export function zoneNote(ctx: EvalCtx): Msg {
  return ctx.zoneAssumed
    ? { 'zh-CN': '（借款人时区未知，按默认时区计算）', en: ' (borrower zone unknown; default zone assumed)' }
    : { 'zh-CN': '', en: '' };
}

/**
 * Entries of the whole history (not only the recent window) that match a cheap test on the raw entry,
 * for the few rules that look further back. Only matching entries are parsed.
 */
export function historyWhere(ctx: EvalCtx, match: (e: HistoryEntry) => boolean): Entry[] {
  const out: Entry[] = [];
  for (const e of ctx.facts.history) {
    if (!match(e)) continue;
    const t = Date.parse(e.at);
    if (!Number.isNaN(t) && t <= ctx.now) out.push({ t, e });
  }
  return out;
}

/** The earliest communication with the borrower or guarantor (a conversation, or a sent message); NaN if none. */
export function earliestCommunication(ctx: EvalCtx): number {
  if (ctx.memo.earliestCommunication !== undefined) return ctx.memo.earliestCommunication;
  let best = NaN;
  let bestCanonical: string | null = null;
  for (const e of ctx.facts.history) {
    const communicated = e.result === 'connected' || (e.result === 'sent' && e.channel !== 'call');
    if (e.party === 'third_party' || !communicated) continue;
    // Canonical UTC text orders like its instant, so only the earliest of those is parsed.
    if (isCanonicalIso(e.at)) {
      if (bestCanonical === null || e.at < bestCanonical) bestCanonical = e.at;
      continue;
    }
    const t = Date.parse(e.at);
    if (!Number.isNaN(t) && (Number.isNaN(best) || t < best)) best = t;
  }
  if (bestCanonical !== null) {
    const t = Date.parse(bestCanonical);
    if (Number.isNaN(best) || t < best) best = t;
  }
  if (best > ctx.now) best = NaN;
  ctx.memo.earliestCommunication = best;
  return best;
}
