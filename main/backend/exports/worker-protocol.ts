/** Messages from the export worker to the main thread. */
import type { ExportOutcome } from './types';

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: ExportOutcome }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
