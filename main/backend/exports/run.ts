/**
 * runExport: the whole export of one file, used by the worker thread, the in-process fallback and
 * the CLI alike. Opens its own read-only connections, reads one consistent snapshot, streams the
 * rows into the file and returns its digest. A cancelled or failed export leaves no file behind.
 */
import { createPrivateOutput } from '../private-files';
import type { Db } from '../../../db/open';
import type { ReportParams } from '../../../db/repos/reporting';
import { placementsRepo } from '../../../db/repos/placements';
import { LOOKUP_CACHE_KIB, openReadonly, SCAN_CACHE_KIB } from './connections';
import { sectionsFor } from './sections';
import type { OwnShare } from './sections/activities';
import { exportParams } from './sections/params';
import { checkRecords } from '../services/record-check';
import { PartWorker, planShare, splitScript, worthSplitting } from './split/part';
import { sharedSnapshot } from './split/snapshot';
import { fileDigest, removeQuietly } from './writers/files';
import { writeCsv } from './writers/csv';
import { PDF_ROWS_PER_SECTION } from './writers/pdf-limits';
import type { ExportOutcome, ExportRequest, ProgressFn, SectionResult } from './types';

export interface RunOptions {
  /**
   * The part worker's bundle for a split export (split/part.ts): found beside this bundle when
   * undefined; null keeps the export on one thread. Tests name a bundle they built.
   */
  partScript?: string | null;
}

function placementLabel(db: Db, id: string | null): string {
  if (id === null) return '全部委案 All placements';
  const p = placementsRepo.byId(db, id);
  return p ? `${p.code} · ${p.name}` : id;
}

export async function runExport(req: ExportRequest, onProgress: ProgressFn, isCancelled: () => boolean, options: RunOptions = {}): Promise<ExportOutcome> {
  const db = openReadonly(req, SCAN_CACHE_KIB);
  const lookupDb = openReadonly(req, LOOKUP_CACHE_KIB);
  let part: PartWorker | null = null;
  try {
    // One read transaction (shared with the part worker when split): the counts taken up front and
    // the rows streamed after them agree.
    let share: OwnShare | undefined;
    const p = exportParams(req);
    part = await startPart(db, req, p, options.partScript);
    if (part) {
      if ((await sharedSnapshot(db, part)) !== null) share = planShare(db, p, part) ?? undefined;
      if (!share) {
        await part.dispose();
        part = null;
      }
    }
    if (!db.inTransaction) db.exec('BEGIN');
    const sections = sectionsFor(db, lookupDb, req, share);
    const label = placementLabel(db, req.placementId);
    const total = sections.reduce((sum, s) => sum + (req.format === 'pdf' ? Math.min(s.total, PDF_ROWS_PER_SECTION) : s.total), 0);
    const onRow = (done: number) => onProgress(done, total);
    onRow(0);
    let results: SectionResult[];
    let digest: { sha256: string; bytes: number };
    // Owner-only from its first byte; a failure removes it only if this export created it.
    const created = createPrivateOutput(req.outFile);
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
      if (created) removeQuietly(req.outFile);
      throw err;
    }
    // Figures and money checked against the chain in the same snapshot, for the manifest. The
    // activity log lists rows rather than counting them and is not checked: over its million rows
    // the check (~5–15 µs a row here) would cost at least as much as writing the file (README).
    const integrity = req.kind === 'activities' ? undefined : checkRecords(db, p);
    return {
      file: req.outFile,
      rows: results.reduce((s, r) => s + r.rows, 0),
      sections: results,
      ...digest,
      threads: share ? 2 : 1,
      ...(integrity ? { integrity } : {}),
    };
  } finally {
    await part?.dispose();
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
    lookupDb.close();
  }
}

/** The part worker, started and open, when this export is to be split (split/part.ts); else null. */
async function startPart(db: Db, req: ExportRequest, p: ReportParams, explicit: string | null | undefined): Promise<PartWorker | null> {
  const script = splitScript(req, explicit);
  if (!script || !worthSplitting(db, p)) return null;
  return PartWorker.start(script, req);
}
