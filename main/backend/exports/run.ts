/**
 * runExport: the whole export of one file, used by the worker thread, the in-process fallback and
 * the CLI alike. Opens its own read-only connections, reads one consistent snapshot, streams the
 * rows into the file and returns its digest. A cancelled or failed export leaves no file behind.
 */
import { openDatabase, type Db } from '../../../db/open';
import { placementsRepo } from '../../../db/repos/placements';
import { sectionsFor } from './sections';
import { fileDigest, removeQuietly } from './writers/files';
import { writeCsv } from './writers/csv';
import { PDF_ROWS_PER_SECTION } from './writers/pdf-limits';
import type { ExportOutcome, ExportRequest, ProgressFn, SectionResult } from './types';

function openReadonly(req: ExportRequest, cacheKiB: number): Db {
  const db = openDatabase(req.dbFile, {
    readonly: true,
    ...(req.dbKeyHex ? { key: Buffer.from(req.dbKeyHex, 'hex') } : {}),
    ...(req.nativeBinding ? { nativeBinding: req.nativeBinding } : {}),
  });
  // Page cache sized per role: the row scan reads sequentially, lookups probe at random. Bounded so
  // an export of a million rows stays within a few hundred MB with the writer's buffers.
  db.pragma(`cache_size = -${cacheKiB}`);
  return db;
}

function placementLabel(db: Db, id: string | null): string {
  if (id === null) return '全部委案 All placements';
  const p = placementsRepo.byId(db, id);
  return p ? `${p.code} · ${p.name}` : id;
}

export async function runExport(req: ExportRequest, onProgress: ProgressFn, isCancelled: () => boolean): Promise<ExportOutcome> {
  const db = openReadonly(req, 16_384);
  const lookupDb = openReadonly(req, 8_192);
  try {
    // One read transaction: the counts taken up front and the rows streamed after them agree.
    db.exec('BEGIN');
    const sections = sectionsFor(db, lookupDb, req);
    const label = placementLabel(db, req.placementId);
    const total = sections.reduce((sum, s) => sum + (req.format === 'pdf' ? Math.min(s.total, PDF_ROWS_PER_SECTION) : s.total), 0);
    const onRow = (done: number) => onProgress(done, total);
    onRow(0);
    let results: SectionResult[];
    let digest: { sha256: string; bytes: number };
    try {
      switch (req.format) {
        case 'csv': {
          // The CSV writer hashes what it writes: no second read of a file of a few hundred MB.
          const csv = await writeCsv(sections, req.outFile, onRow, isCancelled);
          results = csv.sections;
          digest = { sha256: csv.sha256, bytes: csv.bytes };
          break;
        }
        case 'xlsx':
          // The XLSX and PDF writers (exceljs, pdfkit) load on first use: they cost start-up time.
          results = await (await import('./writers/xlsx')).writeXlsx(req, sections, label, onRow, isCancelled);
          digest = await fileDigest(req.outFile);
          break;
        case 'pdf':
          results = await (await import('./writers/pdf')).writePdf(req, sections, label, onRow, isCancelled);
          digest = await fileDigest(req.outFile);
          break;
      }
    } catch (err) {
      removeQuietly(req.outFile);
      throw err;
    }
    return { file: req.outFile, rows: results.reduce((s, r) => s + r.rows, 0), sections: results, ...digest };
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
    lookupDb.close();
  }
}
