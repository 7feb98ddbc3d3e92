/**
 * The one door: name → schema parse (unknown in, typed out) → role check → handler → envelope.
 * Nothing throws past here; every failure becomes {ok: false, error: {code, message, details}}.
 */
import type { z } from 'zod';
import { specOf } from '../../common/api/contract';
import { AppError, fail, ok, type Result } from '../../common/api/result';
import { appendAudit } from './audit/audit';
import type { AppContext } from './context';
import type { HandlerTable } from './handlers/types';
import type { Actor } from './types';

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
}

export function describeIssues(issues: readonly ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const where = first.path.length > 0 ? first.path.join('.') : 'input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

export function createDispatcher(app: AppContext, table: HandlerTable) {
  return async function dispatch(name: string, input: unknown, actor: Actor): Promise<Result<unknown>> {
    const spec = specOf(name);
    if (!spec) return fail('UNKNOWN_METHOD', `There is no API method called "${String(name).slice(0, 80)}".`);
    const at = app.clock.now().toISOString();
    if (!spec.roles.includes(actor.role)) {
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
      return ok(await handler(parsed.data, { app, actor }));
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.details);
      // Unexpected: log the method and error kind only — arguments may carry personal data.
      const ref = Math.random().toString(36).slice(2, 10);
      app.log(`error ref=${ref} method=${name} ${err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown'}`);
      return fail('INTERNAL', `Something went wrong in ${name}; nothing was changed. Reference ${ref}.`);
    }
  };
}
