/** The read-only connections an export (or a part of one) reads through. */
import { openDatabase, type Db } from '../../../db/open';
import type { ExportRequest } from './types';

/** Page cache of the connection that walks the rows: a sequential scan gains nothing from more. */
export const SCAN_CACHE_KIB = 4_096;
/** Page cache of the connection that resolves labels: probes at random, when not preloaded. */
export const LOOKUP_CACHE_KIB = 8_192;

export function openReadonly(req: Pick<ExportRequest, 'dbFile' | 'dbKeyHex' | 'dbCipher' | 'nativeBinding'>, cacheKiB: number): Db {
  const db = openDatabase(req.dbFile, {
    readonly: true,
    ...(req.dbKeyHex ? { key: Buffer.from(req.dbKeyHex, 'hex'), ...(req.dbCipher ? { cipher: req.dbCipher } : {}) } : {}),
    ...(req.nativeBinding ? { nativeBinding: req.nativeBinding } : {}),
  });
  // Bounded so an export of a million rows stays within a few hundred MB with the writer's buffers.
  db.pragma(`cache_size = -${cacheKiB}`);
  return db;
}
