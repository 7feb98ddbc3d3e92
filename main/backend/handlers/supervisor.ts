/** The `supervisor` namespace: thin — parsing is the dispatcher's, the work the service's. */
import { supervisorService } from '../services/supervisor';
import type { NamespaceHandlers } from './types';

export const supervisorHandlers: NamespaceHandlers<'supervisor'> = {
  dashboard: (input, ctx) => supervisorService.dashboard(ctx, input),
  team: (_input, ctx) => supervisorService.team(ctx),
};
