/**
 * Promises to pay, installment plans and payments. A case has at most one active arrangement:
 * agreeing a new one supersedes the current one (who, when, why). A payment is posted to the
 * ledger and credited once, to the active arrangement (services/ledger/).
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { promises as promiseMethods } from '../../../common/api/methods/promises';
import type { PaymentResult, PlanView, PromiseView } from '../../../common/api/types';
import { formatMoney } from '../../../common/domain/money/format';
import { buildSchedule, type ScheduledInstallment } from '../../../common/domain/plans/schedule';
import { newId } from '../../../common/ids';
import { casesRepo, type CaseRow } from '../../../db/repos/cases';
import { promisesRepo } from '../../../db/repos/promises';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { recordChange } from '../record/recordChange';
import { loadCase } from './cases';
import { refreshDerived } from './derived';
import { endArrangement, refreshStatuses, theActive, type Active } from './ledger/arrangements';
import { postPayment } from './ledger/payments';
import { caseToday } from './ledger/state';
import { balanceView } from './ledger/view';
import { buildTimeline } from './timeline';

type Input<K extends keyof typeof promiseMethods> = z.output<(typeof promiseMethods)[K]['input']>;

function scheduleOf(input: Input<'createPlan'>): ScheduledInstallment[] {
  try {
    return buildSchedule(input.totalMinor, input.count, input.firstDueDate, input.frequency);
  } catch (err) {
    throw new AppError('VALIDATION', err instanceof Error ? err.message : String(err), { issues: [{ path: ['totalMinor'], message: String(err) }] });
  }
}

export function assertOpen(c: CaseRow): void {
  if (c.status === 'closed') throw new AppError('CONFLICT', `Case ${c.reference} is closed.`, undefined, { key: 'case.closed', params: { reference: c.reference } });
}

/** Supersedes the active arrangement (if any) by the new one; returns what it replaced. */
export function replaceActive(ctx: CallContext, c: CaseRow, replacedBy: string, reason: string | undefined, at: string): Active | null {
  const current = theActive(ctx.app.db, c.id, at);
  if (!current) return null;
  const why = reason ?? `replaced by a new arrangement agreed by ${ctx.actor.displayName || ctx.actor.username}`;
  endArrangement(ctx.app.db, current, 'superseded', ctx.actor.id, at, why, replacedBy);
  recordChange(ctx.app, { type: current.kind, id: current.id, caseId: c.id, placementId: c.placement_id, at, body: { status: 'superseded', supersededBy: replacedBy, reason: why } });
  return current;
}

