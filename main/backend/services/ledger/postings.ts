/**
 * Postings other than payments: a lender's adjustment of one component and a settlement discount.
 * Each is checked by the pure ledger first (a refused posting is never written), written in the
 * caller's transaction (the schema moves the balance with it) and chained as a 'ledger' record.
 */
import { AppError } from '../../../../common/api/result';
import { applyPosting, type AdjustmentPosting, type Component } from '../../../../common/domain/ledger';
import { newId } from '../../../../common/ids';
import type { CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo } from '../../../../db/repos/ledger';
import type { AppContext } from '../../context';
import { recordChange } from '../../record/recordChange';
import { caseLedger } from './state';

interface Common {
  reason: string;
  refId: string | null;
  by: string | null;
  effectiveOn: string;
  at: string;
}

function write(app: AppContext, c: CaseRow, row: { kind: 'adjustment' | 'discount'; amountMinor: number; deltaMinor: number; component: Component | null }, x: Common): string {
  const id = newId();
  ledgerRepo.insertPosting(app.db, {
    id,
    case_id: c.id,
    kind: row.kind,
    effective_on: x.effectiveOn,
    amount_minor: row.amountMinor,
    delta_minor: row.deltaMinor,
    component: row.component,
    principal_minor: 0,
    interest_minor: 0,
    penalty_minor: 0,
    fees_minor: 0,
    payment_id: null,
    reverses_id: null,
    reason: x.reason,
    ref_id: x.refId,
    created_by: x.by,
    created_at: x.at,
  });
  const after = caseLedger(app.db, c.id, c.placement_id).state;
  recordChange(app, {
    type: 'ledger',
    id,
    caseId: c.id,
    placementId: c.placement_id,
    at: x.at,
    body: { kind: row.kind, component: row.component, amountMinor: row.amountMinor, deltaMinor: row.deltaMinor, currency: c.currency, reason: x.reason, refId: x.refId, effectiveOn: x.effectiveOn, balanceAfterMinor: after.balanceMinor },
  });
  return id;
}

export function postAdjustment(app: AppContext, c: CaseRow, component: Component, deltaMinor: number, reason: AdjustmentPosting['reason'], x: Omit<Common, 'reason'>): string | null {
  if (deltaMinor === 0) return null;
  const check = applyPosting(caseLedger(app.db, c.id, c.placement_id).state, { kind: 'adjustment', id: `check:${newId()}`, component, deltaMinor, reason });
  if (!check.ok) throw new AppError('CONFLICT', `The adjustment of ${component} by ${deltaMinor} would take it below zero.`, { refusal: check.refusal }, { key: 'ledger.adjustmentBelowZero', params: { component } });
  return write(app, c, { kind: 'adjustment', amountMinor: Math.abs(deltaMinor), deltaMinor, component }, { ...x, reason });
}

export function postDiscount(app: AppContext, c: CaseRow, amountMinor: number, x: Common): string | null {
  if (amountMinor <= 0) return null;
  const check = applyPosting(caseLedger(app.db, c.id, c.placement_id).state, { kind: 'discount', id: `check:${newId()}`, amountMinor });
  if (!check.ok) throw new AppError('CONFLICT', `A discount of ${amountMinor} exceeds the balance.`, { refusal: check.refusal }, { key: 'ledger.discountExceedsBalance' });
  return write(app, c, { kind: 'discount', amountMinor, deltaMinor: -amountMinor, component: null }, x);
}
