/** Which sections each export kind holds. */
import type { Db } from '../../../../db/open';
import { buildDashboard, periodParams } from '../../services/report-figures';
import { Labels } from '../labels';
import type { ExportRequest, Section } from '../types';
import { activitySections } from './activities';
import { conductSections } from './conduct';
import { ledgerSections } from './ledger';
import { performanceSections } from './performance';

/**
 * `db` streams the rows; `lookupDb` (a second connection to the same file) resolves labels while a
 * row iterator is open, which better-sqlite3 does not allow on the iterating connection.
 */
export function sectionsFor(db: Db, lookupDb: Db, req: ExportRequest): Section[] {
  const p = periodParams(req, req.scope, req.exportedAt, req.timeZone);
  const labels = new Labels(lookupDb, req.masked);
  const dashboard = () =>
    buildDashboard(db, { from: req.from, to: req.to, placementId: req.placementId, scope: req.scope, collectors: req.collectors, now: req.exportedAt, timeZone: req.timeZone });
  switch (req.kind) {
    case 'activities':
      return activitySections(db, p, labels);
    case 'ledger':
      return ledgerSections(db, p, labels);
    case 'conduct':
      return conductSections(db, p, labels, dashboard(), req.exportedAt);
    case 'performance':
      return performanceSections(dashboard());
  }
}
