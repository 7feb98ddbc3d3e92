import { inboundService } from '../services/inbound';
import type { NamespaceHandlers } from './types';

export const inboundHandlers: NamespaceHandlers<'inbound'> = {
  findByPhone: (input, ctx) => inboundService.findByPhone(ctx, input.number),
};
