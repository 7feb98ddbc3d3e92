import { z } from 'zod';
import { method } from '../method';

export const privacy = {
  purgeExpired: method<{ purged: string[] }>()(z.strictObject({}), {
    roles: ['admin'],
    description:
      'Purge personal data of closed and recalled cases past their retention period (the later of the lender’s and the rule set’s), a borrower once none of their cases is open or retained (also runs shortly after start-up).',
  }),
};
