/**
 * Local accounts: first-run admin, sign-in with throttling and lockout, idle lock, password change
 * and admin reset. Every attempt is audited (a failed one names the username tried, never the password).
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { auth as authMethods, AuthStatus, SignedIn, users as userMethods, UserView } from '../../../common/api/methods/auth';
import { newId } from '../../../common/ids';
import { settingsRepo } from '../../../db/repos/settings';
import { usersRepo, type UserRow } from '../../../db/repos/users';
import { appendAudit } from '../audit/audit';
import { allowSignInAttempt, releaseAttempt, reserveAttempt } from '../auth/attempts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../auth/sessions';
import { loginRefusal } from '../auth/reasons';
import type { AppContext, CallContext } from '../context';

type AuthInput<K extends keyof typeof authMethods> = z.output<(typeof authMethods)[K]['input']>;
type UserInput<K extends keyof typeof userMethods> = z.output<(typeof userMethods)[K]['input']>;

export { MAX_FAILED_LOGINS } from '../auth/attempts';

export function idleLockMinutes(app: AppContext): number {
  const v = Number(settingsRepo.get(app.db, 'idle_lock_minutes') ?? DEFAULT_IDLE_LOCK_MINUTES);
  return Number.isFinite(v) && v >= 1 && v <= 120 ? v : DEFAULT_IDLE_LOCK_MINUTES;
}

const summary = (u: UserRow) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role });

export function userView(u: UserRow): UserView {
  return { ...summary(u), supervisorId: u.supervisor_id, disabled: u.disabled === 1, lockedUntil: u.locked_until };
}

function refuseOverRate(ctx: CallContext): void {
  if (!allowSignInAttempt(ctx.app.state, ctx.app.clock.now().getTime())) {
    throw new AppError('RATE_LIMITED', 'Too many sign-in attempts; wait a minute and try again.', undefined, { key: 'auth.tooManyAttempts' });
  }
}

function lockedOut(lockedUntil: string): AppError {
  return new AppError(
    'UNAUTHENTICATED',
    `Too many failed attempts: this account is locked until ${lockedUntil}. Ask an administrator to reset it.`,
    { lockedUntil },
    { key: 'auth.lockedOut', params: { until: lockedUntil } },
  );
}

export const authService = {
  status(ctx: CallContext): AuthStatus {
    const setupNeeded = usersRepo.all(ctx.app.db).length === 0;
    const check = ctx.session.store.check(ctx.session.token, ctx.app.clock.now().getTime(), false);
    const user = check.state === 'ok' || check.state === 'locked' ? usersRepo.byId(ctx.app.db, check.session.userId) : undefined;
    return { setupNeeded, user: user ? summary(user) : null, locked: check.state === 'locked', idleLockMinutes: idleLockMinutes(ctx.app) };
  },

  async setupAdmin(ctx: CallContext, input: AuthInput<'setupAdmin'>): Promise<SignedIn> {
    refuseOverRate(ctx);
    if (usersRepo.all(ctx.app.db).length > 0) throw new AppError('CONFLICT', 'This workstation is already set up; sign in instead.', undefined, { key: 'auth.alreadySetUp' });
    const hash = await hashPassword(input.password);
    const at = ctx.app.clock.now();
    const id = newId();
    ctx.app.db.transaction(() => {
      if (usersRepo.all(ctx.app.db).length > 0) throw new AppError('CONFLICT', 'This workstation is already set up; sign in instead.', undefined, { key: 'auth.alreadySetUp' });
      usersRepo.insert(ctx.app.db, { id, username: input.username, display_name: input.displayName, role: 'admin', supervisor_id: null, password_hash: hash, created_at: at.toISOString() });
      appendAudit(ctx.app.db, at.toISOString(), { actorId: id, action: 'auth.setup_admin', objectType: 'user', objectId: id, outcome: 'ok' });
    })();
    const user = usersRepo.byId(ctx.app.db, id);
    if (!user) throw new AppError('INTERNAL', 'The administrator was not stored.');
    const session = ctx.session.store.create(id, at.getTime());
    return { user: summary(user), token: session.token };
  },

  async login(ctx: CallContext, input: AuthInput<'login'>): Promise<SignedIn> {
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    refuseOverRate(ctx);
    const user = usersRepo.byUsername(ctx.app.db, input.username);
    const refuse = (why: string, userId: string | null, lockedUntil: string | null = null): never => {
      appendAudit(ctx.app.db, at, { actorId: userId, action: 'auth.login', objectType: 'user', objectId: userId, outcome: 'refused', details: { username: input.username, why } });
      if (lockedUntil) throw lockedOut(lockedUntil);
      throw new AppError('UNAUTHENTICATED', 'Wrong username or password.', undefined, loginRefusal(why, null));
    };
    if (!user || user.disabled === 1) {
      await verifyPassword(input.password, DUMMY_HASH); // same cost either way
      return refuse('unknown_or_disabled', null);
    }
    // Counted (and the lock decided) before the asynchronous hash check: see auth/attempts.ts.
    const reservation = reserveAttempt(ctx.app.db, user.id, now);
    if (reservation.state === 'locked') return refuse('locked_out', user.id, reservation.lockedUntil);
    const ok = await verifyPassword(input.password, user.password_hash);
    if (!ok) return refuse(reservation.lockedUntil ? 'wrong_password_now_locked' : 'wrong_password', user.id, reservation.lockedUntil);
    ctx.app.db.transaction(() => {
      releaseAttempt(ctx.app.db, user.id);
      appendAudit(ctx.app.db, at, { actorId: user.id, action: 'auth.login', objectType: 'user', objectId: user.id, outcome: 'ok' });
    })();
    // Unlocking: the same user on a locked session keeps it (and the UI its unsaved work).
    const current = ctx.session.store.check(ctx.session.token, now.getTime(), false);
    if ((current.state === 'locked' || current.state === 'ok') && current.session.userId === user.id) {
      ctx.session.store.unlock(current.session.token, now.getTime());
      return { user: summary(user), token: current.session.token };
    }
    ctx.session.store.end(ctx.session.token);
    const session = ctx.session.store.create(user.id, now.getTime());
    return { user: summary(user), token: session.token };
  },

  logout(ctx: CallContext): { ok: true } {
    const check = ctx.session.store.check(ctx.session.token, ctx.app.clock.now().getTime(), false);
    if (check.state === 'ok' || check.state === 'locked') {
      appendAudit(ctx.app.db, ctx.app.clock.now().toISOString(), { actorId: check.session.userId, action: 'auth.logout', objectType: 'user', objectId: check.session.userId, outcome: 'ok' });
    }
    ctx.session.store.end(ctx.session.token);
    return { ok: true };
  },

  async changePassword(ctx: CallContext, input: AuthInput<'changePassword'>): Promise<{ ok: true }> {
    const user = usersRepo.byId(ctx.app.db, ctx.actor.id);
    const at = ctx.app.clock.now().toISOString();
    if (!user || !(await verifyPassword(input.current, user.password_hash))) {
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'auth.change_password', objectType: 'user', objectId: ctx.actor.id, outcome: 'refused' });
      throw new AppError('VALIDATION', 'The current password is wrong.', { issues: [{ path: ['current'], message: 'wrong password', code: 'custom' }] }, { key: 'auth.currentPasswordWrong' });
    }
    const hash = await hashPassword(input.next);
    ctx.app.db.transaction(() => {
      ctx.app.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id);
      appendAudit(ctx.app.db, at, { actorId: user.id, action: 'auth.change_password', objectType: 'user', objectId: user.id, outcome: 'ok' });
    })();
    // Whoever knew the old password is signed out everywhere else; this session stays.
    ctx.session.store.endAllFor(user.id, ctx.session.token);
    return { ok: true };
  },
};

export const userService = {
  list(ctx: CallContext): UserView[] {
    const all = usersRepo.all(ctx.app.db);
    const visible = ctx.actor.role === 'admin' ? all : all.filter((u) => u.id === ctx.actor.id || u.supervisor_id === ctx.actor.id);
    return visible.map(userView);
  },

  async create(ctx: CallContext, input: UserInput<'create'>): Promise<UserView> {
    if (usersRepo.byUsername(ctx.app.db, input.username)) throw new AppError('CONFLICT', `The username ${input.username} is taken.`, undefined, { key: 'user.usernameTaken', params: { username: input.username } });
    if (input.supervisorId) {
      const sup = usersRepo.byId(ctx.app.db, input.supervisorId);
      if (!sup || sup.role !== 'supervisor') throw new AppError('VALIDATION', 'supervisorId must name a supervisor.', { issues: [{ path: ['supervisorId'], message: 'not a supervisor' }] }, { key: 'user.notSupervisor' });
    }
    const hash = await hashPassword(input.password);
    const at = ctx.app.clock.now().toISOString();
    const id = newId();
    ctx.app.db.transaction(() => {
      usersRepo.insert(ctx.app.db, { id, username: input.username, display_name: input.displayName, role: input.role, supervisor_id: input.supervisorId, password_hash: hash, created_at: at });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'user.create', objectType: 'user', objectId: id, outcome: 'ok', details: { role: input.role } });
    })();
    const u = usersRepo.byId(ctx.app.db, id);
    if (!u) throw new AppError('INTERNAL', 'The user was not stored.');
    return userView(u);
  },

  async resetPassword(ctx: CallContext, input: UserInput<'resetPassword'>): Promise<{ ok: true }> {
    const u = usersRepo.byId(ctx.app.db, input.userId);
    if (!u) throw new AppError('NOT_FOUND', `No user with id ${input.userId}.`, undefined, { key: 'user.notFound' });
    const hash = await hashPassword(input.password);
    const at = ctx.app.clock.now().toISOString();
    ctx.app.db.transaction(() => {
      ctx.app.db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(hash, u.id);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'user.reset_password', objectType: 'user', objectId: u.id, outcome: 'ok' });
    })();
    ctx.session.store.endAllFor(u.id);
    return { ok: true };
  },

  setRole(ctx: CallContext, input: UserInput<'setRole'>): UserView {
    const u = usersRepo.byId(ctx.app.db, input.userId);
    if (!u) throw new AppError('NOT_FOUND', `No user with id ${input.userId}.`, undefined, { key: 'user.notFound' });
    if (u.id === ctx.actor.id && input.role !== 'admin') throw new AppError('CONFLICT', 'You cannot remove your own administrator role.', undefined, { key: 'user.ownAdminRole' });
    const at = ctx.app.clock.now().toISOString();
    ctx.app.db.transaction(() => {
      ctx.app.db.prepare('UPDATE users SET role = ?, supervisor_id = ? WHERE id = ?').run(input.role, input.supervisorId === undefined ? u.supervisor_id : input.supervisorId, u.id);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'user.set_role', objectType: 'user', objectId: u.id, outcome: 'ok', details: { from: u.role, to: input.role } });
    })();
    ctx.session.store.endAllFor(u.id);
    const updated = usersRepo.byId(ctx.app.db, u.id);
    if (!updated) throw new AppError('INTERNAL', 'The user vanished.');
    return userView(updated);
  },
};
