import type { Hit } from '../context';
import { holidayOn } from '../holidays';
import { dayKey } from '../time';
import { msg, nextAt, join } from './msg';
import type { Rule } from './types';

/** *-HOLIDAY: statutory holidays on the borrower's local date (adjusted working days count as working days). */
export const holidayRule: Rule = (ctx, tc) => {
  const { holidays } = ctx.policy;
  if (holidays.mode === 'off' || !holidays.channels.includes(ctx.action.channel)) return [];
  const rule = `${ctx.prefix}-HOLIDAY`;
  const severity = holidays.mode;
  const hits: Hit[] = [];
  for (const g of tc.grids) {
    const h = holidayOn(holidays.calendar, g.today);
    if (!h) continue;
    const release = g.startOf(g.today + 1);
    const date = dayKey(g.today);
    const verb = severity === 'block' ? msg('已拦截', 'Blocked') : msg('注意', 'Caution');
    hits.push({
      rule,
      severity,
      lift: release,
      message: () =>
        join(
          msg(
            `${verb['zh-CN']}：${date} 是借款人当地的法定节假日（${h.name}）。`,
            `${verb.en}: ${date} is a statutory holiday where the borrower is (${h.name}).`,
          ),
          severity === 'block' ? nextAt(release, g.zone) : msg('', ''),
        ),
    });
  }
  return hits;
};
