import { z } from 'zod';
import { method } from '../method';
import { FreeText, Id } from '../schemas';
import type { ComplaintView } from '../types';

export const COMPLAINT_CATEGORIES = ['conduct', 'frequency', 'third_party_disclosure', 'amount_disputed', 'privacy', 'vulnerability', 'other'] as const;

export const complaints = {
  create: method<ComplaintView>()(
    z.strictObject({
      caseId: Id,
      category: z.enum(COMPLAINT_CATEGORIES),
      channel: z.enum(['call', 'letter', 'email', 'sms', 'visit', 'regulator', 'lender']),
      description: FreeText.min(5, 'describe the complaint in at least 5 characters'),
    }),
    { description: 'Log a borrower complaint; the case is flagged and contact pauses per policy.' },
  ),
  list: method<ComplaintView[]>()(
    z.strictObject({ status: z.enum(['open', 'responded', 'resolved', 'escalated', 'all']).default('open') }),
    { roles: ['supervisor', 'admin'], description: 'Complaints of the team.' },
  ),
  update: method<ComplaintView>()(
    z.strictObject({
      complaintId: Id,
      action: z.enum(['assign', 'respond', 'resolve', 'escalate']),
      assigneeId: Id.optional(),
      text: FreeText.optional(),
    }),
    { roles: ['supervisor', 'admin'], description: 'Assign, respond to, resolve or escalate a complaint (audited).' },
  ),
};
