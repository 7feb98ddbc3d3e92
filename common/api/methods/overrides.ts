import { z } from 'zod';
import { method } from '../method';
import { Id, Reason } from '../schemas';
import type { OverrideView } from '../types';

export const overrides = {
  request: method<OverrideView>()(z.strictObject({ decisionId: Id, reason: Reason }), {
    description: 'Ask a supervisor to approve proceeding past a warning that needs approval.',
  }),
  list: method<OverrideView[]>()(z.strictObject({ status: z.enum(['pending', 'approved', 'refused', 'used', 'all']).default('pending') }), {
    roles: ['supervisor', 'admin'],
    description: 'Override requests of the team.',
  }),
  decide: method<OverrideView>()(z.strictObject({ overrideId: Id, approve: z.boolean(), reason: Reason }), {
    roles: ['supervisor', 'admin'],
    description: 'Approve or refuse an override request, with a reason (audited).',
  }),
};
