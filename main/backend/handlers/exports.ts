/** The `exports` namespace: background report exports with signed manifests. */
import { exportJobs } from '../exports/jobs';
import type { NamespaceHandlers } from './types';

export const exportHandlers: NamespaceHandlers<'exports'> = {
  start: (input, ctx) => exportJobs.start(ctx, input),
  status: (input, ctx) => exportJobs.status(ctx, input.jobId),
  cancel: (input, ctx) => exportJobs.cancel(ctx, input.jobId),
  list: (_input, ctx) => exportJobs.list(ctx),
};
