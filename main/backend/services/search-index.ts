/** Keeps the full-text index of a case (reference, borrower name, notes) in step with its data. */
import { toIndexText } from '../../../common/domain/search/fts';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo } from '../../../db/repos/cases';
import type { Db } from '../../../db/open';

export function reindexCase(db: Db, caseId: string): void {
  const c = casesRepo.byId(db, caseId);
  if (!c) return;
  const borrower = casesRepo.borrower(db, c.borrower_id);
  const notes = activitiesRepo
    .byCase(db, caseId)
    .filter((a) => a.channel === 'note' && a.text)
    .map((a) => a.text)
    .join(' \n ');
  casesRepo.indexForSearch(db, c.id, c.reference, toIndexText(borrower?.full_name ?? ''), toIndexText(notes));
}
