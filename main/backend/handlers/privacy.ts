import { purgeExpired } from '../services/privacy';
import type { NamespaceHandlers } from './types';

export const privacyHandlers: NamespaceHandlers<'privacy'> = {
  purgeExpired: (_input, ctx) => purgeExpired(ctx.app, ctx.actor.id),
};
