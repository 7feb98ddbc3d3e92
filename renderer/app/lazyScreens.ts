/**
 * Screens loaded on first use. Each loader is memoised, so pointing at the entry that opens a screen
 * can start its download early and opening it reuses that download.
 */
import type * as SupervisorModule from '../features/supervisor/SupervisorConsole';

let supervisor: Promise<typeof SupervisorModule> | undefined;

export function loadSupervisorConsole(): Promise<typeof SupervisorModule> {
  supervisor ??= import('../features/supervisor/SupervisorConsole').catch((err: unknown) => {
    // A failed download (host restarting) may be retried on the next attempt.
    supervisor = undefined;
    throw err;
  });
  return supervisor;
}
