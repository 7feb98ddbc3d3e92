/**
 * Export jobs of one backend: start (checked, audited, signer unlocked before any work), progress,
 * cancel, list. Jobs live in memory for the session; their files and manifests stay on disk.
 */
import path from 'node:path';
import { AppError } from '../../../common/api/result';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import { newId } from '../../../common/ids';
import type { AppContext, CallContext } from '../context';
import { assertRole } from '../services/access';
import { assertPlacement } from '../services/supervisor';
import type { Signer } from '../sync/identity';
import { findWorkerScript, launchExport, type RunEnd, type RunHandle } from './launch';
import { buildManifest, writeManifest } from './manifest';
import { auditExportEnd, auditExportStart, buildRequest, defaultFileName, type ExportEnd, type ExportInput } from './request';
import { appSigner, exportEnvironment } from './signing';
import type { ExportRequest } from './types';
import { removeQuietly } from './writers/files';

interface Job {
  view: ExportJobView;
  ownerId: string;
  handle: RunHandle;
  settled: Promise<ExportJobView>;
}

/** A backend's export jobs by id; kept in AppContext.state. */
export type ExportJobRegistry = Map<string, unknown>;

function jobsOf(app: AppContext): Map<string, Job> {
  return app.state.exportJobs as Map<string, Job>;
}

const snapshot = (v: ExportJobView): ExportJobView => ({ ...v, period: { ...v.period } });

function visibleJob(ctx: CallContext, jobId: string): Job {
  const job = jobsOf(ctx.app).get(jobId);
  if (!job || (ctx.actor.role !== 'admin' && job.ownerId !== ctx.actor.id)) throw new AppError('NOT_FOUND', `No export job ${jobId}.`, undefined, { key: 'export.notFound' });
  return job;
}

/** Signs and writes the manifest, then audits the end; any failure here fails the job and removes the file. */
function conclude(app: AppContext, req: ExportRequest, jobId: string, signer: Signer, unmaskReason: string | undefined, end: RunEnd): ExportEnd {
  if (end.state !== 'done') return end;
  try {
    const manifestFile = writeManifest(end.outcome.file, buildManifest(req, end.outcome, signer, unmaskReason));
    return { state: 'done', outcome: end.outcome, manifestFile };
  } catch (err) {
    removeQuietly(end.outcome.file);
    app.log(`export ${jobId}: manifest failed: ${err instanceof Error ? err.name : 'error'}`);
    return { state: 'failed', error: `could not write the signed manifest: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export const exportJobs = {
  start(ctx: CallContext, input: ExportInput): { jobId: string } {
    const { app, actor } = ctx;
    const at = app.clock.now();
    assertRole(app.db, actor, ['supervisor', 'admin'], 'exports.start', at.toISOString());
    assertPlacement(app.db, input.placementId);
    const env = exportEnvironment(app);
    // Unlock (or create) the key first: an export that cannot be signed should not start at all.
    const signer = appSigner(app, at);
    const jobId = newId();
    const outFile = path.join(env.outDir ?? path.join(app.dataDir, 'exports'), defaultFileName(input, at, jobId));
    const req = buildRequest(app.db, actor, input, { at, workstationId: app.workstationId, outFile, dbKey: env.dbKey, dbCipher: env.dbCipher, nativeBinding: env.nativeBinding });
    const unmaskReason = input.unmask?.reason;
    auditExportStart(app.db, req, jobId, unmaskReason);

    const view: ExportJobView = {
      jobId,
      kind: req.kind,
      format: req.format,
      period: { from: req.from, to: req.to },
      placementId: req.placementId,
      masked: req.masked,
      state: 'running',
      rows: 0,
      total: 0,
      startedAt: req.exportedAt,
      finishedAt: null,
    };
    const handle = launchExport(
      req,
      (done, total) => {
        view.rows = done;
        view.total = total;
      },
      findWorkerScript(env.workerScript),
    );
    const settled = handle.ended.then((end) => {
      const result = conclude(app, req, jobId, signer, unmaskReason, end);
      const finishedAt = app.clock.now().toISOString();
      try {
        auditExportEnd(app.db, req, jobId, result, finishedAt);
      } catch {
        app.log(`export ${jobId}: could not audit the end of the export`);
      }
      view.state = result.state;
      view.finishedAt = finishedAt;
      if (result.state === 'done') {
        view.rows = result.outcome.rows;
        view.file = result.outcome.file;
        view.manifestFile = result.manifestFile;
      } else if (result.state === 'failed') {
        view.error = result.error;
      }
      return snapshot(view);
    });
    jobsOf(app).set(jobId, { view, ownerId: actor.id, handle, settled });
    return { jobId };
  },

  status(ctx: CallContext, jobId: string): ExportJobView {
    return snapshot(visibleJob(ctx, jobId).view);
  },

  cancel(ctx: CallContext, jobId: string): ExportJobView {
    const job = visibleJob(ctx, jobId);
    if (job.view.state !== 'running') throw new AppError('CONFLICT', `This export has already ended (${job.view.state}).`, undefined, { key: 'export.alreadyEnded' });
    job.handle.cancel();
    return snapshot(job.view);
  },

  list(ctx: CallContext): ExportJobView[] {
    return [...jobsOf(ctx.app).values()]
      .filter((j) => ctx.actor.role === 'admin' || j.ownerId === ctx.actor.id)
      .map((j) => snapshot(j.view))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.jobId.localeCompare(a.jobId));
  },

  /** Resolves when the job has ended (tests, the CLI); the view as it ended. */
  settled(app: AppContext, jobId: string): Promise<ExportJobView> {
    const job = jobsOf(app).get(jobId);
    if (!job) return Promise.reject(new AppError('NOT_FOUND', `No export job ${jobId}.`, undefined, { key: 'export.notFound' }));
    return job.settled;
  },

  mode(app: AppContext, jobId: string): RunHandle['mode'] | undefined {
    return jobsOf(app).get(jobId)?.handle.mode;
  },
};
