import { lenderNote, level, type Hit } from '../context';
import { isCnUnanswered, isOutboundCall, samePerson } from '../counting';
import { join, msg, nextAt, contactName } from './msg';
import type { Rule } from './types';

/** CN-UNANSWERED: unanswered attempts per contact point per local day — warn from the 5th, block the 7th. */
export const cnUnansweredRule: Rule = (ctx, tc) => {
  const rule = 'CN-UNANSWERED';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.channel !== 'call') return [];
  const { maxPerContactPerDay: max, warnAt } = ctx.policy.limits.cnUnanswered;
  const hits: Hit[] = [];
  for (const g of tc.grids) {
    const today = ctx.recent.filter(
      (x) => x.e.contact === ctx.action.contact && isCnUnanswered(x) && g.dayOf(x.t) === g.today,
    );
    const ordinal = today.length + 1;
    const note = lenderNote(today);
    if (ordinal > max) {
      const release = g.startOf(g.today + 1);
      hits.push({
        rule,
        severity,
        lift: release,
        message: () =>
          join(
            msg(
              `已拦截：号码 ${contactName(ctx.action)} 今日（借款人当地）已有 ${today.length} 次未接通${note['zh-CN']}，每日上限 ${max} 次。`,
              `Blocked: ${today.length} unanswered attempts to ${contactName(ctx.action)} today (borrower-local)${note.en}; the daily limit is ${max}.`,
            ),
            nextAt(release, g.zone),
          ),
      });
    } else if (ordinal >= warnAt) {
      hits.push({
        rule,
        severity: 'warn',
        message: () =>
          msg(
            `注意：这将是今日对号码 ${contactName(ctx.action)} 的第 ${ordinal} 次未接通尝试${note['zh-CN']}（上限 ${max} 次）。`,
            `Caution: this would be unanswered attempt ${ordinal} to ${contactName(ctx.action)} today${note.en} (limit ${max}).`,
          ),
      });
    }
  }
  return hits;
};

/** CN-CONNECTED: connected calls per debtor per local day, lender and all agencies together. */
export const cnConnectedRule: Rule = (ctx, tc) => {
  const rule = 'CN-CONNECTED';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.channel !== 'call' || ctx.action.party === 'third_party') return [];
  const max = ctx.policy.limits.cnConnected.maxPerDay;
  const hits: Hit[] = [];
  for (const g of tc.grids) {
    const today = ctx.recent.filter(
      (x) => isOutboundCall(x) && x.e.result === 'connected' && samePerson(ctx, x) && g.dayOf(x.t) === g.today,
    );
    if (today.length < max) continue;
    const release = g.startOf(g.today + 1);
    const note = lenderNote(today);
    hits.push({
      rule,
      severity,
      lift: release,
      message: () =>
        join(
          msg(
            `已拦截：今日（借款人当地）已接通 ${today.length} 次${note['zh-CN']}，每日上限 ${max} 次（含出借方及其他机构）。`,
            `Blocked: ${today.length} connected calls with the debtor today (borrower-local)${note.en}; the daily limit is ${max} across the lender and all agencies.`,
          ),
          nextAt(release, g.zone),
        ),
    });
  }
  return hits;
};
