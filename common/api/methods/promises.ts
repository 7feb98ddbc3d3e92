import { z } from 'zod';
import { method } from '../method';
import { ChannelSchema, Id, IsoDate, MinorUnits } from '../schemas';
import type { PaymentResult, PlanView, PromiseView } from '../types';
import type { ScheduledInstallment } from '../../domain/plans/schedule';
import { ledgerMethods } from './ledger';

/** Why the new arrangement replaces the active one (the case's active arrangement is superseded). */
const ReplaceReason = z.string().trim().min(1).max(500).optional();

const PlanTerms = z.strictObject({
  caseId: Id,
  totalMinor: MinorUnits.min(1),
  count: z.number().int().min(1, 'at least one installment').max(120, 'at most 120 installments'),
  firstDueDate: IsoDate,
  frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
  replaceReason: ReplaceReason,
});

export const promises = {
  create: method<PromiseView>()(
    z.strictObject({ caseId: Id, amountMinor: MinorUnits.min(1), dueDate: IsoDate, channel: ChannelSchema.default('call'), replaceReason: ReplaceReason }),
    { description: 'Record a promise to pay.' },
  ),
  previewPlan: method<ScheduledInstallment[]>()(PlanTerms, { description: 'The schedule a plan would have.' }),
  createPlan: method<PlanView>()(PlanTerms, { description: 'Agree an installment plan with the borrower.' }),
  recordPayment: method<PaymentResult>()(
    z.strictObject({
      caseId: Id,
      amountMinor: MinorUnits.min(1),
      paidOn: IsoDate,
      reference: z.string().trim().min(1, 'a payment reference is required').max(100),
    }),
    { description: 'Record money received; installments and promises are marked kept, partial or broken by date.' },
  ),
  ...ledgerMethods,
};
