/**
 * exportToFile: one export, in the calling thread, straight to a named file with its signed
 * manifest and audit rows. For the CLI and the benchmark (which measures rows/s and memory of
 * exactly this path); the app uses exportJobs, which runs the same runExport in a worker.
 */
import path from 'node:path';
import type { ExportFormat, ExportKind } from '../../../common/api/types-supervisor';
import { newId } from '../../../common/ids';
import type { Db, DbCipher } from '../../../db/open';
import { openDatabase } from '../../../db/open';
import { usersRepo } from '../../../db/repos/users';
import { workstationIdOf } from '../workstation';
import type { KeyProtector } from '../crypto/protect';
import { assertPlacement } from '../services/supervisor';
import type { Actor } from '../types';
import { buildManifest, writeManifest } from './manifest';
import { auditExportEnd, auditExportStart, buildRequest } from './request';
import { exportSigner, protectorFrom } from './signing';
import { runExport } from './run';
import { ExportCancelledError, type ExportOutcome, type ProgressFn } from './types';

export interface ExportToFileOptions {
  kind: ExportKind;
  format: ExportFormat;
  /** YYYY-MM-DD, both inclusive (whole days of the agency's time zone). */
  from: string;
  to: string;
  placementId?: string;
  /** Output file; its folder is created. */
  out: string;
  /** Username of the supervisor or admin exporting (default: the first admin). */
  as?: string;
  /** Reveal personal data; the reason is audited and written into the manifest. */
  unmaskReason?: string;
  /** Unwraps the workstation key; default: the passphrase in CASEDESK_KEY_PASSPHRASE. */
  protector?: KeyProtector;
  /** Or: the protector as the app would build it for this database (it may live inside it). */
  protectorFor?: (db: Db) => KeyProtector;
  dbKey?: Buffer;
  /** With dbKey, for a folder encrypted by an earlier build: its key store's cipher. */
  dbCipher?: DbCipher;
  now?: () => Date;
  onProgress?: ProgressFn;
  isCancelled?: () => boolean;
  /** The part worker's bundle for a split export (RunOptions.partScript). */
  partScript?: string | null;
}

export interface ExportToFileResult {
  rows: number;
  file: string;
  manifestFile: string;
  outcome: ExportOutcome;
}

export class ExportSetupError extends Error {
  override readonly name = 'ExportSetupError';
}

function actorOf(db: ReturnType<typeof openDatabase>, username: string | undefined): Actor {
  const row = username ? usersRepo.byUsername(db, username) : usersRepo.firstWithRole(db, 'admin');
  if (!row) throw new ExportSetupError(username ? `no user called "${username}" in this database` : 'this database has no admin user; name one with --as');
  if (row.role !== 'supervisor' && row.role !== 'admin') throw new ExportSetupError(`${row.username} is a ${row.role}; exports need a supervisor or an admin`);
  if (row.disabled === 1) throw new ExportSetupError(`${row.username} is disabled`);
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

export async function exportToFile(dbFile: string, o: ExportToFileOptions): Promise<ExportToFileResult> {
  const db = openDatabase(dbFile, o.dbKey ? { key: o.dbKey, ...(o.dbCipher ? { cipher: o.dbCipher } : {}) } : {});
  try {
    const now = o.now ?? (() => new Date());
    const at = now();
    const actor = actorOf(db, o.as);
    assertPlacement(db, o.placementId);
    const workstationId = workstationIdOf(db);
    const signer = exportSigner(db, workstationId, protectorFrom({ ...(o.protectorFor ? { protector: o.protectorFor(db) } : o.protector ? { protector: o.protector } : {}) }), at);
    const jobId = newId();
    const input = { kind: o.kind, format: o.format, from: o.from, to: o.to, placementId: o.placementId, unmask: o.unmaskReason !== undefined ? { reason: o.unmaskReason } : undefined };
    const req = buildRequest(db, actor, input, { at, workstationId, outFile: path.resolve(o.out), dbKey: o.dbKey, dbCipher: o.dbCipher });
    auditExportStart(db, req, jobId, o.unmaskReason);
    let outcome: ExportOutcome;
    try {
      outcome = await runExport(req, o.onProgress ?? (() => undefined), o.isCancelled ?? (() => false), o.partScript === undefined ? {} : { partScript: o.partScript });
    } catch (err) {
      const end = err instanceof ExportCancelledError ? ({ state: 'cancelled' } as const) : ({ state: 'failed', error: err instanceof Error ? err.message : String(err) } as const);
      auditExportEnd(db, req, jobId, end, now().toISOString());
      throw err;
    }
    const manifestFile = writeManifest(outcome.file, buildManifest(req, outcome, signer, o.unmaskReason));
    auditExportEnd(db, req, jobId, { state: 'done', outcome, manifestFile }, now().toISOString());
    return { rows: outcome.rows, file: outcome.file, manifestFile, outcome };
  } finally {
    db.close();
  }
}
