/**
 * From an API/CLI request to an ExportRequest (plain data for the worker), plus the audit rows
 * every export writes: its start (and the reveal of personal data, with the reason, when
 * unmasked), then how it ended. Audit rows are written on the app's writer connection only.
 */
import { makeDirsPrivate } from '../private-files';
import path from 'node:path';
import type { ExportFormat, ExportKind } from '../../../common/api/types-supervisor';
import type { Db, DbCipher } from '../../../db/open';
import { appendAudit } from '../audit/audit';
import { agencyTimeZone } from '../services/agency-zone';
import { teamScope } from '../services/supervisor';
import type { Actor } from '../types';
import type { ExportOutcome, ExportRequest } from './types';

export interface ExportInput {
  kind: ExportKind;
  format: ExportFormat;
  from: string;
  to: string;
  placementId?: string | undefined;
  unmask?: { reason: string } | undefined;
}

export function defaultFileName(input: ExportInput, at: Date, jobId: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `casedesk-${input.kind}-${input.from}_${input.to}-${stamp}-${jobId.slice(-8)}.${input.format}`;
}

export function buildRequest(
  db: Db,
  actor: Actor,
  input: ExportInput,
  opts: { at: Date; workstationId: string; outFile: string; dbKey?: Buffer | undefined; dbCipher?: DbCipher | undefined; nativeBinding?: string | undefined },
): ExportRequest {
  const scope = teamScope(db, actor);
  makeDirsPrivate(path.dirname(opts.outFile));
  return {
    kind: input.kind,
    format: input.format,
    from: input.from,
    to: input.to,
    timeZone: agencyTimeZone(db),
    placementId: input.placementId ?? null,
    scope: scope.userIds,
    collectors: scope.collectorIds,
    masked: input.unmask === undefined,
    exportedBy: { id: actor.id, username: actor.username, displayName: actor.displayName },
    exportedAt: opts.at.toISOString(),
    workstationId: opts.workstationId,
    dbFile: db.name,
    ...(opts.dbKey ? { dbKeyHex: opts.dbKey.toString('hex'), ...(opts.dbCipher ? { dbCipher: opts.dbCipher } : {}) } : {}),
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    outFile: opts.outFile,
  };
}

export function auditExportStart(db: Db, req: ExportRequest, jobId: string, unmaskReason: string | undefined): void {
  db.transaction(() => {
    const details = { kind: req.kind, format: req.format, from: req.from, to: req.to, placementId: req.placementId, masked: req.masked, file: path.basename(req.outFile) };
    appendAudit(db, req.exportedAt, { actorId: req.exportedBy.id, action: 'export.start', objectType: 'export', objectId: jobId, outcome: 'ok', details });
    if (unmaskReason !== undefined) {
      // Which fields and why — never the values.
      appendAudit(db, req.exportedAt, {
        actorId: req.exportedBy.id,
        action: 'pii.reveal',
        objectType: 'export',
        objectId: jobId,
        outcome: 'ok',
        details: { reason: unmaskReason, fields: ['borrower.full_name', 'contact_point.value', 'free_text'], kind: req.kind, format: req.format },
      });
    }
  })();
}

export type ExportEnd = { state: 'done'; outcome: ExportOutcome; manifestFile: string } | { state: 'cancelled' } | { state: 'failed'; error: string };

export function auditExportEnd(db: Db, req: ExportRequest, jobId: string, end: ExportEnd, at: string): void {
  const details =
    end.state === 'done'
      ? { rows: end.outcome.rows, sha256: end.outcome.sha256, bytes: end.outcome.bytes, manifest: path.basename(end.manifestFile) }
      : end.state === 'failed'
        ? { error: end.error }
        : {};
  appendAudit(db, at, {
    actorId: req.exportedBy.id,
    action: `export.${end.state}`,
    objectType: 'export',
    objectId: jobId,
    outcome: end.state === 'done' ? 'ok' : 'failed',
    details,
  });
}
