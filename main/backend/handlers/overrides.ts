import { overrideService } from '../services/overrides';
import type { NamespaceHandlers } from './types';

export const overrideHandlers: NamespaceHandlers<'overrides'> = {
  request: (input, ctx) => overrideService.request(ctx, input),
  list: (input, ctx) => overrideService.list(ctx, input),
  decide: (input, ctx) => overrideService.decide(ctx, input),
};
