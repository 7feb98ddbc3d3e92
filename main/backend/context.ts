import type { Db } from '../../db/open';
import type { Clock } from './clock';
import type { SessionStore } from './auth/sessions';
import type { Actor } from './types';

/** Long-lived things every service needs: one per backend instance. */
export interface AppContext {
  db: Db;
  clock: Clock;
  dataDir: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  workstationId: string;
  log: (line: string) => void;
}

/** One call: the app plus who is calling. */
export interface CallContext {
  app: AppContext;
  /** The signed-in user; for public methods (sign-in, setup, status) the ANONYMOUS sentinel. */
  actor: Actor;
  /** The session store and the caller's token, for the auth handlers. */
  session: { store: SessionStore; token: string | undefined };
}

/**
 * Stands in for "nobody" in public methods (sign-in, set-up, status). It is handed only to public
 * handlers — dispatch never role-checks a public method and never gives ANONYMOUS to any other —
 * and its empty id matches no user, so nothing it writes can be attributed to a person.
 */
export const ANONYMOUS: Actor = Object.freeze({ id: '', username: '', displayName: '', role: 'collector' });
