import type { Db } from '../../db/open';
import type { Clock } from './clock';
import type { SessionStore } from './auth/sessions';
import type { Actor } from './types';
import { signInLimiter } from './auth/attempts';
import type { ExportEnvironment } from './exports/signing';
import type { ExportJobRegistry } from './exports/jobs';
import type { Signer } from './sync/identity';
import type { SyncService } from './sync/service';

/**
 * What a host provides beyond the database, wired in one place: `wireHost` (boot.ts) takes all of
 * them at once, so a host cannot forget one, and the hosts' entry points take a `WiredBackend`
 * (types.ts), so an unwired backend does not type-check there. The CLI and tests that need only
 * exports give `exports` alone.
 */
export interface HostServices {
  exports: ExportEnvironment;
  sync: SyncService;
}

/** Per-backend state of the services, kept here (not in module-level maps) so it is visible. */
export interface AppState {
  /** The export jobs of this backend, by id. */
  exportJobs: ExportJobRegistry;
  /** The unlocked workstation signer (unwrapping runs scrypt), while the stored identity is the same. */
  exportSigner: Signer | null;
  /** Sign-in attempts per minute on this backend, whichever host the attempt came through. */
  signInLimiter: (nowMs: number) => boolean;
}

/** Long-lived things every service needs: one per backend instance. */
export interface AppContext {
  db: Db;
  clock: Clock;
  dataDir: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  workstationId: string;
  log: (line: string) => void;
  /** Filled by wireHost (hosts) or by a CLI or test that needs exports; see HostServices. */
  services: Partial<HostServices>;
  state: AppState;
}

/** The services' state of a new backend: no export jobs, no signer unlocked yet. */
export const newAppState = (): AppState => ({ exportJobs: new Map(), exportSigner: null, signInLimiter: signInLimiter() });

/** An AppContext whose host services are all there. */
export type WiredAppContext = AppContext & { services: HostServices };

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
