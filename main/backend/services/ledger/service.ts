/** The ledger's API methods: reversing a payment, settlement offers and their approval, conflicts. */
import type { z } from 'zod';
import type { ledgerMethods } from '../../../../common/api/methods/ledger';
import { AppError } from '../../../../common/api/result';
import type { BalanceView, PaymentConflictView, SettlementView } from '../../../../common/api/types-ledger';
import { withinAuthority } from '../../../../common/domain/ledger';
import { newId } from '../../../../common/ids';
import { casesRepo, type CaseRow } from '../../../../db/repos/cases';
import { ledgerRepo, type SettlementRow } from '../../../../db/repos/ledger';
import { promisesRepo } from '../../../../db/repos/promises';
import { appendAudit } from '../../audit/audit';
import type { CallContext } from '../../context';
import { recordChange } from '../../record/recordChange';
import { canSeeCase } from '../access';
import { loadCase } from '../cases';
import { refreshDerived } from '../derived';
import { assertOpen, replaceActive } from '../promises';
import { refreshStatuses } from './arrangements';
import { postReversal, reversible } from './payments';
import { caseToday, termsOf } from './state';
import { balanceView, settlementView } from './view';

type Input<K extends keyof typeof ledgerMethods> = z.output<(typeof ledgerMethods)[K]['input']>;

/** Agrees a settlement: a promise of its amount becomes the active arrangement and carries it. */
function agree(ctx: CallContext, c: CaseRow, s: SettlementRow, at: string): string {
  const promiseId = newId();
  replaceActive(ctx, c, promiseId, `replaced by settlement ${s.id}`, at);
  promisesRepo.insert(ctx.app.db, { id: promiseId, case_id: c.id, activity_id: null, amount_minor: s.amount_minor, currency: c.currency, due_date: s.due_date, channel: 'call', status: 'open', created_by: s.requested_by, created_at: at });
  ledgerRepo.setPromiseSettlement(ctx.app.db, promiseId, s.id);
  recordChange(ctx.app, { type: 'promise', id: promiseId, caseId: c.id, placementId: c.placement_id, at, body: { amountMinor: s.amount_minor, currency: c.currency, dueDate: s.due_date, settlementId: s.id } });
  if (c.status === 'open' || c.status === 'plan') casesRepo.setStatus(ctx.app.db, c.id, 'promise', at);
  return promiseId;
}

function viewOf(ctx: CallContext, id: string): SettlementView {
  const s = ledgerRepo.settlement(ctx.app.db, id);
  const c = s ? casesRepo.byId(ctx.app.db, s.case_id) : undefined;
  if (!s || !c) throw new AppError('INTERNAL', 'The settlement was not stored.');
  return settlementView(ctx.app.db, s, c.reference, termsOf(ctx.app.db, c.placement_id).discountAuthorityBps);
}

