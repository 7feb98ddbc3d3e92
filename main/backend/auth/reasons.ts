/**
 * The reason a sign-in was refused, for the renderer to word in the user's language: a lock-out
 * names the instant it ends (ISO; the screen shows it in the user's locale and zone).
 */
import type { ErrorReason } from '../../../common/api/result';

export function loginRefusal(why: string, lockedUntil: string | null): ErrorReason {
  if (why === 'locked_out' && lockedUntil) return { key: 'auth.lockedOut', params: { until: lockedUntil } };
  if (why === 'wrong_password_now_locked' && lockedUntil) return { key: 'auth.nowLockedOut', params: { until: lockedUntil } };
  return { key: 'auth.wrongPassword' };
}
