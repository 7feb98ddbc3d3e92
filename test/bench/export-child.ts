/**
 * The export_csv child: runs the real export engine (exportToFile: the activities export as CSV,
 * with its signed manifest and audit rows) on the bench database, then the bare iterate-and-write,
 * and prints one JSON line (ExportChildResult). Peak RSS is read right after the engine's runs,
 * before the bare ones, from the kernel's high-water mark for this process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportListings } from '../../db/repos/reporting';
import { openDatabase } from '../../db/open';
import { exportToFile } from '../../main/backend/exports/to-file';
import { periodParams } from '../../main/backend/services/report-figures';
import { agencyTimeZone } from '../../main/backend/services/agency-zone';
import { dayIn } from '../../common/domain/periods/days';
import { BENCH_PROTECTOR } from './identity';
import type { ExportChildResult } from './export-csv';
import { measure } from './measure';

interface ChildArgs {
  db: string;
  out: string;
  iterations: number;
  now: string;
}

export async function runExportChild(a: ChildArgs): Promise<ExportChildResult> {
  const db = openDatabase(a.db, { readonly: true });
  const span = db.prepare('SELECT min(at) AS first, max(at) AS last, count(*) AS n FROM activities').get() as { first: string; last: string; n: number };
  const scope = (db.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id);
  // Every activity: the agency-local days of the first and the last.
  const timeZone = agencyTimeZone(db);
  const from = dayIn(span.first, timeZone);
  const to = dayIn(span.last, timeZone);
  const effort = { time: 0, iterations: a.iterations, warmupIterations: 0 };
  let rows = 0;
  let file = '';
  let firstRunPeakMb: number | undefined;
  const ours = await measure(
    'export_csv',
    async () => {
      const result = await exportToFile(a.db, {
        kind: 'activities',
        format: 'csv',
        from,
        to,
        out: path.join(a.out, 'activities.csv'),
        as: 'admin',
        protector: BENCH_PROTECTOR,
        now: () => new Date(a.now),
      });
      rows = result.rows;
      file = result.file;
    },
    {
      ...effort,
      async: true,
      // One export in a fresh process is what a user runs: its high-water mark is the figure. Later
      // runs in the same process only add the heap the first one left (reported separately).
      afterEach: () => {
        firstRunPeakMb ??= process.resourceUsage().maxRSS / 1024;
      },
    },
  );
  const peakRssMb = firstRunPeakMb ?? process.resourceUsage().maxRSS / 1024;
  const peakRssAllRunsMb = process.resourceUsage().maxRSS / 1024;
  if (rows !== span.n) throw new Error(`export_csv: the export wrote ${rows} rows, the database holds ${span.n} activities`);
  if (!fs.existsSync(file)) throw new Error(`export_csv: the export reported ${file}, which does not exist`);

  const params = periodParams({ from, to, placementId: null }, scope, a.now, timeZone);
  const bareFile = path.join(a.out, 'bare.csv');
  let bareRows = 0;
  const bare = await measure(
    'export_csv (bare)',
    () => {
      const fd = fs.openSync(bareFile, 'w');
      let chunk = '';
      bareRows = 0;
      for (const row of exportListings.activities.iterate(db, params)) {
        chunk += row.join(',') + '\n';
        bareRows++;
        if (chunk.length > 1 << 16) {
          fs.writeSync(fd, chunk);
          chunk = '';
        }
      }
      fs.writeSync(fd, chunk);
      fs.closeSync(fd);
    },
    effort,
  );
  if (bareRows !== span.n) throw new Error(`export_csv: the bare pass read ${bareRows} rows, expected ${span.n}`);
  db.close();
  return { rows, ours, bare, peakRssMb, peakRssAllRunsMb };
}
