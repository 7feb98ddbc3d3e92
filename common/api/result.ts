/**
 * What crosses every boundary (IPC, HTTP, CLI JSON): a value or a typed error, never a bare string
 * and never a thrown exception.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed its schema; details.issues says where
  'NOT_FOUND',
  'FORBIDDEN', // the caller's role does not allow it (audited)
  'UNAUTHENTICATED', // no session, a wrong password, or a session past its 12 hours
  'LOCKED', // the session is locked after idle time; sign in again to continue where you were
  'RATE_LIMITED',
  'GUARDRAIL_BLOCKED', // a conduct rule refused the action; details.decision explains
  'APPROVAL_REQUIRED', // a warning needs a supervisor's approved override first; details.decision explains
  'CONFLICT', // the state changed underneath (e.g. case closed, override already decided)
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside services; the handler table turns it into a `fail` envelope. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Thrown by the renderer's `unwrap` so UI code can use try/catch. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code(): ErrorCode {
    return this.body.code;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const r = x as { ok: unknown; value?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(e.code);
}
