/**
 * The one door: name → session → role check (refusals audited) → schema parse (unknown in, typed
 * out) → handler → envelope.
 * Nothing throws past here; every failure becomes {ok: false, error: {code, message, details}}.
 */
import type { z } from 'zod';
import { specOf } from '../../common/api/contract';
import { AppError, fail, ok, type Result } from '../../common/api/result';
import { appendAudit } from './audit/audit';
import type { SessionStore } from './auth/sessions';
import { ANONYMOUS, type AppContext } from './context';
import { usersRepo } from '../../db/repos/users';
import type { HandlerTable } from './handlers/types';
import type { Actor } from './types';

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
  /** zod's issue code (too_small, invalid_format, …) and its bounds, for wording the issue per field in the user's language. */
  code?: string;
  minimum?: number;
  maximum?: number;
  /** What was measured for too_small/too_big: string (characters), number, array (items), date… */
  origin?: string;
}

export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => {
    const issue: ValidationIssue = { path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code };
    const bounds = i as { minimum?: unknown; maximum?: unknown; origin?: unknown };
    if (typeof bounds.minimum === 'number') issue.minimum = bounds.minimum;
    if (typeof bounds.maximum === 'number') issue.maximum = bounds.maximum;
    if (typeof bounds.origin === 'string') issue.origin = bounds.origin;
    return issue;
  });
}

export function describeIssues(issues: readonly ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const where = first.path.length > 0 ? first.path.join('.') : 'input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

/** Who is calling: a session token from a bridge, or a trusted in-process caller (CLI, tests). */
export type Caller = { kind: 'session'; token: string | undefined } | { kind: 'trusted'; actor: Actor };

type Resolved = { ok: true; actor: Actor } | { ok: false; result: Result<never> };

function resolveCaller(app: AppContext, sessions: SessionStore, caller: Caller, isPublic: boolean): Resolved {
  if (caller.kind === 'trusted') return { ok: true, actor: caller.actor };
  if (isPublic) return { ok: true, actor: ANONYMOUS };
  const check = sessions.check(caller.token, app.clock.now().getTime(), true);
  switch (check.state) {
    case 'none':
      return { ok: false, result: fail('UNAUTHENTICATED', 'Sign in first.', undefined, { key: 'auth.signInFirst' }) };
    case 'expired':
      return { ok: false, result: fail('UNAUTHENTICATED', 'Your session ended 12 hours after sign-in; sign in again.', undefined, { key: 'auth.sessionExpired' }) };
    case 'locked':
      return { ok: false, result: fail('LOCKED', 'Locked after inactivity; sign in again to continue where you were.', undefined, { key: 'auth.idleLocked' }) };
    case 'ok': {
      const u = usersRepo.byId(app.db, check.session.userId);
      if (!u || u.disabled === 1) {
        sessions.end(caller.token);
        return { ok: false, result: fail('UNAUTHENTICATED', 'This account is no longer active.', undefined, { key: 'auth.accountInactive' }) };
      }
      return { ok: true, actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role } };
    }
  }
}

export function createDispatcher(app: AppContext, table: HandlerTable, sessions: SessionStore) {
  return async function dispatch(name: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
    const spec = specOf(name);
    if (!spec) return fail('UNKNOWN_METHOD', `There is no API method called "${String(name).slice(0, 80)}".`);
    const at = app.clock.now().toISOString();
    const who = resolveCaller(app, sessions, caller, spec.public);
    if (!who.ok) return who.result;
    const actor = who.actor;
    if (!spec.public && !spec.roles.includes(actor.role)) {
      appendAudit(app.db, at, {
        actorId: actor.id,
        action: name,
        objectType: 'api',
        objectId: name,
        outcome: 'refused',
        details: { role: actor.role, needs: spec.roles },
      });
      return fail('FORBIDDEN', `${name} needs the role ${spec.roles.join(' or ')}; you are signed in as ${actor.role}.`);
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return fail('VALIDATION', `Invalid input to ${name}: ${describeIssues(issues)}`, { issues });
    }
    const [ns, m] = name.split('.') as [keyof HandlerTable, string];
    const handler = (table[ns] as Record<string, (i: unknown, c: unknown) => unknown>)[m];
    if (!handler) return fail('UNKNOWN_METHOD', `${name} has no handler.`);
    try {
      return ok(await handler(parsed.data, { app, actor, session: { store: sessions, token: caller.kind === 'session' ? caller.token : undefined } }));
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.details, err.reason);
      // Unexpected: log the method and error kind only — arguments may carry personal data.
      const ref = Math.random().toString(36).slice(2, 10);
      app.log(`error ref=${ref} method=${name} ${err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown'}`);
      return fail('INTERNAL', `Something went wrong in ${name}; nothing was changed. Reference ${ref}.`, undefined, { key: 'internal.withReference', params: { ref } });
    }
  };
}
