/**
 * Data minimisation: personal data of closed and recalled cases is purged once the placement's
 * retention period has passed. What stays is the non-personal record (amounts, dates, outcomes,
 * decisions) and its signed chain; a `purge` chain record attests the deletion to the lender.
 */
import { newId } from '../../../common/ids';
import { privacyRepo } from '../../../db/repos/privacy';
import { appendAudit } from '../audit/audit';
import type { AppContext } from '../context';
import { recordChange } from '../record/recordChange';

export function purgeExpired(app: AppContext, actorId: string | null): { purged: string[] } {
  const now = app.clock.now().toISOString();
  const purged: string[] = [];
  for (const c of privacyRepo.expired(app.db, now)) {
    app.db.transaction(() => {
      privacyRepo.purgeBorrower(app.db, c.borrower_id, now);
      privacyRepo.purgeCaseText(app.db, c.case_id);
      recordChange(app, { type: 'purge', id: newId(), caseId: c.case_id, placementId: c.placement_id, at: now, body: { reference: c.reference, scope: ['borrower', 'contact_points', 'free_text'] } });
      appendAudit(app.db, now, { actorId, action: 'privacy.purge', objectType: 'case', objectId: c.case_id, outcome: 'ok', details: { reference: c.reference } });
    })();
    purged.push(c.case_id);
  }
  return { purged };
}
