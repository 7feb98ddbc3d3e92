/**
 * Lender packages that touch the money post to the same ledger as local payments (issue 13):
 * - a payment is posted and credited once to the active arrangement; the lender reporting a
 *   payment already recorded here (same reference, amount and date) is that payment, not a second
 *   one; the same reference with another amount or date is held in payment_conflicts for review;
 *   a negative payment is an unlinked reversal, refused if it takes back more than was paid;
 * - a balance statement becomes, per component, an adjustment of the difference between the
 *   lender's figure and what the ledger says is owed (reason 'lender_statement'). The placed
 *   amounts stay as placed.
 */
import type { BalanceUpdate, LenderPayment } from '../../../../common/protocol/packages';
import { COMPONENTS, applyPosting } from '../../../../common/domain/ledger';
import { newId } from '../../../../common/ids';
import { casesRepo } from '../../../../db/repos/cases';
import { ledgerRepo } from '../../../../db/repos/ledger';
import { promisesRepo } from '../../../../db/repos/promises';
import type { AppContext } from '../../context';
import { recordChange } from '../../record/recordChange';
import { refreshDerived } from '../../services/derived';
import { refreshStatuses } from '../../services/ledger/arrangements';
import { postPayment } from '../../services/ledger/payments';
import { postAdjustment } from '../../services/ledger/postings';
import { caseLedger, caseToday } from '../../services/ledger/state';

export type LedgerImport = { cases: number; skipped: string[] };

export function importLenderPayment(ctx: AppContext, pkg: LenderPayment): LedgerImport {
  const c = casesRepo.byId(ctx.db, pkg.caseId);
  if (!c) return { cases: 0, skipped: [`no case ${pkg.caseId} here`] };
  if (promisesRepo.paymentByRef(ctx.db, 'lender', pkg.reference) || promisesRepo.paymentsByCase(ctx.db, c.id).some((p) => p.id === pkg.id)) {
    return { cases: 0, skipped: [`payment ${pkg.reference} already recorded`] };
  }
  const now = ctx.clock.now();
  const at = now.toISOString();
  const local = promisesRepo.paymentByRef(ctx.db, 'agency', pkg.reference);
  if (local) {
    if (local.case_id === c.id && local.amount_minor === pkg.amountMinor && local.paid_on === pkg.paidOn && local.currency === pkg.currency) {
      return { cases: 0, skipped: [`payment ${pkg.reference} is the one recorded here`] };
    }
    const added = ledgerRepo.insertConflict(ctx.db, { id: newId(), case_id: c.id, local_payment_id: local.id, package_id: pkg.id, reference: pkg.reference, amount_minor: pkg.amountMinor, currency: pkg.currency, paid_on: pkg.paidOn, status: 'open', created_at: at });
    return { cases: 0, skipped: added ? [`payment ${pkg.reference} conflicts with the one recorded here; held for review`] : [] };
  }
  const { today } = caseToday(ctx.db, c, now);
  if (pkg.amountMinor > 0) {
    postPayment(ctx, c, { id: pkg.id, amountMinor: pkg.amountMinor, paidOn: pkg.paidOn, source: 'lender', reference: pkg.reference, recordedBy: null }, today, at);
  } else {
    const check = applyPosting(caseLedger(ctx.db, c.id, c.placement_id).state, { kind: 'reversal', id: `check:${pkg.id}`, reversesId: null, amountMinor: -pkg.amountMinor });
    if (!check.ok) return { cases: 0, skipped: [`reversal ${pkg.reference} takes back more than was paid`] };
    promisesRepo.insertPayment(ctx.db, { id: pkg.id, case_id: c.id, amount_minor: pkg.amountMinor, currency: pkg.currency, paid_on: pkg.paidOn, source: 'lender', reference: pkg.reference, recorded_by: null, created_at: at });
    recordChange(ctx, { type: 'payment', id: pkg.id, caseId: c.id, placementId: c.placement_id, at, body: { source: 'lender', amountMinor: pkg.amountMinor, currency: pkg.currency, paidOn: pkg.paidOn, reference: pkg.reference, reversal: 'lender' } });
  }
  refreshStatuses(ctx.db, c.id, today, at);
  refreshDerived(ctx.db, c.id, now);
  return { cases: 1, skipped: [] };
}

export function importBalanceStatement(ctx: AppContext, pkg: BalanceUpdate): LedgerImport {
  const c = casesRepo.byId(ctx.db, pkg.caseId);
  if (!c) return { cases: 0, skipped: [`no case ${pkg.caseId} here`] };
  const now = ctx.clock.now();
  const at = now.toISOString();
  const target = { principal: pkg.principalMinor, interest: pkg.interestMinor, penalty: pkg.penaltyMinor, fees: pkg.feesMinor };
  const { today } = caseToday(ctx.db, c, now);
  for (const k of COMPONENTS) {
    const remaining = caseLedger(ctx.db, c.id, c.placement_id).state.remaining[k];
    postAdjustment(ctx, c, k, target[k] - remaining, 'lender_statement', { refId: pkg.id, by: null, effectiveOn: pkg.asOf.slice(0, 10), at });
  }
  refreshStatuses(ctx.db, c.id, today, at);
  refreshDerived(ctx.db, c.id, now);
  return { cases: 1, skipped: [] };
}
