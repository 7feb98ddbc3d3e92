/**
 * The renderer's one door to the application. `window.casedesk` is injected by the Electron preload
 * or by the web host's bridge script before this bundle runs; every method returns the envelope.
 */
import type { CaseDeskApi } from '../../common/api/contract';
import { ApiError, type ApiErrorBody, type ErrorCode, type Result } from '../../common/api/result';
import type { Decision } from '../../common/api/types';

declare global {
  interface Window {
    casedesk: CaseDeskApi;
  }
}

export function api(): CaseDeskApi {
  if (!window.casedesk) {
    throw new ApiError({ code: 'INTERNAL', message: 'The CaseDesk bridge is missing: open CaseDesk from its app or host.' });
  }
  return window.casedesk;
}

let inFlight = 0;
let idleWaiters: (() => void)[] = [];

function settled(): void {
  inFlight -= 1;
  if (inFlight > 0) return;
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const w of waiters) w();
}

/** Awaits an envelope and unwraps it; anything thrown on the way becomes an ApiError. */
export async function call<T>(invoke: (api: CaseDeskApi) => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  inFlight += 1;
  try {
    result = await invoke(api());
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError({
      code: 'INTERNAL',
      message: err instanceof Error ? err.message : String(err),
    });
  } finally {
    settled();
  }
  if (result.ok) return result.value;
  // The backend locked the session (idle) or ended it: show the lock or sign-in screen at once.
  if (result.error.code === 'LOCKED') onSessionLost?.('locked');
  else if (result.error.code === 'UNAUTHENTICATED') onSessionLost?.('ended');
  throw new ApiError(result.error);
}

/**
 * A call that is not what the user is waiting for (status pills, polls): sent once the calls already
 * under way — including those the components rendered in the same pass start — have settled and the
 * page has rendered their answers. The backend answers one call at a time, so a slow status query
 * sent alongside the first queue page would otherwise hold that page up.
 */
export async function callWhenIdle<T>(invoke: (api: CaseDeskApi) => Promise<Result<T>>): Promise<T> {
  // One task later, so the effects of the same render have sent their calls.
  await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
  for (;;) {
    while (inFlight > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    // Then once the page has rendered what those calls brought (the browser is idle), so the
    // backend's work for this call does not compete with painting them; at most a second later.
    await whenBrowserIdle(IDLE_TIMEOUT_MS);
    if (inFlight === 0) return call(invoke);
  }
}

const IDLE_TIMEOUT_MS = 1000;

function whenBrowserIdle(timeout: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout });
    else window.setTimeout(resolve, 0);
  });
}

let onSessionLost: ((why: 'locked' | 'ended') => void) | undefined;

/** The auth feature registers how to react when a call finds the session locked or gone. */
export function setSessionLostHandler(handler: (why: 'locked' | 'ended') => void): void {
  onSessionLost = handler;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
}

export interface RefusedContact {
  code: 'GUARDRAIL_BLOCKED' | 'APPROVAL_REQUIRED';
  decision: Decision;
  decisionId: string | null;
}

/** A refusal by the guardrails (block, or a warning that needs a supervisor's approval first). */
export function refusal(err: unknown): RefusedContact | null {
  if (!(err instanceof ApiError)) return null;
  const code = err.code;
  if (code !== 'GUARDRAIL_BLOCKED' && code !== 'APPROVAL_REQUIRED') return null;
  const details = err.body.details as { decision?: Decision; decisionId?: string } | undefined;
  if (!details?.decision) return null;
  return { code, decision: details.decision, decisionId: details.decisionId ?? null };
}

/** The blocking decision a GUARDRAIL_BLOCKED / APPROVAL_REQUIRED error carries in `details.decision`. */
export function blockedDecision(err: unknown): Decision | null {
  return refusal(err)?.decision ?? null;
}

/** One field-level problem: where, the backend's English words, and zod's issue code and bounds to word it anew. */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
  minimum?: number;
  maximum?: number;
  origin?: string;
}

/** Field-level problems from a VALIDATION error: `[{path: 'promise.dueDate', message, code}]`. */
export function validationIssues(body: ApiErrorBody): FieldIssue[] {
  if (body.code !== 'VALIDATION') return [];
  const issues = (body.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { path, message, code, minimum, maximum, origin } = i as Record<string, unknown>;
    const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    if (typeof message !== 'string') return [];
    const issue: FieldIssue = { path: p, message };
    if (typeof code === 'string') issue.code = code;
    if (typeof minimum === 'number') issue.minimum = minimum;
    if (typeof maximum === 'number') issue.maximum = maximum;
    if (typeof origin === 'string') issue.origin = origin;
    return [issue];
  });
}

export type { ErrorCode };
