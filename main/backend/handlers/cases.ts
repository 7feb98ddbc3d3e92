import { caseService } from '../services/cases';
import { outcomeService } from '../services/outcomes';
import { reassignMany } from '../services/reassign-many';
import type { NamespaceHandlers } from './types';

export const caseHandlers: NamespaceHandlers<'cases'> = {
  queue: (input, ctx) => caseService.queue(ctx, input),
  get: (input, ctx) => caseService.get(ctx, input.caseId),
  next: (input, ctx) => caseService.next(ctx, input.placementId),
  reveal: (input, ctx) => caseService.reveal(ctx, input),
  setOutcome: (input, ctx) => outcomeService.setOutcome(ctx, input),
  saveAffordability: (input, ctx) => outcomeService.saveAffordability(ctx, input),
  reassign: (input, ctx) => outcomeService.reassign(ctx, input),
  reassignMany: (input, ctx) => reassignMany(ctx, input),
};
