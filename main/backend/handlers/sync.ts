/** The `sync` namespace: thin — parse is done by the dispatcher, the work by the sync service. */
import { syncServiceOf } from '../sync/service';
import type { NamespaceHandlers } from './types';

export const syncHandlers: NamespaceHandlers<'sync'> = {
  status: (_input, ctx) => syncServiceOf(ctx.app).status(),
  now: (_input, ctx) => syncServiceOf(ctx.app).syncNow(),
  enroll: (input, ctx) => syncServiceOf(ctx.app).enroll(input),
  createReport: (input, ctx) => syncServiceOf(ctx.app).createReport(input),
  reports: (input, ctx) => syncServiceOf(ctx.app).listReports(input.placementId),
};
