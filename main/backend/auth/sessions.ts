/**
 * Sessions live in the backend's memory only: a restart signs everyone out. A session locks after
 * the idle time (default 5 minutes) — signing in again as the same user unlocks it and the UI keeps
 * its unsaved input — and ends for good 12 hours after sign-in.
 */
import crypto from 'node:crypto';

export const FORCED_RELOGIN_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export interface Session {
  token: string;
  userId: string;
  createdAt: number;
  lastActivity: number;
}

export type SessionCheck = { state: 'ok'; session: Session } | { state: 'locked'; session: Session } | { state: 'expired' } | { state: 'none' };

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMs: () => number) {}

  create(userId: string, now: number): Session {
    const s: Session = { token: crypto.randomBytes(32).toString('base64url'), userId, createdAt: now, lastActivity: now };
    this.sessions.set(s.token, s);
    return s;
  }

  /** Looks a token up; an active check counts as activity. */
  check(token: string | undefined, now: number, touch: boolean): SessionCheck {
    if (!token) return { state: 'none' };
    const s = this.sessions.get(token);
    if (!s) return { state: 'none' };
    if (now - s.createdAt > FORCED_RELOGIN_MS) {
      this.sessions.delete(token);
      return { state: 'expired' };
    }
    if (now - s.lastActivity > this.idleMs()) return { state: 'locked', session: s };
    if (touch) s.lastActivity = now;
    return { state: 'ok', session: s };
  }

  unlock(token: string, now: number): void {
    const s = this.sessions.get(token);
    if (s) s.lastActivity = now;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of the user, but `except` (the caller's own, after a password change). */
  endAllFor(userId: string, except?: string): void {
    for (const [t, s] of this.sessions) if (s.userId === userId && t !== except) this.sessions.delete(t);
  }
}
