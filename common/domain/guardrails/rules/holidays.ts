import type { Hit } from '../context';
import { yearsText } from '../calendars';
import { calendarDay } from '../holidays';
import { dayKey } from '../time';
import { msg, nextAt, join } from './msg';
import type { Rule } from './types';

/**
 * *-HOLIDAY: statutory holidays on the borrower's local date (adjusted working days count as working days).
 * A date in a year no calendar covers fails closed: the rule's own level (warn, or block where the placement
 * blocks on holidays) says the calendar is missing, and only a person (installing it) lifts a block.
 */
export const holidayRule: Rule = (ctx, tc) => {
  const { holidays } = ctx.policy;
  if (holidays.mode === 'off' || !holidays.channels.includes(ctx.action.channel)) return [];
  const rule = `${ctx.prefix}-HOLIDAY`;
  const severity = holidays.mode;
  const verb = severity === 'block' ? msg('已拦截', 'Blocked') : msg('注意', 'Caution');
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const g of tc.grids) {
    const s = calendarDay(holidays.calendar, g.today);
    const date = dayKey(g.today);
    if (s.kind === 'missing') {
      if (seen.has(date)) continue;
      seen.add(date);
      const covered = yearsText(s.covered);
      hits.push({
        rule,
        severity,
        lift: 'person',
        message: () =>
          msg(
            `${verb['zh-CN']}：${rule} 无法判断 ${date} 是否为法定节假日——缺少 ${s.year} 年的节假日日历（${holidays.calendar}，已有：${covered}）。请导入该年度日历（casedesk calendar import）。`,
            `${verb.en}: ${rule} cannot tell whether ${date} is a statutory holiday — the ${holidays.calendar} holiday calendar for ${s.year} is missing (covered: ${covered}). Import it with casedesk calendar import.`,
          ),
      });
      continue;
    }
    if (s.kind !== 'holiday') continue;
    const release = g.startOf(g.today + 1);
    hits.push({
      rule,
      severity,
      lift: release,
      message: () =>
        join(
          msg(
            `${verb['zh-CN']}：${date} 是借款人当地的法定节假日（${s.name}）。`,
            `${verb.en}: ${date} is a statutory holiday where the borrower is (${s.name}).`,
          ),
          severity === 'block' ? nextAt(release, g.zone) : msg('', ''),
        ),
    });
  }
  return hits;
};
