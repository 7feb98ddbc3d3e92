/** The query parameters of an export's period and scope. */
import type { ReportParams } from '../../../../db/repos/reporting';
import { periodParams } from '../../services/report-figures';
import type { ExportRequest } from '../types';

export function exportParams(req: ExportRequest): ReportParams {
  return periodParams(req, req.scope, req.exportedAt, req.timeZone);
}
