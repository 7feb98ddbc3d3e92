import { historyWhere, level, type Entry, type Hit } from '../context';
import { isConversation } from '../counting';
import { join, msg, nextAt, contactName } from './msg';
import type { Rule } from './types';

function refusalHit(rule: string, severity: Hit['severity'], contact: string): Hit {
  return {
    rule,
    severity,
    lift: 'person',
    message: () =>
      msg(`已拦截：第三方 ${contact} 已要求停止联系。`, `Blocked: the third party at ${contact} asked not to be contacted again.`),
  };
}

/**
 * CN-THIRD-PARTY: others only when the debtor is unreachable — own numbers invalid, N consecutive
 * failed attempts (allowed from the next local day), or unreachable on N consecutive days — and never
 * once the third party has asked to stop. The text check (no debt disclosure) is done by the lint.
 */
export const cnThirdPartyRule: Rule = (ctx, tc) => {
  const rule = 'CN-THIRD-PARTY';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.party !== 'third_party') return [];
  if (ctx.facts.thirdPartyRefusals?.includes(ctx.action.contact)) return [refusalHit(rule, severity, contactName(ctx.action))];

  const attempts = historyWhere(ctx, (e) => e.party === 'borrower' && e.channel === 'call' && e.direction !== 'inbound').sort(
    (a, b) => b.t - a.t,
  );
  const latestByContact = new Map<string, Entry>();
  for (const x of attempts) if (!latestByContact.has(x.e.contact)) latestByContact.set(x.e.contact, x);
  const flags = ctx.facts.contactFlags ?? {};
  const allInvalid =
    latestByContact.size > 0 &&
    [...latestByContact.entries()].every(([c, x]) => flags[c]?.invalid === true || x.e.result === 'not_in_service');
  if (allInvalid) return [];

  // The current run of failures, newest first, back to the last conversation with the borrower.
  const streak: Entry[] = [];
  for (const x of attempts) {
    if (isConversation(x)) break;
    streak.push(x);
  }
  const { failedAttempts: n, unreachableDays } = ctx.policy.limits.cnThirdParty;
  const hits: Hit[] = [];
  for (const g of tc.grids) {
    const nth = streak.length >= n && n > 0 ? streak[streak.length - n] : undefined;
    const nthDay = nth ? g.dayOf(nth.t) : null;
    // An nth failure older than the grid happened on an earlier day.
    if (nth && (nthDay === null || nthDay < g.today)) continue;
    const failedDays = new Set<number>();
    for (const x of streak) {
      const d = g.dayOf(x.t);
      if (d !== null && d < g.today) failedDays.add(d);
    }
    let run = 0;
    for (let d = g.today - 1; failedDays.has(d); d--) run++;
    if (unreachableDays > 0 && run >= unreachableDays) continue;
    const release = nth ? g.startOf(g.today + 1) : null;
    hits.push({
      rule,
      severity,
      lift: release ?? 'person',
      message: () =>
        join(
          msg(
            `已拦截：仅在无法联系债务人时才可联系第三方（本人号码均无效、连续 ${n} 次未接通后次日起、或连续 ${unreachableDays} 天无法联系）；目前连续未接通 ${streak.length} 次。`,
            `Blocked: third parties may be contacted only when the debtor is unreachable (own numbers invalid, from the day after ${n} consecutive failed attempts, or ${unreachableDays} consecutive days unreachable); current run of failed attempts: ${streak.length}.`,
          ),
          release !== null ? nextAt(release, g.zone) : msg('', ''),
        ),
    });
  }
  return hits;
};

/** US-THIRD-PARTY: location information only, once per person. The text check (no debt mention) is the lint's. */
export const usThirdPartyRule: Rule = (ctx) => {
  const rule = 'US-THIRD-PARTY';
  const severity = level(ctx, rule);
  const a = ctx.action;
  if (!severity || a.party !== 'third_party') return [];
  if (ctx.facts.thirdPartyRefusals?.includes(a.contact)) return [refusalHit(rule, severity, contactName(a))];
  const hits: Hit[] = [];
  if (a.purpose !== undefined && a.purpose !== 'location') {
    hits.push({
      rule,
      severity,
      lift: 'person',
      message: () =>
        msg(
          `已拦截：联系第三方只能用于获取借款人的联系信息（本次目的：${a.purpose}）。`,
          `Blocked: a third party may be contacted only to obtain location information (purpose given: ${a.purpose}).`,
        ),
    });
  }
  const max = ctx.policy.limits.usThirdParty.maxLocationContacts;
  const prior = historyWhere(
    ctx,
    (e) =>
      e.party === 'third_party' &&
      e.contact === a.contact &&
      (e.result === 'connected' || e.result === 'sent' || e.result === 'wrong_party'),
  ).length;
  if (prior >= max) {
    hits.push({
      rule,
      severity,
      lift: 'person',
      message: () =>
        msg(
          `已拦截：已就借款人位置信息联系过该第三方 ${prior} 次（上限 ${max} 次）。`,
          `Blocked: this third party was already contacted ${prior} time(s) for location information (limit ${max}).`,
        ),
    });
  }
  return hits;
};

/** UK: a third party who asked not to be contacted. */
export const ukThirdPartyRule: Rule = (ctx) => {
  const rule = 'UK-PRIVACY';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.party !== 'third_party') return [];
  if (!ctx.facts.thirdPartyRefusals?.includes(ctx.action.contact)) return [];
  return [refusalHit(rule, severity, contactName(ctx.action))];
};
