/**
 * The part worker (bundled as dist/export-part-worker.cjs): writes the later share of a split
 * activities CSV export into a file of its own, on its own read-only connections, in the snapshot
 * the coordinator shares with it (snapshot.ts). It reports its row count through shared memory
 * and stops when the coordinator sets the cancel flag.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import type { Db } from '../../../../db/open';
import { openReadonly, LOOKUP_CACHE_KIB, SCAN_CACHE_KIB } from '../connections';
import { Labels } from '../labels';
import { activitySections } from '../sections/activities';
import { exportParams } from '../sections/params';
import { ExportRequestSchema, firstIssue } from '../request-schema';
import type { ExportRequest } from '../types';
import { CHECK_EVERY } from '../writers/cells';
import { CsvPieces } from '../writers/csv-pieces';
import { CANCEL, ROWS_DONE, SHARED_BYTES, type FromPart, type ToPart } from './protocol';

const Input = z.object({
  request: ExportRequestSchema.refine((r) => r.kind === 'activities' && r.format === 'csv', 'only an activities CSV export is split'),
  file: z.string().min(1),
  shared: z.instanceof(SharedArrayBuffer).refine((b) => b.byteLength >= SHARED_BYTES, 'shared memory too small'),
});
const Message = z.discriminatedUnion('type', [z.object({ type: z.literal('begin') }), z.object({ type: z.literal('run'), from: z.string().min(1) })]);

class Cancelled extends Error {}

function post(m: FromPart): void {
  parentPort?.postMessage(m);
}

/** Writes the rows at or after `from`; returns how many. */
function writePart(db: Db, lookupDb: Db, req: ExportRequest, from: string, file: string, shared: Int32Array): number {
  const [section] = activitySections(db, { ...exportParams(req), from }, new Labels(lookupDb, req.masked, 'csv'));
  if (!section?.csvRecords) throw new Error('the activities section has no CSV records');
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    const out = new CsvPieces(fd, false);
    let rows = 0;
    for (const record of section.csvRecords()) {
      out.record(record);
      if (++rows % CHECK_EVERY === 0) {
        if (Atomics.load(shared, CANCEL) === 1) throw new Cancelled();
        Atomics.store(shared, ROWS_DONE, rows);
      }
    }
    out.flush();
    Atomics.store(shared, ROWS_DONE, rows);
    return rows;
  } finally {
    fs.closeSync(fd);
  }
}

if (parentPort) {
  const port = parentPort;
  const input = Input.safeParse(workerData);
  if (!input.success) {
    post({ type: 'failed', message: `bad part-worker input: ${firstIssue(input.error)}` });
  } else {
    const req = input.data.request;
    const shared = new Int32Array(input.data.shared);
    const db = openReadonly(req, SCAN_CACHE_KIB);
    const lookupDb = openReadonly(req, LOOKUP_CACHE_KIB);
    const close = (): void => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
      lookupDb.close();
      port.close();
    };
    port.on('message', (raw: unknown) => {
      const m = Message.safeParse(raw);
      try {
        if (!m.success) throw new Error(`bad message to the part worker: ${firstIssue(m.error)}`);
        const msg: ToPart = m.data;
        if (msg.type === 'begin') {
          if (db.inTransaction) db.exec('COMMIT');
          db.exec('BEGIN');
          db.pragma('data_version'); // the first read: the snapshot is taken here
          post({ type: 'begun' });
        } else {
          const rows = writePart(db, lookupDb, req, msg.from, input.data.file, shared);
          post({ type: 'done', rows });
          close();
        }
      } catch (err) {
        post(err instanceof Cancelled ? { type: 'cancelled' } : { type: 'failed', message: err instanceof Error ? err.message : String(err) });
        close();
      }
    });
    post({ type: 'open' });
  }
}
