import { caseService } from '../services/cases';
import { outcomeService } from '../services/outcomes';
import { claimCase, nextCaseService } from '../services/next-case';
import { reassignMany } from '../services/reassign-many';
import type { NamespaceHandlers } from './types';

export const caseHandlers: NamespaceHandlers<'cases'> = {
  queue: (input, ctx) => caseService.queue(ctx, input),
  get: (input, ctx) => {
    const detail = caseService.get(ctx, input.caseId);
    claimCase(ctx, detail.id); // opening a case holds it: no one else's `n` serves it meanwhile
    return detail;
  },
  next: (input, ctx) => nextCaseService.next(ctx, input.placementId),
  reveal: (input, ctx) => caseService.reveal(ctx, input),
  setOutcome: (input, ctx) => outcomeService.setOutcome(ctx, input),
  saveAffordability: (input, ctx) => outcomeService.saveAffordability(ctx, input),
  reassign: (input, ctx) => outcomeService.reassign(ctx, input),
  reassignMany: (input, ctx) => reassignMany(ctx, input),
};
