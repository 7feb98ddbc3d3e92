/**
 * Outcomes follow the money (issue 13):
 * - paid_in_full only at a zero balance; settled only once a settlement is fulfilled (its discount
 *   then brought the balance to zero);
 * - closing outcomes (paid_in_full, settled, returned_to_lender, unable_to_locate) cancel the
 *   active arrangement, with the outcome and its reason as the why;
 * - returned_to_lender hands the case back: the arrangement is cancelled here and the outcome's
 *   chain record tells the lender which one was open and what it still expected;
 * - legal_review does NOT close the case: the case still owes and may still be paid, so it stays
 *   in the queue with its arrangement open (kept_open); a later outcome closes it;
 * - payment_plan needs an active plan;
 * - every outcome is a row of case_outcomes, which the case's timeline shows.
 */
import { AppError } from '../../../../common/api/result';
import { formatMoney } from '../../../../common/domain/money/format';
import { newId } from '../../../../common/ids';
import type { CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo } from '../../../../db/repos/ledger';
import type { Db } from '../../../../db/open';
import { endArrangement, theActive, type Active } from './arrangements';

export type Outcome = 'paid_in_full' | 'settled' | 'payment_plan' | 'returned_to_lender' | 'legal_review' | 'unable_to_locate';

export const CLOSING: readonly Outcome[] = ['paid_in_full', 'settled', 'returned_to_lender', 'unable_to_locate'];

/** Refuses an outcome the money does not support; returns nothing when it may be set. */
export function assertOutcomeAllowed(db: Db, c: CaseRow, outcome: Outcome, at: string): void {
  const owed = () => formatMoney({ minor: c.balance_minor, currency: c.currency }, 'en');
  if (outcome === 'paid_in_full' && c.balance_minor > 0) {
    throw new AppError('CONFLICT', `Case ${c.reference} still owes ${owed()}; it cannot be closed as paid in full.`, { balanceMinor: c.balance_minor }, {
      key: 'outcome.balanceOwed',
      params: { amount: owed() },
    });
  }
  if (outcome === 'settled') {
    const fulfilled = ledgerRepo.settlementsOfCase(db, c.id).some((s) => s.status === 'fulfilled');
    if (!fulfilled || c.balance_minor > 0) {
      throw new AppError('CONFLICT', `Case ${c.reference} has no fulfilled settlement; it cannot be closed as settled.`, { balanceMinor: c.balance_minor }, {
        key: 'outcome.settlementNotFulfilled',
        params: { amount: owed() },
      });
    }
  }
  if (outcome === 'payment_plan' && theActive(db, c.id, at)?.kind !== 'plan') {
    throw new AppError('CONFLICT', `Case ${c.reference} has no active payment plan.`, undefined, { key: 'outcome.noActivePlan' });
  }
}

/** Applies the outcome to the open arrangement and records it; returns what happened to it. */
export function recordOutcome(db: Db, c: CaseRow, outcome: Outcome, reason: string, by: string, at: string): { arrangement: Active | null; effect: 'cancelled' | 'kept_open' | null } {
  const active = theActive(db, c.id, at);
  let effect: 'cancelled' | 'kept_open' | null = null;
  if (active && CLOSING.includes(outcome)) {
    endArrangement(db, active, 'cancelled', by, at, `outcome ${outcome}: ${reason}`, null);
    effect = 'cancelled';
  } else if (active) effect = 'kept_open';
  db.prepare(
    `INSERT INTO case_outcomes (id, case_id, outcome, reason, balance_minor, arrangement_kind, arrangement_id, arrangement_effect, decided_by, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), c.id, outcome, reason, c.balance_minor, active?.kind ?? null, active?.id ?? null, effect, by, at);
  return { arrangement: active, effect };
}
