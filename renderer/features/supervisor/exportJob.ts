/** Export form rules and job progress, pure: what may be started, how far a job has got. */
import type { ExportFormat, ExportJobView, ExportKind, ExportState } from '../../../common/api/types-supervisor';
import { periodProblem, type PeriodProblem } from './period';
import { reasonOk } from './reason';

export const EXPORT_KINDS = ['activities', 'ledger', 'conduct', 'performance'] as const satisfies readonly ExportKind[];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const satisfies readonly ExportFormat[];
export const POLL_MS = 500;

export interface ExportForm {
  kind: ExportKind;
  format: ExportFormat;
  from: string;
  to: string;
  placementId: string;
  unmask: boolean;
  reason: string;
}

export type ExportFormProblem = PeriodProblem | 'reason';

export interface StartExportArgs {
  kind: ExportKind;
  format: ExportFormat;
  from: string;
  to: string;
  placementId?: string;
  unmask?: { reason: string };
}

export function exportFormProblem(form: ExportForm): ExportFormProblem | null {
  const p = periodProblem(form);
  if (p) return p;
  if (form.unmask && !reasonOk(form.reason)) return 'reason';
  return null;
}

/** The `exports.start` input: no placement key for "all", no unmask unless ticked. */
export function startInput(form: ExportForm): StartExportArgs {
  return {
    kind: form.kind,
    format: form.format,
    from: form.from,
    to: form.to,
    ...(form.placementId ? { placementId: form.placementId } : {}),
    ...(form.unmask ? { unmask: { reason: form.reason.trim() } } : {}),
  };
}

export function isFinished(state: ExportState): boolean {
  return state !== 'running';
}

/** Whole percent done, 0–100. A done job is 100 even when it held no rows. */
export function progressPercent(job: Pick<ExportJobView, 'rows' | 'total' | 'state'>): number {
  if (job.state === 'done') return 100;
  if (job.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((job.rows / job.total) * 100)));
}

/** The manifest's SHA-256 when a status carries it (newer backends may); null otherwise. */
export function jobSha256(job: ExportJobView): string | null {
  const extra = job as ExportJobView & { sha256?: unknown; manifest?: { file?: { sha256?: unknown } } };
  const sha = extra.sha256 ?? extra.manifest?.file?.sha256;
  return typeof sha === 'string' && /^[0-9a-f]{64}$/i.test(sha) ? sha : null;
}
