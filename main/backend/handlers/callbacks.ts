import { callbackService } from '../services/callbacks';
import type { NamespaceHandlers } from './types';

export const callbackHandlers: NamespaceHandlers<'callbacks'> = {
  schedule: (input, ctx) => callbackService.schedule(ctx, input),
  list: (input, ctx) => callbackService.list(ctx, input),
  complete: (input, ctx) => callbackService.complete(ctx, input.callbackId),
  cancel: (input, ctx) => callbackService.cancel(ctx, input.callbackId),
  worklist: (input, ctx) => callbackService.worklist(ctx, input),
};
