import { z } from 'zod';
import { method } from '../method';
import { CaseStatusSchema, FreeText, Id, MinorUnits, Reason } from '../schemas';
import type { NextCaseResult } from '../types-dayloop';
import type { AffordabilityView, CaseDetail, QueuePage, ReassignManyResult } from '../types';

export const QUEUE_SORTS = ['priority', 'balance', 'dpd', 'nextAction', 'nextContact', 'reference'] as const;
export const BUCKETS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7+'] as const;

export const QueueQuery = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: z.enum(QUEUE_SORTS).default('priority'),
  dir: z.enum(['asc', 'desc']).optional(),
  search: z.string().trim().max(100, 'search at most 100 characters').optional(),
  filters: z
    .strictObject({
      placementId: Id.optional(),
      status: z.array(CaseStatusSchema).max(5).optional(),
      bucket: z.enum(BUCKETS).optional(),
      promiseDueToday: z.boolean().optional(),
      contactableNow: z.boolean().optional(),
      includeClosed: z.boolean().optional(),
      /** One collector's cases (the supervisor's collector filter). */
      assigneeId: Id.optional(),
    })
    .default({}),
});
export type QueueQueryInput = z.input<typeof QueueQuery>;

export const ReassignManyInput = z.strictObject({
  fromAssigneeId: Id,
  toAssigneeIds: z.array(Id).min(1, 'pick at least one collector').max(50),
  placementId: Id.optional(),
  dryRun: z.boolean().default(false),
});

export const RevealInput = z.strictObject({
  caseId: Id,
  field: z.enum(['name', 'nationalId', 'address', 'contactPoint']),
  contactPointId: Id.optional(),
  reason: Reason,
});

export const cases = {
  queue: method<QueuePage>()(QueueQuery, { description: 'A page of the work queue, prioritised by default.' }),
  get: method<CaseDetail>()(z.strictObject({ caseId: Id }), { description: 'One case with its timeline.' }),
  next: method<NextCaseResult>()(z.strictObject({ placementId: Id.optional() }), {
    description: 'The next case to work now (callbacks due, promises due, then the queue; attempted cases rest) and why.',
  }),
  reveal: method<{ value: string }>()(RevealInput, {
    description: 'Unmask one personal-data field; needs a reason; audited.',
  }),
  setOutcome: method<CaseDetail>()(
    z.strictObject({
      caseId: Id,
      outcome: z.enum(['paid_in_full', 'settled', 'payment_plan', 'returned_to_lender', 'legal_review', 'unable_to_locate']),
      reason: Reason,
    }),
    { description: 'Record the case outcome; outcomes other than payment_plan close the case.' },
  ),
  saveAffordability: method<AffordabilityView>()(
    z.strictObject({ caseId: Id, monthlyIncomeMinor: MinorUnits, monthlyExpenditureMinor: MinorUnits, notes: FreeText.default('') }),
    { description: 'Record an income and expenditure assessment; returns the suggested affordable plan.' },
  ),
  reassign: method<{ caseId: string; assigneeId: string }>()(z.strictObject({ caseId: Id, assigneeId: Id }), {
    roles: ['supervisor', 'admin'],
    description: 'Move a case to another collector of the team (audited).',
  }),
  reassignMany: method<ReassignManyResult>()(ReassignManyInput, {
    roles: ['supervisor', 'admin'],
    description: 'Move every case a collector holds (optionally one placement) to one or more collectors of the team, shared out in turn; dryRun only counts (each case audited).',
  }),
};
