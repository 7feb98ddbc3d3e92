/**
 * An administrator's hold on accounts beside the password: disable or enable a user, and clear a
 * lockout without changing the password. Both are audited; disabling ends the user's sessions.
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { users as userMethods, UserView } from '../../../common/api/methods/auth';
import { usersRepo, type UserRow } from '../../../db/repos/users';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { userView } from './auth';

type UserInput<K extends keyof typeof userMethods> = z.output<(typeof userMethods)[K]['input']>;

function existing(ctx: CallContext, userId: string): UserRow {
  const u = usersRepo.byId(ctx.app.db, userId);
  if (!u) throw new AppError('NOT_FOUND', `No user with id ${userId}.`, undefined, { key: 'user.notFound' });
  return u;
}

function reread(ctx: CallContext, id: string): UserView {
  return userView(existing(ctx, id));
}

export const userAdminService = {
  setDisabled(ctx: CallContext, input: UserInput<'setDisabled'>): UserView {
    const u = existing(ctx, input.userId);
    if (u.id === ctx.actor.id && input.disabled) throw new AppError('CONFLICT', 'You cannot disable your own account.', undefined, { key: 'user.ownAccount' });
    const at = ctx.app.clock.now().toISOString();
    ctx.app.db.transaction(() => {
      ctx.app.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(input.disabled ? 1 : 0, u.id);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: input.disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectId: u.id, outcome: 'ok' });
    })();
    if (input.disabled) ctx.session.store.endAllFor(u.id);
    return reread(ctx, u.id);
  },

  unlock(ctx: CallContext, input: UserInput<'unlock'>): UserView {
    const u = existing(ctx, input.userId);
    const at = ctx.app.clock.now().toISOString();
    ctx.app.db.transaction(() => {
      ctx.app.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(u.id);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'user.unlock', objectType: 'user', objectId: u.id, outcome: 'ok', details: { wasLockedUntil: u.locked_until } });
    })();
    return reread(ctx, u.id);
  },
};
