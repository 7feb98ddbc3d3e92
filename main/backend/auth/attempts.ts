/**
 * Sign-in attempts decided before the password is checked. scrypt is asynchronous, so parallel
 * sign-ins interleave: counting failures after the check let fifteen parallel guesses count as one.
 * Instead each attempt first *reserves* a failure in one synchronous write — refused outright if the
 * account is locked, and locking it when this would be the failure that reaches the limit — and a
 * right password then releases it. A burst of guesses therefore hits the lock exactly as a sequence
 * of guesses would. A per-backend rate limit (Electron and the web host alike) caps attempts too.
 */
import type { Db } from '../../../db/open';

/** Consecutive failures before a lockout; each further failure doubles it (15 min, 30 min, … 24 h). */
export const MAX_FAILED_LOGINS = 5;
const LOCKOUT_BASE_MS = 15 * 60 * 1000;
const LOCKOUT_MAX_MS = 24 * 60 * 60 * 1000;

/** Sign-in attempts (any username, right or wrong) one backend accepts per minute. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

export type Reservation =
  /** Locked before this attempt: refuse without checking the password. */
  | { state: 'locked'; lockedUntil: string }
  /** Counted as a failure already; `lockedUntil` is set when this failure locks the account. */
  | { state: 'reserved'; lockedUntil: string | null };

export function lockoutMs(failures: number): number {
  return failures >= MAX_FAILED_LOGINS ? Math.min(LOCKOUT_MAX_MS, LOCKOUT_BASE_MS * 2 ** (failures - MAX_FAILED_LOGINS)) : 0;
}

/** One IMMEDIATE transaction: read the count and the lock, then count this attempt as a failure. */
export function reserveAttempt(db: Db, userId: string, now: Date): Reservation {
  const at = now.toISOString();
  return db
    .transaction((): Reservation => {
      const row = db.prepare('SELECT failed_logins, locked_until FROM users WHERE id = ?').get(userId) as { failed_logins: number; locked_until: string | null } | undefined;
      if (!row) return { state: 'reserved', lockedUntil: null };
      if (row.locked_until && row.locked_until > at) return { state: 'locked', lockedUntil: row.locked_until };
      const failures = row.failed_logins + 1;
      const lockMs = lockoutMs(failures);
      const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
      db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(failures, lockedUntil, userId);
      return { state: 'reserved', lockedUntil };
    })
    .immediate();
}

/** The password was right: the reserved failure, and any lock it set, are undone. */
export function releaseAttempt(db: Db, userId: string): void {
  db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(userId);
}

/** Fixed-window count of sign-in attempts per backend, on the backend's clock. */
export function signInLimiter(max = SIGN_IN_ATTEMPTS_PER_MINUTE): (nowMs: number) => boolean {
  let windowStart = -Infinity;
  let count = 0;
  return (nowMs) => {
    if (nowMs - windowStart >= 60_000 || nowMs < windowStart) {
      windowStart = nowMs;
      count = 0;
    }
    count += 1;
    return count <= max;
  };
}

/** Counts one sign-in attempt against the backend's limiter (AppContext.state); false past the limit. */
export function allowSignInAttempt(state: { signInLimiter: (nowMs: number) => boolean }, nowMs: number): boolean {
  return state.signInLimiter(nowMs);
}
