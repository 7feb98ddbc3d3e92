/** Which sections each export kind holds. */
import type { Db } from '../../../../db/open';
import { buildDashboard } from '../../services/report-figures';
import { Labels } from '../labels';
import type { ExportRequest, Section } from '../types';
import { activitySections, type OwnShare } from './activities';
import { conductSections } from './conduct';
import { ledgerSections } from './ledger';
import { performanceSections } from './performance';
import { exportParams } from './params';

/**
 * `db` streams the rows; `lookupDb` (a second connection to the same file) resolves labels while a
 * row iterator is open, which better-sqlite3 does not allow on the iterating connection.
 */
export function sectionsFor(db: Db, lookupDb: Db, req: ExportRequest, share?: OwnShare): Section[] {
  const p = exportParams(req);
  const labels = new Labels(lookupDb, req.masked, req.format === 'csv' ? 'csv' : 'cells');
  const dashboard = () =>
    buildDashboard(db, { from: req.from, to: req.to, placementId: req.placementId, scope: req.scope, collectors: req.collectors, now: req.exportedAt, timeZone: req.timeZone });
  switch (req.kind) {
    case 'activities':
      return activitySections(db, p, labels, share);
    case 'ledger':
      return ledgerSections(db, p, labels);
    case 'conduct':
      return conductSections(db, p, labels, dashboard(), req.exportedAt);
    case 'performance':
      return performanceSections(dashboard());
  }
}
