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

/**
 * What went wrong, for the renderer to word in the user's language: a stable key (e.g.
 * `auth.wrongPassword`, `payment.duplicateReference`) and the values its sentence needs. The
 * `message` beside it is English for logs and the CLI; a screen shows the reason's own text.
 */
export interface ErrorReason {
  key: string;
  params?: Record<string, string | number | null>;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  reason?: ErrorReason;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown, reason?: ErrorReason): Result<never> => {
  const error: ApiErrorBody = { code, message };
  if (details !== undefined) error.details = details;
  if (reason !== undefined) error.reason = reason;
  return { ok: false, error };
};

/** Thrown inside services; the handler table turns it into a `fail` envelope. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** The key and values the renderer words in the user's language (see ErrorReason). */
    readonly reason?: ErrorReason,
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
