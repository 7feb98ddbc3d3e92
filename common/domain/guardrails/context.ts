import type { Action, Facts, HistoryEntry, Policy, Reason, Severity } from './types';
import { DAY, DayGrid, isValidZone } from './time';
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
  /** Every dated history entry not after now, newest first. */
  history: Entry[];
  /** Entries recent enough for any day-window rule (a superset; rules place them on local days). */
  recent: Entry[];
  /** Local days each grid covers (today and this many before). */
  span: number;
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
  const history: Entry[] = [];
  for (const e of facts.history) {
    const t = Date.parse(e.at);
    if (Number.isNaN(t) || t > now) continue; // a future-dated entry cannot have happened yet
    history.push({ t, e });
  }
  history.sort((a, b) => b.t - a.t);
  // Local days are at most ~26 h away from UTC days; two spare days cover every zone.
  const horizon = now - (span + 2) * DAY;
  const recent: Entry[] = [];
  for (const h of history) {
    if (h.t < horizon) break;
    recent.push(h);
  }
  return {
    policy,
    facts,
    action,
    now,
    prefix: rulePrefix(policy.preset),
    zones,
    zoneAssumed,
    history,
    recent,
    span,
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
