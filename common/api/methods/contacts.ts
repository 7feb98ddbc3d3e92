import { z } from 'zod';
import { method } from '../method';
import { ActivityChannelSchema, ChannelSchema, ContactResultSchema, FreeText, Id, IsoDate, MinorUnits } from '../schemas';
import { OUTCOME_CODES } from '../types';
import type { Decision, LogContactResult } from '../types';

export const CheckContactInput = z.strictObject({
  caseId: Id,
  channel: ChannelSchema,
  contactPointId: Id.nullable().optional(),
  text: FreeText.nullable().optional(),
  collectors: z.number().int().min(1).max(10).default(1),
  // The call as recorded so far, so the live check applies the call steps (US-DISCLOSURE, UK-IDV).
  direction: z.enum(['outbound', 'inbound']).optional(),
  result: ContactResultSchema.optional(),
  disclosureConfirmed: z.boolean().optional(),
  identityVerified: z.boolean().optional(),
});

export const LogContactInput = z
  .strictObject({
    caseId: Id,
    channel: ActivityChannelSchema,
    contactPointId: Id.nullable().default(null),
    direction: z.enum(['outbound', 'inbound']).default('outbound'),
    result: ContactResultSchema,
    outcome: z.enum(OUTCOME_CODES),
    text: FreeText.nullable().default(null),
    disclosureConfirmed: z.boolean().default(false),
    identityVerified: z.boolean().default(false),
    collectors: z.number().int().min(1).max(10).default(1),
    promise: z.strictObject({ amountMinor: MinorUnits.min(1), dueDate: IsoDate }).optional(),
    overrideId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.channel !== 'note' && v.channel !== 'visit' && v.contactPointId === null && v.direction === 'outbound') {
      ctx.addIssue({ code: 'custom', path: ['contactPointId'], message: 'an outbound contact needs the contact point used' });
    }
    if (v.outcome === 'promise_to_pay' && !v.promise) {
      ctx.addIssue({ code: 'custom', path: ['promise'], message: 'a promise to pay needs an amount and a date' });
    }
  });

export const contacts = {
  check: method<Decision>()(CheckContactInput, {
    description: 'Evaluate the guardrails for a contact without recording anything.',
  }),
  log: method<LogContactResult>()(LogContactInput, {
    description: 'Evaluate the guardrails, then record the contact (or only the blocking decision).',
  }),
};