export const promiseService = {
  create(ctx: CallContext, input: Input<'create'>): PromiseView {
    const c = loadCase(ctx, input.caseId, 'promise.create');
    assertOpen(c);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    if (input.dueDate < caseToday(ctx.app.db, c, now).today) throw new AppError('VALIDATION', 'A promise cannot fall due in the past.', { issues: [{ path: ['dueDate'], message: 'in the past' }] });
    const id = newId();
    ctx.app.db.transaction(() => {
      const replaced = replaceActive(ctx, c, id, input.replaceReason, at);
      promisesRepo.insert(ctx.app.db, { id, case_id: c.id, activity_id: null, amount_minor: input.amountMinor, currency: c.currency, due_date: input.dueDate, channel: input.channel, status: 'open', created_by: ctx.actor.id, created_at: at });
      recordChange(ctx.app, { type: 'promise', id, caseId: c.id, placementId: c.placement_id, at, body: { amountMinor: input.amountMinor, currency: c.currency, dueDate: input.dueDate, supersedes: replaced ? { kind: replaced.kind, id: replaced.id } : null } });
      if (c.status === 'open' || c.status === 'plan') casesRepo.setStatus(ctx.app.db, c.id, 'promise', at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'promise.create', objectType: 'case', objectId: c.id, outcome: 'ok', details: { promiseId: id, supersedes: replaced?.id ?? null } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    const view = buildTimeline(ctx.app.db, c.id).promises.find((p) => p.id === id);
    if (!view) throw new AppError('INTERNAL', 'The promise was not stored.');
    return view;
  },

  previewPlan(ctx: CallContext, input: Input<'previewPlan'>): ScheduledInstallment[] {
    loadCase(ctx, input.caseId, 'plan.preview');
    return scheduleOf(input);
  },

  createPlan(ctx: CallContext, input: Input<'createPlan'>): PlanView {
    const c = loadCase(ctx, input.caseId, 'plan.create');
    assertOpen(c);
    if (input.totalMinor > c.balance_minor) {
      const owed = formatMoney({ minor: c.balance_minor, currency: c.currency }, 'en');
      throw new AppError('VALIDATION', `A plan cannot exceed the balance owed (${owed}).`, { issues: [{ path: ['totalMinor'], message: 'exceeds the balance' }] }, {
        key: 'plan.exceedsBalance',
        params: { balance: owed },
      });
    }
    const now = ctx.app.clock.now();
    if (input.firstDueDate < caseToday(ctx.app.db, c, now).today) {
      throw new AppError('VALIDATION', 'The first installment cannot fall due in the past.', { issues: [{ path: ['firstDueDate'], message: 'in the past' }] });
    }
    const schedule = scheduleOf(input);
    const at = now.toISOString();
    const id = newId();
    ctx.app.db.transaction(() => {
      const replaced = replaceActive(ctx, c, id, input.replaceReason, at);
      promisesRepo.insertPlan(ctx.app.db, { id, case_id: c.id, total_minor: input.totalMinor, currency: c.currency, status: 'active', created_by: ctx.actor.id, created_at: at });
      for (const s of schedule) {
        promisesRepo.insertInstallment(ctx.app.db, { id: newId(), plan_id: id, seq: s.seq, due_date: s.dueDate, amount_minor: s.amountMinor, paid_minor: 0, status: 'due' });
      }
      recordChange(ctx.app, { type: 'plan', id, caseId: c.id, placementId: c.placement_id, at, body: { totalMinor: input.totalMinor, currency: c.currency, frequency: input.frequency, schedule, supersedes: replaced ? { kind: replaced.kind, id: replaced.id } : null } });
      casesRepo.setStatus(ctx.app.db, c.id, 'plan', at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'plan.create', objectType: 'case', objectId: c.id, outcome: 'ok', details: { planId: id, count: input.count, supersedes: replaced?.id ?? null } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    const plan = buildTimeline(ctx.app.db, c.id).plans.find((p) => p.id === id);
    if (!plan) throw new AppError('INTERNAL', 'The plan was not stored.');
    return plan;
  },

  recordPayment(ctx: CallContext, input: Input<'recordPayment'>): PaymentResult {
    const c = loadCase(ctx, input.caseId, 'payment.record');
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    const { today, latestPaidOn, zone } = caseToday(ctx.app.db, c, now);
    if (input.paidOn > latestPaidOn) {
      throw new AppError('VALIDATION', `A payment cannot be dated after today in the case's zone (${latestPaidOn}, ${zone}).`, { issues: [{ path: ['paidOn'], message: 'in the future' }] }, {
        key: 'payment.futureDate',
        params: { today: latestPaidOn, zone },
      });
    }
    const dup = promisesRepo.paymentByRef(ctx.app.db, 'agency', input.reference) ?? promisesRepo.paymentByRef(ctx.app.db, 'lender', input.reference);
    if (dup) {
      throw new AppError('CONFLICT', `A payment with reference ${input.reference} is already recorded.`, { paymentId: dup.id }, { key: 'payment.duplicateReference', params: { reference: input.reference } });
    }
    const id = newId();
    ctx.app.db.transaction(() => {
      const { creditedMinor } = postPayment(ctx.app, c, { id, amountMinor: input.amountMinor, paidOn: input.paidOn, source: 'agency', reference: input.reference, recordedBy: ctx.actor.id }, today, at);
      refreshStatuses(ctx.app.db, c.id, today, at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'payment.record', objectType: 'case', objectId: c.id, outcome: 'ok', details: { paymentId: id, creditedMinor } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    const t = buildTimeline(ctx.app.db, c.id);
    const after = casesRepo.byId(ctx.app.db, c.id) ?? c;
    return { paymentId: id, installments: t.plans.flatMap((p) => p.installments), promises: t.promises, ledger: balanceView(ctx.app.db, after, now) };
  },
};
