/**
 * Money in and money taken back. Runs inside the caller's transaction: the payment row (which the
 * schema turns into its posting and the new balance), the arrangement credits, the chain record,
 * and a fulfilled settlement's discount commit together.
 */
import { AppError } from '../../../../common/api/result';
import { applyPosting } from '../../../../common/domain/ledger';
import { newId } from '../../../../common/ids';
import type { CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo } from '../../../../db/repos/ledger';
import { promisesRepo, type PaymentRow } from '../../../../db/repos/promises';
import type { AppContext } from '../../context';
import { recordChange } from '../../record/recordChange';
import { creditActive, undoCredits } from './arrangements';
import { fulfilIfPaid } from './settlement-fulfil';
import { caseLedger } from './state';

export interface NewPayment {
  id: string;
  amountMinor: number;
  paidOn: string;
  source: 'agency' | 'lender';
  reference: string;
  recordedBy: string | null;
}

/** Posts a payment, credits it once to the active arrangement, chains it. */
export function postPayment(app: AppContext, c: CaseRow, p: NewPayment, today: string, at: string): { creditedMinor: number } {
  promisesRepo.insertPayment(app.db, { id: p.id, case_id: c.id, amount_minor: p.amountMinor, currency: c.currency, paid_on: p.paidOn, source: p.source, reference: p.reference, recorded_by: p.recordedBy, created_at: at });
  const { arrangement, creditedMinor } = creditActive(app.db, c.id, p.id, p.amountMinor, today, at);
  const after = caseLedger(app.db, c.id, c.placement_id).state;
  recordChange(app, {
    type: 'payment',
    id: p.id,
    caseId: c.id,
    placementId: c.placement_id,
    at,
    body: {
      source: p.source,
      amountMinor: p.amountMinor,
      currency: c.currency,
      paidOn: p.paidOn,
      reference: p.reference,
      creditedTo: arrangement ? { kind: arrangement.kind, id: arrangement.id, amountMinor: creditedMinor } : null,
      balanceAfterMinor: after.balanceMinor,
      creditAfterMinor: after.creditMinor,
    },
  });
  const item = arrangement?.kind === 'promise' ? arrangement.items[0] : undefined;
  if (arrangement && item && creditedMinor > 0 && item.creditedMinor >= item.amountMinor) {
    // The promise is kept by this payment: its kept record is what reports and the dashboard count.
    recordChange(app, { type: 'promise', id: arrangement.id, caseId: c.id, placementId: c.placement_id, at, body: { status: 'kept', amountMinor: item.amountMinor, currency: c.currency, keptBy: p.id } });
    fulfilIfPaid(app, c, arrangement.id, p.recordedBy, today, at);
  }
  return { creditedMinor };
}

/** The payments a reversal may name: payments of this case not yet reversed. */
export function reversible(app: AppContext, c: CaseRow, paymentId: string): PaymentRow {
  const original = promisesRepo.paymentsByCase(app.db, c.id).find((x) => x.id === paymentId);
  if (!original || original.amount_minor <= 0) {
    throw new AppError('NOT_FOUND', `No payment ${paymentId} on case ${c.reference}.`, undefined, { key: 'payment.notFound', params: { reference: c.reference } });
  }
  const ledger = caseLedger(app.db, c.id, c.placement_id);
  const r = applyPosting(ledger.state, { kind: 'reversal', id: `check:${paymentId}`, reversesId: paymentId, amountMinor: original.amount_minor });
  if (!r.ok) {
    throw new AppError('CONFLICT', `Payment ${original.reference} is already reversed.`, { refusal: r.refusal }, { key: 'payment.alreadyReversed', params: { reference: original.reference } });
  }
  return original;
}

/** Takes a payment back (returned or charged back): re-opens what it paid and undoes its credits. */
export function postReversal(app: AppContext, c: CaseRow, original: PaymentRow, why: { kind: 'returned' | 'chargeback'; reason: string; by: string | null }, today: string, at: string): string {
  const id = newId();
  ledgerRepo.insertReversalPayment(app.db, {
    id,
    case_id: c.id,
    amount_minor: -original.amount_minor,
    currency: original.currency,
    paid_on: today,
    source: original.source,
    reference: `REV:${original.reference}`,
    recorded_by: why.by,
    created_at: at,
    reverses_id: original.id,
  });
  const undone = undoCredits(app.db, c.id, original.id, id, today, at);
  const after = caseLedger(app.db, c.id, c.placement_id).state;
  recordChange(app, {
    type: 'payment',
    id,
    caseId: c.id,
    placementId: c.placement_id,
    at,
    body: {
      source: original.source,
      amountMinor: -original.amount_minor,
      currency: original.currency,
      paidOn: today,
      reference: `REV:${original.reference}`,
      reverses: original.id,
      reversal: why.kind,
      reason: why.reason,
      creditsUndoneMinor: undone,
      balanceAfterMinor: after.balanceMinor,
      creditAfterMinor: after.creditMinor,
    },
  });
  return id;
}
