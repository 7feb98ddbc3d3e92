import type { ContactResult, PolicyLimits } from './types';
import { historyWhere, personKey, type Entry, type EvalCtx } from './context';
import type { DayGrid } from './time';
import { DAY, localDay } from './time';

/**
 * What counts, per the rules. Kept in one place so every rule family counts the same way.
 */

/** CN: attempts nobody answered. */
const CN_UNANSWERED: ReadonlySet<ContactResult> = new Set(['no_answer', 'voicemail', 'busy', 'not_in_service']);

export function isCnUnanswered(x: Entry): boolean {
  return x.e.channel === 'call' && x.e.direction !== 'inbound' && CN_UNANSWERED.has(x.e.result);
}

/** A placed call. */
export function isOutboundCall(x: Entry): boolean {
  return x.e.channel === 'call' && x.e.direction !== 'inbound';
}

/** A telephone conversation with the person, whoever started it. */
export function isConversation(x: Entry): boolean {
  return x.e.channel === 'call' && x.e.result === 'connected';
}

/**
 * Reg F: unanswered, ringing out and voicemail count; busy and not-in-service do not (unless a
 * placement tightens that); texts and e-mails are not calls.
 */
export function countsAsRegFCall(x: Entry, f: PolicyLimits['usFrequency']): boolean {
  if (!isOutboundCall(x)) return false;
  if (x.e.result === 'busy') return f.countBusy;
  if (x.e.result === 'not_in_service') return f.countNotInService;
  return true;
}

export function samePerson(ctx: EvalCtx, x: Entry): boolean {
  return personKey(x.e.party, x.e.contact) === personKey(ctx.action.party, ctx.action.contact);
}

/** Matches entries about a debt; an action naming no debt is checked against every debt (the strict reading). */
export function aboutDebt(x: Entry, debt: string | null): boolean {
  return debt === null || x.e.debts.includes(debt);
}

export function debtsOf(ctx: EvalCtx): (string | null)[] {
  const unique = [...new Set(ctx.action.debts)];
  return unique.length > 0 ? unique : [null];
}

/** A window of consent given directly to the collector, in one zone's local days. */
export interface ConsentWindow {
  at: number;
  lastDay: number;
  /** The conversation that ended it (it still covers that call), or Infinity. */
  endedAt: number;
}

/**
 * US-CALL-COUNT: calls within `consentDays` of consent given directly to the collector are excluded;
 * the consent ends at the next conversation with the consumer. Only the borrower gives this consent.
 */
export function consentWindows(ctx: EvalCtx, zone: string): ConsentWindow[] {
  if (ctx.action.party !== 'borrower') return [];
  const days = ctx.policy.limits.usFrequency.consentDays;
  if (days <= 0 || ctx.facts.consents.length === 0) return [];
  const memo = (ctx.memo.consents ??= new Map());
  const cached = memo.get(zone) as ConsentWindow[] | undefined;
  if (cached) return cached;
  const out: ConsentWindow[] = [];
  for (const c of ctx.facts.consents) {
    if (c.channel !== 'call') continue;
    const at = Date.parse(c.at);
    if (Number.isNaN(at) || at > ctx.now) continue;
    // Conversations after a recent consent are all in the recent window; an older consent needs the whole history.
    const scan = at >= ctx.now - (ctx.span + 2) * DAY ? ctx.recent : borrowerConversations(ctx);
    let endedAt = Infinity;
    for (const x of scan) {
      if (x.t > at && x.t < endedAt && x.e.party === 'borrower' && isConversation(x)) endedAt = x.t;
    }
    out.push({ at, lastDay: localDay(zone, at) + days - 1, endedAt });
  }
  memo.set(zone, out);
  return out;
}

function borrowerConversations(ctx: EvalCtx): Entry[] {
  ctx.memo.conversations ??= historyWhere(
    ctx,
    (e) => e.party === 'borrower' && e.channel === 'call' && e.result === 'connected',
  );
  return ctx.memo.conversations;
}

export function excludedByConsent(windows: readonly ConsentWindow[], t: number, day: number): boolean {
  return windows.some((w) => t >= w.at && t <= w.endedAt && day <= w.lastDay);
}

/** The action itself is within an unexpired, unended consent window. */
export function consentActive(windows: readonly ConsentWindow[], g: DayGrid): boolean {
  return windows.some((w) => w.endedAt === Infinity && g.today <= w.lastDay);
}
