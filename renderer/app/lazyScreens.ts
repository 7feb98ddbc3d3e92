/**
 * Screens loaded on first use. Each loader is memoised, so pointing at the entry that opens a screen
 * can start its download early and opening it reuses that download.
 */
let supervisor: Promise<typeof import('../features/supervisor/SupervisorConsole')> | undefined;

export function loadSupervisorConsole(): Promise<typeof import('../features/supervisor/SupervisorConsole')> {
  supervisor ??= import('../features/supervisor/SupervisorConsole').catch((err: unknown) => {
    // A failed download (host restarting) may be retried on the next attempt.
    supervisor = undefined;
    throw err;
  });
  return supervisor;
}
