import { z } from 'zod';
import { formatIssues } from '../zod-issues';

/** A holiday calendar as data: one jurisdiction, one year, its statutory holidays and adjusted working days. */
export const CALENDAR_FORMAT = 'casedesk-calendar@1';
export const JURISDICTIONS = ['cn', 'us', 'gb'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function realDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const days = z.record(z.string().refine(realDate, 'expected a real date YYYY-MM-DD'), z.string().min(1).max(200));

export const calendarFileSchema = z
  .strictObject({
    format: z.literal(CALENDAR_FORMAT),
    jurisdiction: z.enum(JURISDICTIONS),
    year: z.number().int().min(2000).max(2100),
    source: z.string().min(1).max(500),
    holidays: days,
    workdays: days.default({}),
  })
  .superRefine((c, ctx) => {
    for (const [kind, table] of [['holidays', c.holidays], ['workdays', c.workdays]] as const) {
      for (const date of Object.keys(table)) {
        if (!date.startsWith(`${c.year}-`)) ctx.addIssue({ code: 'custom', path: [kind, date], message: `not in ${c.year}` });
      }
    }
    for (const date of Object.keys(c.workdays)) {
      if (date in c.holidays) ctx.addIssue({ code: 'custom', path: ['workdays', date], message: 'both a holiday and a working day' });
    }
  });

export type CalendarFile = z.infer<typeof calendarFileSchema>;

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}

/** unknown JSON → one calendar or a list of them, or a CalendarError naming the first bad path. */
export function parseCalendars(input: unknown): CalendarFile[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw new CalendarError('(root): no calendar in the file');
  return list.map((item, i) => {
    const r = calendarFileSchema.safeParse(item);
    if (!r.success) throw new CalendarError(`${Array.isArray(input) ? `[${i}].` : ''}${formatIssues(r.error.issues)}`);
    return r.data;
  });
}
