/**
 * The first question the app asks — who is signed in? — sent as soon as the bundle starts to run,
 * before React and the rest of the app are evaluated and rendered (main.tsx imports this first), so
 * the answer travels while they do. Taken once by the auth store's first refresh; later refreshes
 * ask again.
 */
import type { AuthStatus } from '../../../common/api/methods/auth';
import { call } from '../../app/api';

let early: Promise<AuthStatus> | null = null;
if (typeof window !== 'undefined' && window.casedesk) {
  early = call((a) => a.auth.status({}));
  // Whoever takes it handles its failure; until then it must not count as unhandled.
  early.catch(() => undefined);
}

export function takeEarlyStatus(): Promise<AuthStatus> | null {
  const p = early;
  early = null;
  return p;
}
