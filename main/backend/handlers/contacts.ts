import { contactService } from '../services/contacts';
import type { NamespaceHandlers } from './types';

export const contactHandlers: NamespaceHandlers<'contacts'> = {
  check: (input, ctx) => contactService.check(ctx, input),
  log: (input, ctx) => contactService.log(ctx, input),
};
