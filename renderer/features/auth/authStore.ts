/**
 * Who is signed in, and whether the screen is locked. The app stays mounted under the lock screen,
 * so unsaved input survives an idle lock; only a sign-out or a new user clears it.
 */
import { create } from 'zustand';
import type { AuthStatus } from '../../../common/api/methods/auth';
import type { UserSummary } from '../../../common/api/types';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, setSessionLostHandler, toApiError } from '../../app/api';
import { takeEarlyStatus } from './earlyStatus';

export type AuthPhase = 'loading' | 'setup' | 'signedOut' | 'signedIn';

interface AuthState {
  phase: AuthPhase;
  user: UserSummary | null;
  locked: boolean;
  idleLockMinutes: number;
  error: ApiErrorBody | null;
  busy: boolean;
  refresh(): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  setupAdmin(username: string, displayName: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  lock(): void;
}

function phaseOf(s: AuthStatus): AuthPhase {
  if (s.setupNeeded) return 'setup';
  return s.user ? 'signedIn' : 'signedOut';
}

export const useAuth = create<AuthState>((set, get) => ({
  phase: 'loading',
  user: null,
  locked: false,
  idleLockMinutes: 5,
  error: null,
  busy: false,
  async refresh() {
    try {
      const s = await (takeEarlyStatus() ?? call((a) => a.auth.status({})));
      set({ phase: phaseOf(s), user: s.user, locked: s.locked, idleLockMinutes: s.idleLockMinutes, error: null });
    } catch (err) {
      set({ phase: 'signedOut', error: toApiError(err).body });
    }
  },
  async signIn(username, password) {
    set({ busy: true, error: null });
    try {
      const previous = get().user;
      const r = await call((a) => a.auth.login({ username, password }));
      // A different user must not inherit the previous user's screen: reload to a clean app.
      if (previous && previous.id !== r.user.id) {
        window.location.reload();
        return;
      }
      set({ phase: 'signedIn', user: r.user, locked: false, busy: false });
    } catch (err) {
      set({ busy: false, error: toApiError(err).body });
    }
  },
  async setupAdmin(username, displayName, password) {
    set({ busy: true, error: null });
    try {
      const r = await call((a) => a.auth.setupAdmin({ username, displayName, password }));
      set({ phase: 'signedIn', user: r.user, locked: false, busy: false });
    } catch (err) {
      set({ busy: false, error: toApiError(err).body });
    }
  },
  async signOut() {
    await call((a) => a.auth.logout({})).catch(() => undefined);
    window.location.reload();
  },
  lock() {
    if (get().phase === 'signedIn') set({ locked: true });
  },
}));

// A call that finds the session locked shows the lock screen; one that finds it gone, sign-in.
setSessionLostHandler((why) => {
  const s = useAuth.getState();
  // While locked, the unlock form reports its own errors (a wrong password must not sign out).
  if (s.phase !== 'signedIn' || s.locked) return;
  if (why === 'locked') s.lock();
  else useAuth.setState({ phase: 'signedOut', user: null, locked: false });
});
