import { level, type Hit } from '../context';
import { countsAsRegFCall, isOutboundCall, samePerson } from '../counting';
import { holidayOn } from '../holidays';
import { isoWeekday, MINUTE } from '../time';
import { msg, contactName } from './msg';
import type { Rule } from './types';

/** US-PATTERN: call patterns that can rebut compliance even under the caps. Warnings only. */
export const usPatternRule: Rule = (ctx, tc) => {
  const rule = 'US-PATTERN';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.channel !== 'call') return [];
  const p = ctx.policy.limits.usPattern;
  const f = ctx.policy.limits.usFrequency;
  const hits: Hit[] = [];
  const quickRepeat = ctx.recent.find(
    (x) =>
      isOutboundCall(x) &&
      x.e.contact === ctx.action.contact &&
      (x.e.result === 'no_answer' || x.e.result === 'voicemail') &&
      tc.t - x.t <= p.unansweredMinutes * MINUTE,
  );
  if (quickRepeat) {
    hits.push({
      rule,
      severity,
      message: () =>
        msg(
          `注意：${p.unansweredMinutes} 分钟内已对 ${contactName(ctx.action)} 拨打过一次未接通电话，连续拨打可能被视为骚扰。`,
          `Caution: an unanswered call to ${contactName(ctx.action)} within the last ${p.unansweredMinutes} minutes; back-to-back calls can show intent to harass.`,
        ),
    });
  }
  const g = tc.grids[0];
  if (!g) return hits;
  const today = ctx.recent.filter((x) => countsAsRegFCall(x, f) && samePerson(ctx, x) && g.dayOf(x.t) === g.today);
  if (today.length >= p.maxCallsPerDay) {
    hits.push({
      rule,
      severity,
      message: () =>
        msg(
          `注意：今日已拨打 ${today.length} 次，这将是第 ${today.length + 1} 次，单日集中拨打可能被视为骚扰。`,
          `Caution: ${today.length} calls already today; a ${today.length + 1}th call bunches calls in one day.`,
        ),
    });
  }
  const special = isoWeekday(g.today) === 7 || holidayOn('us', g.today) !== null;
  if (special && today.length > 0) {
    hits.push({
      rule,
      severity,
      message: () =>
        msg(
          '注意：今日为周日或法定节假日，且已有通话记录；节假日集中拨打可能被视为骚扰。',
          'Caution: calls bunched on a Sunday or holiday can show intent to harass.',
        ),
    });
  }
  return hits;
};
