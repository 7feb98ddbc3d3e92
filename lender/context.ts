import type { LenderIdentity } from './identity';
import type { LenderStore } from './store/types';

export interface LenderContext {
  store: LenderStore;
  identity: LenderIdentity;
  now: () => Date;
  /** Test fault: after committing the n-th accepted report, die before answering (SIGKILL of self). */
  faults: { crashAfterCommit?: number };
  acceptedSinceStart: number;
}
