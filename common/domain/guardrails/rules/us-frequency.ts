import { lenderNote, level, type Entry, type Hit } from '../context';
import {
  aboutDebt,
  consentActive,
  consentWindows,
  countsAsRegFCall,
  debtsOf,
  excludedByConsent,
  isConversation,
  samePerson,
} from '../counting';
import { dayKey } from '../time';
import { join, msg, nextAt } from './msg';
import type { Rule } from './types';

const debtName = (d: string | null): { zh: string; en: string } =>
  d === null ? { zh: '任一债务', en: 'any debt' } : { zh: `债务 ${d}`, en: `debt ${d}` };

/**
 * US-7IN7: more than `maxCalls` calls in `windowDays` consecutive local days, per person and per debt,
 * is presumed a violation, so the next call is blocked until enough calls leave the window.
 */
export const us7in7Rule: Rule = (ctx, tc) => {
  const rule = 'US-7IN7';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.channel !== 'call') return [];
  const f = ctx.policy.limits.usFrequency;
  const hits: Hit[] = [];
  for (const g of tc.grids) {
    const windows = consentWindows(ctx, g.zone);
    if (consentActive(windows, g)) continue; // this call is made with consent: outside the presumption
    const first = g.today - (f.windowDays - 1);
    for (const debt of debtsOf(ctx)) {
      const counted: { x: Entry; day: number }[] = [];
      for (const x of ctx.recent) {
        if (!countsAsRegFCall(x, f) || !samePerson(ctx, x) || !aboutDebt(x, debt)) continue;
        const day = g.dayOf(x.t);
        if (day === null || day < first || excludedByConsent(windows, x.t, day)) continue;
        counted.push({ x, day });
      }
      if (counted.length < f.maxCalls) continue;
      // recent is newest first, so counted[maxCalls-1] is the call whose leaving the window frees one slot.
      const pivot = counted[f.maxCalls - 1];
      const lift = pivot === undefined ? ('person' as const) : g.startOf(pivot.day + f.windowDays);
      const n = counted.length;
      const note = lenderNote(counted.map((c) => c.x));
      const name = debtName(debt);
      hits.push({
        rule,
        severity,
        lift,
        message: () =>
          join(
            msg(
              `已拦截：近 ${f.windowDays} 天内已就${name.zh}拨打 ${n} 次电话${note['zh-CN']}（上限 ${f.maxCalls} 次）。`,
              `Blocked: ${n} calls already in the last ${f.windowDays} days about ${name.en}${note.en} (limit ${f.maxCalls}).`,
            ),
            typeof lift === 'number' ? nextAt(lift, g.zone) : msg('', ''),
          ),
      });
    }
  }
  return hits;
};

/** US-AFTER-CONVERSATION: no call about a debt within 7 consecutive days of a conversation about it (that day is day 1). */
export const usAfterConversationRule: Rule = (ctx, tc) => {
  const rule = 'US-AFTER-CONVERSATION';
  const severity = level(ctx, rule);
  if (!severity || ctx.action.channel !== 'call') return [];
  const days = ctx.policy.limits.usFrequency.afterConversationDays;
  const hits: Hit[] = [];
  for (const g of tc.grids) {
    const windows = consentWindows(ctx, g.zone);
    if (consentActive(windows, g)) continue;
    const first = g.today - (days - 1);
    for (const debt of debtsOf(ctx)) {
      let latest: { x: Entry; day: number } | null = null;
      for (const x of ctx.recent) {
        if (!isConversation(x) || !samePerson(ctx, x) || !aboutDebt(x, debt)) continue;
        const day = g.dayOf(x.t);
        if (day === null || day < first) continue;
        latest = { x, day };
        break; // newest first: the first match is the latest conversation
      }
      if (!latest) continue;
      const release = g.startOf(latest.day + days);
      const convDay = dayKey(latest.day);
      const dayNo = g.today - latest.day + 1;
      const name = debtName(debt);
      const fromLender = latest.x.e.source === 'lender';
      hits.push({
        rule,
        severity,
        lift: release,
        message: () =>
          join(
            msg(
              `已拦截：${convDay} 已就${name.zh}与对方通话${fromLender ? '（出借方台账记录）' : ''}，今日为第 ${dayNo} 天（共 ${days} 天）。`,
              `Blocked: telephone conversation about ${name.en} on ${convDay}${fromLender ? " (lender's ledger)" : ''}; today is day ${dayNo} of ${days}.`,
            ),
            nextAt(release, g.zone),
          ),
      });
    }
  }
  return hits;
};
