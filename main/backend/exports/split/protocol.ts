/**
 * Between an export (the coordinator) and the part worker that writes the later share of its rows.
 * part.ts says in what order they are sent.
 */
import type { ExportRequest } from '../types';

export interface PartWorkerData {
  request: ExportRequest;
  /** Where the worker writes its records (the coordinator appends, then removes it). */
  file: string;
  /** Int32Array over it: [CANCEL, ROWS_DONE]. */
  shared: SharedArrayBuffer;
}

/** Slots of the shared Int32Array: the coordinator sets CANCEL; the worker counts ROWS_DONE. */
export const CANCEL = 0;
export const ROWS_DONE = 1;
export const SHARED_BYTES = 8;

export type ToPart =
  /** Begin a read transaction (ending any earlier one) and read, so its snapshot is taken now. */
  | { type: 'begin' }
  /** Write the rows at or after `from` (an `at` of the listing), in listing order. */
  | { type: 'run'; from: string };

export type FromPart =
  | { type: 'open' }
  | { type: 'begun' }
  | { type: 'done'; rows: number }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
