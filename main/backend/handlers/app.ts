import { placementsRepo } from '../../../db/repos/placements';
import { settingsRepo } from '../../../db/repos/settings';
import { placementView } from '../services/cases';
import { APP_VERSION } from '../version';
import type { NamespaceHandlers } from './types';

export const appHandlers: NamespaceHandlers<'app'> = {
  info: (_input, ctx) => ({
    version: APP_VERSION,
    host: ctx.app.host === 'electron' ? 'electron' : 'web',
    user: ctx.actor,
    workstationId: ctx.app.workstationId,
    locale: settingsRepo.get(ctx.app.db, 'locale') ?? 'zh-CN',
  }),
  placements: (_input, ctx) => placementsRepo.all(ctx.app.db).map(placementView),
};
