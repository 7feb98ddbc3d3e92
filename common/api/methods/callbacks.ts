import { z } from 'zod';
import { method } from '../method';
import { Id, IsoDate } from '../schemas';
import type { CallbackView } from '../types-dayloop';

export const WORKLISTS = ['callbacks_due', 'promises_today', 'broken_promises', 'untouched'] as const;

export const ScheduleCallbackInput = z.strictObject({
  caseId: Id,
  /** The borrower-local date and wall time of the callback. */
  date: IsoDate,
  time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm'),
  /** The zone the time is in; default the borrower's (first) zone, else the placement's. */
  zone: z.string().min(1).max(64).optional(), // checked as an IANA zone by the service

  note: z.string().trim().max(500, 'at most 500 characters').default(''),
  source: z.enum(['case', 'contact', 'promise']).default('case'),
});

export const ListCallbacksInput = z.strictObject({
  caseId: Id.optional(),
  status: z.enum(['due', 'done', 'cancelled']).optional(),
  /** Only callbacks due now (status due, time reached). */
  dueNow: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface WorklistRow {
  caseId: string;
  reference: string;
  borrowerName: string;
  /** Callback: its instant; promise: its due date; untouched: the last contact (null = never). */
  at: string | null;
}

export const callbacks = {
  schedule: method<CallbackView>()(ScheduleCallbackInput, {
    description: 'Schedule a callback at a borrower-local date and time; refused when a call then would not be lawful.',
  }),
  list: method<CallbackView[]>()(ListCallbacksInput, { description: 'Callbacks of the caller’s cases (or one case), soonest first.' }),
  complete: method<CallbackView>()(z.strictObject({ callbackId: Id }), { description: 'Mark a due callback done (audited).' }),
  cancel: method<CallbackView>()(z.strictObject({ callbackId: Id }), { description: 'Cancel a due callback (audited).' }),
  worklist: method<WorklistRow[]>()(
    z.strictObject({
      kind: z.enum(WORKLISTS),
      /** untouched: no contact in this many days. */
      days: z.number().int().min(1).max(365).default(14),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    { description: 'A worklist: callbacks due, promises due today, broken promises, or cases not touched in N days.' },
  ),
};