export const ledgerService = {
  reversePayment(ctx: CallContext, input: Input<'reversePayment'>): BalanceView {
    const c = loadCase(ctx, input.caseId, 'payment.reverse');
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    const { today } = caseToday(ctx.app.db, c, now);
    ctx.app.db.transaction(() => {
      const original = reversible(ctx.app, c, input.paymentId);
      const id = postReversal(ctx.app, c, original, { kind: input.kind, reason: input.reason, by: ctx.actor.id }, today, at);
      refreshStatuses(ctx.app.db, c.id, today, at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'payment.reverse', objectType: 'case', objectId: c.id, outcome: 'ok', details: { paymentId: original.id, reversalId: id, kind: input.kind } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    return balanceView(ctx.app.db, casesRepo.byId(ctx.app.db, c.id) ?? c, now);
  },

  proposeSettlement(ctx: CallContext, input: Input<'proposeSettlement'>): SettlementView {
    const c = loadCase(ctx, input.caseId, 'settlement.propose');
    assertOpen(c);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    if (input.amountMinor >= c.balance_minor) {
      throw new AppError('VALIDATION', 'A settlement must be less than the balance owed.', { issues: [{ path: ['amountMinor'], message: 'not less than the balance' }] }, { key: 'settlement.notBelowBalance' });
    }
    if (input.dueDate < caseToday(ctx.app.db, c, now).today) {
      throw new AppError('VALIDATION', 'A settlement cannot fall due in the past.', { issues: [{ path: ['dueDate'], message: 'in the past' }] });
    }
    const within = withinAuthority(c.balance_minor, input.amountMinor, termsOf(ctx.app.db, c.placement_id).discountAuthorityBps);
    const id = newId();
    ctx.app.db.transaction(() => {
      const row: SettlementRow = {
        id, case_id: c.id, amount_minor: input.amountMinor, balance_minor: c.balance_minor, currency: c.currency, due_date: input.dueDate,
        status: within ? 'agreed' : 'pending', promise_id: null, requested_by: ctx.actor.id, requested_at: at, reason: input.reason,
        decided_by: within ? ctx.actor.id : null, decided_at: within ? at : null, decision_reason: within ? 'within the discount authority' : null, fulfilled_at: null,
      };
      ledgerRepo.insertSettlement(ctx.app.db, row);
      const promiseId = within ? agree(ctx, c, row, at) : null;
      if (promiseId) ledgerRepo.decideSettlement(ctx.app.db, id, 'agreed', ctx.actor.id, at, 'within the discount authority', promiseId);
      recordChange(ctx.app, { type: 'settlement', id, caseId: c.id, placementId: c.placement_id, at, body: { status: row.status, amountMinor: input.amountMinor, balanceMinor: c.balance_minor, currency: c.currency, dueDate: input.dueDate, withinAuthority: within } });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'settlement.propose', objectType: 'case', objectId: c.id, outcome: 'ok', details: { settlementId: id, withinAuthority: within } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    return viewOf(ctx, id);
  },

  settlements(ctx: CallContext): SettlementView[] {
    const out: SettlementView[] = [];
    for (const s of ledgerRepo.pendingSettlements(ctx.app.db)) {
      const c = casesRepo.byId(ctx.app.db, s.case_id);
      if (!c) continue;
      if (!canSeeCase(ctx.app.db, ctx.actor, c)) continue;
      out.push(viewOf(ctx, s.id));
    }
    return out;
  },

  decideSettlement(ctx: CallContext, input: Input<'decideSettlement'>): SettlementView {
    const s = ledgerRepo.settlement(ctx.app.db, input.settlementId);
    if (!s) throw new AppError('NOT_FOUND', `No settlement ${input.settlementId}.`);
    const c = loadCase(ctx, s.case_id, 'settlement.decide');
    if (s.status !== 'pending') throw new AppError('CONFLICT', `The settlement is already ${s.status}.`, undefined, { key: 'settlement.alreadyDecided', params: { status: s.status } });
    if (input.approve) assertOpen(c);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    ctx.app.db.transaction(() => {
      const promiseId = input.approve ? agree(ctx, c, s, at) : null;
      ledgerRepo.decideSettlement(ctx.app.db, s.id, input.approve ? 'agreed' : 'refused', ctx.actor.id, at, input.reason, promiseId);
      recordChange(ctx.app, { type: 'settlement', id: s.id, caseId: c.id, placementId: c.placement_id, at, body: { status: input.approve ? 'agreed' : 'refused', amountMinor: s.amount_minor, currency: s.currency, decidedBy: ctx.actor.id } });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'settlement.decide', objectType: 'case', objectId: c.id, outcome: 'ok', details: { settlementId: s.id, approve: input.approve } });
      refreshStatuses(ctx.app.db, c.id, caseToday(ctx.app.db, c, now).today, at);
      refreshDerived(ctx.app.db, c.id, now);
    })();
    return viewOf(ctx, s.id);
  },

  paymentConflicts(ctx: CallContext): PaymentConflictView[] {
    return ledgerRepo.openConflicts(ctx.app.db).map((x) => ({
      id: x.id,
      caseId: x.case_id,
      reference: x.reference,
      localPaymentId: x.local_payment_id,
      lenderAmount: { minor: x.amount_minor, currency: x.currency },
      lenderPaidOn: x.paid_on,
      createdAt: x.created_at,
    }));
  },
};
