/** Writes a stored report's export folder (the exact signed bytes, the raw signature, the public key). */
import { reportsRepo } from '../../../db/repos/reports';
import type { Db } from '../../../db/open';
import { loadIdentity } from '../sync/identity';
import { writeReportFiles } from './files';
import { ReportTextError, verifiedReportText } from './text';

export class ExportError extends Error {
  override readonly name = 'ExportError';
}

export function exportStoredReport(db: Db, reportId: string, dir: string): void {
  const row = reportsRepo(db).byId(reportId);
  if (!row) throw new ExportError(`no report ${reportId} in this database`);
  const identity = loadIdentity(db);
  if (!identity) throw new ExportError('this database has no workstation key, so no report of it can be verified');
  let text: string;
  try {
    text = verifiedReportText(db, row);
  } catch (err) {
    if (err instanceof ReportTextError) throw new ExportError(err.message);
    throw err;
  }
  writeReportFiles(dir, text, Buffer.from(row.signature_b64, 'base64'), identity.publicKeyPem);
}
