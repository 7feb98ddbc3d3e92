/**
 * The export_csv child: runs the real export engine on the bench database, then the bare
 * iterate-and-write, and prints one JSON line (ExportChildResult). Peak RSS is read right after the
 * engine's runs, before the bare ones, from the kernel's high-water mark for this process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportListings } from '../../db/repos/reporting';
import { openDatabase } from '../../db/open';
import { periodParams } from '../../main/backend/services/report-figures';
import type { ExportChildResult } from './export-csv';
import { measure } from './measure';

type ExportToFile = (...args: unknown[]) => unknown;

function loadExporter(): ExportToFile {
  let mod: Record<string, unknown>;
  try {
    // Still being written by the exports engineer: a run-time require until it exists (see README).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('../../main/backend/exports') as Record<string, unknown>;
  } catch (err) {
    throw new Error(`exportToFile is missing: main/backend/exports does not load (${(err as Error).message.split('\n')[0]})`);
  }
  const fn = mod.exportToFile;
  if (typeof fn !== 'function') throw new Error('exportToFile is missing: main/backend/exports has no exportToFile function');
  return fn as ExportToFile;
}

interface ChildArgs {
  db: string;
  out: string;
  iterations: number;
  now: string;
}

export async function runExportChild(a: ChildArgs): Promise<ExportChildResult> {
  const exportToFile = loadExporter();
  const db = openDatabase(a.db, { readonly: true });
  const span = db.prepare('SELECT min(at) AS first, max(at) AS last, count(*) AS n FROM activities').get() as { first: string; last: string; n: number };
  const users = db.prepare('SELECT id, username, display_name FROM users').all() as { id: string; username: string; display_name: string }[];
  const admin = users.find((u) => u.username === 'admin') ?? users[0];
  const workstation = db.prepare("SELECT value FROM settings WHERE key = 'workstation_id'").get() as { value: string } | undefined;
  if (!admin) throw new Error('export_csv: the database has no users');
  const from = span.first.slice(0, 10);
  const to = span.last.slice(0, 10);
  const scope = users.map((u) => u.id);
  const outFile = path.join(a.out, 'activities.csv');
  const request = {
    kind: 'activities',
    format: 'csv',
    from,
    to,
    placementId: null,
    scope,
    collectors: scope,
    masked: true,
    exportedBy: { id: admin.id, username: admin.username, displayName: admin.display_name },
    exportedAt: a.now,
    workstationId: workstation?.value ?? 'bench',
    dbFile: a.db,
    outFile,
  };
  const effort = { time: 0, iterations: a.iterations, warmupIterations: 0 };
  let rows = 0;
  const ours = await measure(
    'export_csv',
    async () => {
      const outcome = (await exportToFile(a.db, request)) as { rows?: unknown };
      rows = typeof outcome.rows === 'number' ? outcome.rows : 0;
    },
    { ...effort, async: true },
  );
  if (rows !== span.n) throw new Error(`export_csv: the export wrote ${rows} rows, the database holds ${span.n} activities`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const params = periodParams({ from, to, placementId: null }, scope, a.now);
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
  return { rows, ours, bare, peakRssMb };
}
