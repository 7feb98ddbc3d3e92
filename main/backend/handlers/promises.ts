import { promiseService } from '../services/promises';
import { ledgerService } from '../services/ledger/service';
import type { NamespaceHandlers } from './types';

export const promiseHandlers: NamespaceHandlers<'promises'> = {
  create: (input, ctx) => promiseService.create(ctx, input),
  previewPlan: (input, ctx) => promiseService.previewPlan(ctx, input),
  createPlan: (input, ctx) => promiseService.createPlan(ctx, input),
  recordPayment: (input, ctx) => promiseService.recordPayment(ctx, input),
  reversePayment: (input, ctx) => ledgerService.reversePayment(ctx, input),
  proposeSettlement: (input, ctx) => ledgerService.proposeSettlement(ctx, input),
  settlements: (_input, ctx) => ledgerService.settlements(ctx),
  decideSettlement: (input, ctx) => ledgerService.decideSettlement(ctx, input),
  paymentConflicts: (_input, ctx) => ledgerService.paymentConflicts(ctx),
};
