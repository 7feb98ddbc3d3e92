import { lenderNote, level, type Entry, type Hit } from '../context';
import { samePerson } from '../counting';
import { join, msg, nextAt } from './msg';
import type { Rule } from './types';

const WRITTEN = new Set(['sms', 'email', 'letter']);

/** UK-EXCESSIVE: configurable caps on calls per day, calls per window and written messages per window. */
export const ukExcessiveRule: Rule = (ctx, tc) => {
  const rule = 'UK-EXCESSIVE';
  const severity = level(ctx, rule);
  const { channel } = ctx.action;
  if (!severity || channel === 'visit') return [];
  const caps = ctx.policy.limits.ukExcessive;
  const hits: Hit[] = [];
  const isCall = channel === 'call';
  for (const g of tc.grids) {
    const first = g.today - (caps.windowDays - 1);
    const inWindow: { x: Entry; day: number }[] = [];
    for (const x of ctx.recent) {
      if (x.e.direction === 'inbound' || !samePerson(ctx, x)) continue;
      if (isCall ? x.e.channel !== 'call' || x.e.result === 'not_in_service' : !WRITTEN.has(x.e.channel)) continue;
      const day = g.dayOf(x.t);
      if (day !== null && day >= first) inWindow.push({ x, day });
    }
    const cap = isCall ? caps.maxCallsPerWindow : caps.maxWrittenPerWindow;
    const what = isCall ? msg('电话', 'calls') : msg('书面联系', 'written messages');
    if (inWindow.length >= cap) {
      const pivot = inWindow[cap - 1];
      const lift = pivot === undefined ? ('person' as const) : g.startOf(pivot.day + caps.windowDays);
      const note = lenderNote(inWindow.map((c) => c.x));
      const n = inWindow.length;
      hits.push({
        rule,
        severity,
        lift,
        message: () =>
          join(
            msg(
              `${severity === 'block' ? '已拦截' : '注意'}：近 ${caps.windowDays} 天已有 ${n} 次${what['zh-CN']}${note['zh-CN']}（上限 ${cap}），可能构成过度联系。`,
              `${severity === 'block' ? 'Blocked' : 'Caution'}: ${n} ${what.en} in the last ${caps.windowDays} days${note.en} (limit ${cap}); this may be excessive.`,
            ),
            severity === 'block' && typeof lift === 'number' ? nextAt(lift, g.zone) : msg('', ''),
          ),
      });
    }
    if (!isCall) continue;
    const today = inWindow.filter((c) => c.day === g.today);
    if (today.length >= caps.maxCallsPerDay) {
      const release = g.startOf(g.today + 1);
      hits.push({
        rule,
        severity,
        lift: release,
        message: () =>
          join(
            msg(
              `${severity === 'block' ? '已拦截' : '注意'}：今日已拨打 ${today.length} 次（上限 ${caps.maxCallsPerDay}），可能构成过度联系。`,
              `${severity === 'block' ? 'Blocked' : 'Caution'}: ${today.length} calls today (limit ${caps.maxCallsPerDay}); this may be excessive.`,
            ),
            severity === 'block' ? nextAt(release, g.zone) : msg('', ''),
          ),
      });
    }
  }
  return hits;
};
