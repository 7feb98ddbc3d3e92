/**
 * A settlement is carried by a promise of its amount. When payments credited to that promise reach
 * the amount, the settlement is fulfilled and the rest of the balance is written off as a
 * settlement discount, in the same transaction as the payment that fulfilled it.
 */
import type { CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo } from '../../../../db/repos/ledger';
import type { AppContext } from '../../context';
import { recordChange } from '../../record/recordChange';
import { postDiscount } from './postings';

export function fulfilIfPaid(app: AppContext, c: CaseRow, promiseId: string, by: string | null, today: string, at: string): boolean {
  const p = ledgerRepo.promiseEnds(app.db, c.id).find((x) => x.id === promiseId);
  if (!p?.settlement_id) return false;
  const s = ledgerRepo.settlement(app.db, p.settlement_id);
  if (!s || s.status !== 'agreed' || p.credited_minor < s.amount_minor) return false;
  const balance = ledgerRepo.stored(app.db, c.id)?.balance_minor ?? 0;
  const discountId = postDiscount(app, c, balance, { reason: 'settlement', refId: s.id, by, effectiveOn: today, at });
  ledgerRepo.setSettlementStatus(app.db, s.id, 'fulfilled', at);
  recordChange(app, {
    type: 'settlement',
    id: s.id,
    caseId: c.id,
    placementId: c.placement_id,
    at,
    body: { status: 'fulfilled', amountMinor: s.amount_minor, currency: s.currency, discountMinor: balance, discountPostingId: discountId },
  });
  return true;
}
