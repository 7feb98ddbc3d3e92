import { z } from 'zod';
import { method } from '../method';

export const privacy = {
  purgeExpired: method<{ purged: string[] }>()(z.strictObject({}), {
    roles: ['admin'],
    description: 'Purge personal data of closed and recalled cases past their retention period (also runs at start-up).',
  }),
};
