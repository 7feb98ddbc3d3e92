import { promiseService } from '../services/promises';
import type { NamespaceHandlers } from './types';

export const promiseHandlers: NamespaceHandlers<'promises'> = {
  create: (input, ctx) => promiseService.create(ctx, input),
  previewPlan: (input, ctx) => promiseService.previewPlan(ctx, input),
  createPlan: (input, ctx) => promiseService.createPlan(ctx, input),
  recordPayment: (input, ctx) => promiseService.recordPayment(ctx, input),
};
