import { complaintService } from '../services/complaints';
import type { NamespaceHandlers } from './types';

export const complaintHandlers: NamespaceHandlers<'complaints'> = {
  create: (input, ctx) => complaintService.create(ctx, input),
  list: (input, ctx) => complaintService.list(ctx, input),
  update: (input, ctx) => complaintService.update(ctx, input),
};
