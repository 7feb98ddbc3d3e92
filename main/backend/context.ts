import type { Db } from '../../db/open';
import type { Clock } from './clock';
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
  actor: Actor;
}
