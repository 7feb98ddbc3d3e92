/**
 * A large activities CSV export split across two threads. One thread reads and writes about 150,000
 * rows a second here, mostly SQLite handing over 13 columns a row and the labels looked up for
 * them; the benchmark target is 200,000 on a 2-core machine. The sequence:
 *  1. The export is eligible (splitScript): activities, CSV, at least SPLIT_MIN_ROWS rows, two
 *     cores, the bundle present, not switched off. The part worker starts and opens its connections.
 *  2. The coordinator's scanning connection and the worker's begin one shared snapshot (snapshot.ts).
 *  3. The coordinator counts the rows and takes the `at` of the middle one as the split point
 *     (planShare). The worker writes the rows at or after it into a file of its own; the
 *     coordinator writes those before it into the export file, then appends the worker's file,
 *     hashing it on the way, and removes it (writers/csv.ts).
 * The listing's order is its index's (activities_export, led by `at`) and the split falls between
 * two `at` values, so the file is byte for byte the one a single thread writes (tested).
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../../../db/open';
import { exportListings, type ReportParams } from '../../../../db/repos/reporting';
import { findBundle } from '../bundles';
import type { OwnShare } from '../sections/activities';
import { ExportCancelledError, type CsvPart, type ExportRequest } from '../types';
import { removeQuietly } from '../writers/files';
import { CANCEL, ROWS_DONE, SHARED_BYTES, type FromPart, type PartWorkerData, type ToPart } from './protocol';
import type { OtherReader } from './snapshot';

export const PART_BUNDLE = 'export-part-worker.cjs';
/** Overrides where the part worker's bundle is looked for. */
export const PART_ENV = 'CASEDESK_EXPORT_PART_WORKER';
/** CASEDESK_EXPORT_THREADS=1 keeps every export on one thread (e.g. to leave a core to other work). */
export const THREADS_ENV = 'CASEDESK_EXPORT_THREADS';
/** Below this a second thread's start-up (~50 ms) and second pass over labels are not worth it. */
export const SPLIT_MIN_ROWS = 100_000;
/**
 * The worker's young generation: its garbage is rows that die within a 64 kB piece, so a small
 * nursery costs no speed and keeps the export's peak RSS within the benchmark's 300 MB.
 */
const YOUNG_GENERATION_MB = 8;

/** The part worker's bundle (bundles.ts) when this export may be split, else null. */
export function splitScript(req: Pick<ExportRequest, 'kind' | 'format'>, explicit?: string | null, vars: NodeJS.ProcessEnv = process.env): string | null {
  if (req.kind !== 'activities' || req.format !== 'csv') return null;
  if (vars[THREADS_ENV] === '1' || os.availableParallelism() < 2) return null;
  if (explicit === null) return null;
  return findBundle(PART_BUNDLE, explicit, vars[PART_ENV]);
}

/** Whether the period is large enough to split (counts at most SPLIT_MIN_ROWS rows; no snapshot needed). */
export function worthSplitting(db: Db, p: ReportParams): boolean {
  return exportListings.activities.atLeast(db, p, SPLIT_MIN_ROWS);
}

type Reply<T extends FromPart['type']> = Extract<FromPart, { type: T }>;

export class PartWorker implements OtherReader {
  private waiting: { type: FromPart['type']; resolve: (m: FromPart) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly opened: Promise<Reply<'open'>>;

  private constructor(
    private readonly worker: Worker,
    readonly file: string,
    private readonly shared: Int32Array,
  ) {
    // Waiting for 'open' before any message can arrive: the worker posts it as soon as it starts.
    this.opened = this.next('open');
    worker.on('message', (m: FromPart) => this.receive(m));
    worker.on('error', (e) => this.fail(new Error(`the export's second thread failed: ${e.message}`)));
    worker.on('exit', (code) => this.fail(new Error(`the export's second thread stopped (exit code ${code})`)));
  }

  /** Starts the worker; resolves once its connections are open. */
  static async start(script: string, req: ExportRequest): Promise<PartWorker> {
    const file = path.join(path.dirname(req.outFile), `.${path.basename(req.outFile)}.part`);
    const shared = new SharedArrayBuffer(SHARED_BYTES);
    const data: PartWorkerData = { request: req, file, shared };
    const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const part = new PartWorker(worker, file, new Int32Array(shared));
    try {
      await part.opened;
    } catch (err) {
      await part.dispose();
      throw err;
    }
    return part;
  }

  async begin(): Promise<void> {
    this.post({ type: 'begin' });
    await this.next('begun');
  }

  /** Has the worker write the rows at or after `from`. */
  run(from: string): CsvPart {
    this.post({ type: 'run', from });
    const finished = this.next('done').then((m) => ({ file: this.file, rows: m.rows }));
    // Awaited by the CSV writer; if the export fails before that, dispose() reports nothing twice.
    finished.catch(() => undefined);
    return { rowsDone: () => Atomics.load(this.shared, ROWS_DONE), finished: () => finished };
  }

  /** Stops the worker if it still runs and removes its file. */
  async dispose(): Promise<void> {
    Atomics.store(this.shared, CANCEL, 1);
    await this.worker.terminate();
    removeQuietly(this.file);
  }

  private post(m: ToPart): void {
    this.worker.postMessage(m);
  }

  private next<T extends FromPart['type']>(type: T): Promise<Reply<T>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply<T>>((resolve, reject) => {
      this.waiting = { type, resolve: resolve as (m: FromPart) => void, reject };
    });
  }

  private receive(m: FromPart): void {
    if (m.type === 'failed') return this.fail(new Error(`the export's second thread failed: ${m.message}`));
    if (m.type === 'cancelled') return this.fail(new ExportCancelledError());
    const w = this.waiting;
    if (w?.type !== m.type) return this.fail(new Error(`the export's second thread sent '${m.type}' out of turn`));
    this.waiting = null;
    w.resolve(m);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    const w = this.waiting;
    this.waiting = null;
    w?.reject(this.failure);
  }
}

/**
 * In the shared snapshot: counts the rows, finds the split point and starts the worker on the
 * rows from it. Returns this thread's share, or null when the rows turn out too few to split.
 */
export function planShare(db: Db, p: ReportParams, part: PartWorker): OwnShare | null {
  const total = exportListings.activities.count(db, p);
  if (total < SPLIT_MIN_ROWS) return null;
  const at = exportListings.activities.atOffset(db, p, Math.floor(total / 2));
  if (at === null) return null;
  return { p: { ...p, to: at }, total, after: part.run(at) };
}
