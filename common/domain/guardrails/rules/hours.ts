import { level, zoneNote, type Hit } from '../context';
import { isoWeekday, parseHhmm, wallTime, formatLocal } from '../time';
import { join, msg, nextAt } from './msg';
import type { Rule } from './types';

/** CN-HOURS / US-HOURS / UK-HOURS: the lawful window in every candidate zone, plus the borrower's own no-contact windows. */
export const hoursRule: Rule = (ctx, tc) => {
  const rule = `${ctx.prefix}-HOURS`;
  const severity = level(ctx, rule);
  const { hours } = ctx.policy;
  if (!severity || !hours.channels.includes(ctx.action.channel)) return [];
  const hits: Hit[] = [];
  const start = parseHhmm(hours.start);
  const end = parseHhmm(hours.end);
  const t = tc.t;
  for (const g of tc.grids) {
    const zone = g.zone;
    if (!ctx.facts.nightContactAgreed) {
      const open = wallTime(zone, g.today, start);
      const close = wallTime(zone, g.today, end);
      if (t < open || t >= close) {
        const release = t < open ? open : wallTime(zone, g.today + 1, start);
        hits.push({
          rule,
          severity,
          lift: release,
          message: () =>
            join(
              msg(
                `已拦截：借款人当地时间 ${formatLocal(t, zone)} 不在允许联系时段 ${hours.start}–${hours.end} 内`,
                `Blocked: ${formatLocal(t, zone)} is outside the lawful hours ${hours.start}–${hours.end} borrower-local`,
              ),
              zoneNote(ctx),
              msg('。', '.'),
              nextAt(release, zone),
            ),
        });
      }
    }
    for (const w of ctx.facts.inconvenientTimes ?? []) {
      const from = parseHhmm(w.from);
      const to = parseHhmm(w.to);
      if (from === to) continue;
      const onDay = (day: number): boolean => !w.weekdays || w.weekdays.includes(isoWeekday(day));
      let release: number | null = null;
      if (from < to) {
        if (onDay(g.today) && t >= wallTime(zone, g.today, from) && t < wallTime(zone, g.today, to)) {
          release = wallTime(zone, g.today, to);
        }
      } else if (onDay(g.today) && t >= wallTime(zone, g.today, from)) {
        release = wallTime(zone, g.today + 1, to);
      } else if (onDay(g.today - 1) && t < wallTime(zone, g.today, to)) {
        release = wallTime(zone, g.today, to);
      }
      if (release === null) continue;
      const r = release;
      hits.push({
        rule,
        severity,
        lift: r,
        message: () =>
          join(
            msg(
              `已拦截：借款人要求 ${w.from}–${w.to}（当地时间）不接受联系`,
              `Blocked: the borrower asked not to be contacted ${w.from}–${w.to} local time`,
            ),
            msg('。', '.'),
            nextAt(r, zone),
          ),
      });
    }
  }
  return hits;
};
