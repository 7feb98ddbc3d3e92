import { z } from 'zod';
import { method } from '../method';
import { Id } from '../schemas';
import type { Role, UserSummary } from '../types';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '3–32 characters: letters, digits, dot, dash or underscore');
export const Password = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');
const DisplayName = z.string().trim().min(1, 'required').max(80);
const RoleSchema = z.enum(['collector', 'supervisor', 'admin']);

export interface AuthStatus {
  setupNeeded: boolean;
  user: UserSummary | null;
  locked: boolean;
  idleLockMinutes: number;
}

export interface SignedIn {
  user: UserSummary;
  /** The session token. Bridges keep it and strip it before the renderer sees the result. */
  token?: string;
}

export const auth = {
  status: method<AuthStatus>()(z.strictObject({}), { public: true, description: 'Whether setup is needed and who is signed in.' }),
  setupAdmin: method<SignedIn>()(z.strictObject({ username: Username, displayName: DisplayName, password: Password }), {
    public: true,
    description: 'First run only: create the administrator and sign in.',
  }),
  login: method<SignedIn>()(z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) }), {
    public: true,
    description: 'Sign in, or unlock a locked session (the same user keeps the session and its unsaved work).',
  }),
  logout: method<{ ok: true }>()(z.strictObject({}), { public: true, description: 'End the session.' }),
  changePassword: method<{ ok: true }>()(z.strictObject({ current: z.string().min(1).max(200), next: Password }), {
    description: 'Change your own password (audited).',
  }),
};

export interface UserView extends UserSummary {
  supervisorId: string | null;
  disabled: boolean;
  lockedUntil: string | null;
}

export const users = {
  list: method<UserView[]>()(z.strictObject({}), { roles: ['supervisor', 'admin'], description: 'Users (a supervisor sees the team).' }),
  create: method<UserView>()(
    z.strictObject({ username: Username, displayName: DisplayName, role: RoleSchema, supervisorId: Id.nullable().default(null), password: Password }),
    { roles: ['admin'], description: 'Create a collector, supervisor or admin (audited).' },
  ),
  resetPassword: method<{ ok: true }>()(z.strictObject({ userId: Id, password: Password }), {
    roles: ['admin'],
    description: 'Set a new password for a user and clear their lockout (audited).',
  }),
  setRole: method<UserView>()(z.strictObject({ userId: Id, role: RoleSchema, supervisorId: Id.nullable().optional() }), {
    roles: ['admin'],
    description: 'Change a user’s role or supervisor (audited).',
  }),
  setDisabled: method<UserView>()(z.strictObject({ userId: Id, disabled: z.boolean() }), {
    roles: ['admin'],
    description: 'Disable a user (their sessions end; nothing of theirs is deleted) or enable them again (audited).',
  }),
  unlock: method<UserView>()(z.strictObject({ userId: Id }), {
    roles: ['admin'],
    description: 'Clear a user’s lockout after failed sign-ins, keeping their password (audited).',
  }),
};

export type { Role };
