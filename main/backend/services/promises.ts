/** Promises to pay, installment plans and payments; statuses follow the money, by date. */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { promises as promiseMethods } from '../../../common/api/methods/promises';
import type { PaymentResult, PlanView, PromiseView } from '../../../common/api/types';
import { allocateInstallments, promiseStatus, type PaymentFact } from '../../../common/domain/plans/allocate';
import { buildSchedule, type ScheduledInstallment } from '../../../common/domain/plans/schedule';
import { newId } from '../../../common/ids';
import { casesRepo } from '../../../db/repos/cases';
import { placementsRepo } from '../../../db/repos/placements';
import { promisesRepo } from '../../../db/repos/promises';
import type { Db } from '../../../db/open';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { recordChange } from '../record/recordChange';
import { loadCase } from './cases';
import { localDate, refreshDerived } from './derived';
import { buildTimeline } from './timeline';

type Input<K extends keyof typeof promiseMethods> = z.output<(typeof promiseMethods)[K]['input']>;

function scheduleOf(input: Input<'createPlan'>): ScheduledInstallment[] {
  try {
    return buildSchedule(input.totalMinor, input.count, input.firstDueDate, input.frequency);
  } catch (err) {
    throw new AppError('VALIDATION', err instanceof Error ? err.message : String(err), { issues: [{ path: ['totalMinor'], message: String(err) }] });
  }
}

/** Re-derives every promise and installment status of a case from its payments, as of today. */
export function settleCase(db: Db, caseId: string, today: string): void {
  const payments: PaymentFact[] = promisesRepo.paymentsByCase(db, caseId).map((p) => ({ paidOn: p.paid_on, amountMinor: p.amount_minor }));
  for (const p of promisesRepo.byCase(db, caseId)) {
    if (p.status === 'cancelled') continue;
    const next = promiseStatus({ amountMinor: p.amount_minor, dueDate: p.due_date, createdOn: p.created_at.slice(0, 10) }, payments, today);
    if (next !== p.status) promisesRepo.setStatus(db, p.id, next);
  }
  for (const plan of promisesRepo.plansByCase(db, caseId)) {
    if (plan.status !== 'active') continue;
    const rows = promisesRepo.installments(db, plan.id);
    const planPayments = payments.filter((p) => p.paidOn >= plan.created_at.slice(0, 10));
    const states = allocateInstallments(rows.map((r) => ({ seq: r.seq, dueDate: r.due_date, amountMinor: r.amount_minor })), planPayments, today);
    for (const s of states) {
      const row = rows.find((r) => r.seq === s.seq);
      if (row && (row.paid_minor !== s.paidMinor || row.status !== s.status)) promisesRepo.updateInstallment(db, row.id, s.paidMinor, s.status);
    }
    if (states.every((s) => s.status === 'kept')) promisesRepo.setPlanStatus(db, plan.id, 'completed');
  }
}

function today(ctx: CallContext, placementId: string): string {
  const p = placementsRepo.byId(ctx.app.db, placementId);
  return localDate(ctx.app.clock.now(), p?.default_timezone ?? 'UTC');
}

export const promiseService = {
  create(ctx: CallContext, input: Input<'create'>): PromiseView {
    const c = loadCase(ctx, input.caseId, 'promise.create');
    if (c.status === 'closed') throw new AppError('CONFLICT', `Case ${c.reference} is closed.`);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    if (input.dueDate < today(ctx, c.placement_id)) throw new AppError('VALIDATION', 'A promise cannot fall due in the past.', { issues: [{ path: ['dueDate'], message: 'in the past' }] });
    const id = newId();
    ctx.app.db.transaction(() => {
      promisesRepo.insert(ctx.app.db, { id, case_id: c.id, activity_id: null, amount_minor: input.amountMinor, currency: c.currency, due_date: input.dueDate, channel: input.channel, status: 'open', created_by: ctx.actor.id, created_at: at });
      recordChange(ctx.app, { type: 'promise', id, caseId: c.id, placementId: c.placement_id, at, body: { amountMinor: input.amountMinor, currency: c.currency, dueDate: input.dueDate } });
      if (c.status === 'open') casesRepo.setStatus(ctx.app.db, c.id, 'promise', at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'promise.create', objectType: 'case', objectId: c.id, outcome: 'ok', details: { promiseId: id } });
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
    if (c.status === 'closed') throw new AppError('CONFLICT', `Case ${c.reference} is closed.`);
    if (input.totalMinor > c.balance_minor) {
      throw new AppError('VALIDATION', 'A plan cannot exceed the balance owed.', { issues: [{ path: ['totalMinor'], message: 'exceeds the balance' }] });
    }
    if (input.firstDueDate < today(ctx, c.placement_id)) {
      throw new AppError('VALIDATION', 'The first installment cannot fall due in the past.', { issues: [{ path: ['firstDueDate'], message: 'in the past' }] });
    }
    const schedule = scheduleOf(input);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    const id = newId();
    ctx.app.db.transaction(() => {
      promisesRepo.insertPlan(ctx.app.db, { id, case_id: c.id, total_minor: input.totalMinor, currency: c.currency, status: 'active', created_by: ctx.actor.id, created_at: at });
      for (const s of schedule) {
        promisesRepo.insertInstallment(ctx.app.db, { id: newId(), plan_id: id, seq: s.seq, due_date: s.dueDate, amount_minor: s.amountMinor, paid_minor: 0, status: 'due' });
      }
      recordChange(ctx.app, { type: 'plan', id, caseId: c.id, placementId: c.placement_id, at, body: { totalMinor: input.totalMinor, currency: c.currency, frequency: input.frequency, schedule } });
      casesRepo.setStatus(ctx.app.db, c.id, 'plan', at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'plan.create', objectType: 'case', objectId: c.id, outcome: 'ok', details: { planId: id, count: input.count } });
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
    if (input.paidOn > today(ctx, c.placement_id)) throw new AppError('VALIDATION', 'A payment cannot be dated in the future.', { issues: [{ path: ['paidOn'], message: 'in the future' }] });
    if (promisesRepo.paymentByRef(ctx.app.db, 'agency', input.reference)) {
      throw new AppError('CONFLICT', `A payment with reference ${input.reference} is already recorded.`);
    }
    const id = newId();
    ctx.app.db.transaction(() => {
      promisesRepo.insertPayment(ctx.app.db, { id, case_id: c.id, amount_minor: input.amountMinor, currency: c.currency, paid_on: input.paidOn, source: 'agency', reference: input.reference, recorded_by: ctx.actor.id, created_at: at });
      recordChange(ctx.app, { type: 'payment', id, caseId: c.id, placementId: c.placement_id, at, body: { amountMinor: input.amountMinor, currency: c.currency, paidOn: input.paidOn, reference: input.reference } });
      settleCase(ctx.app.db, c.id, today(ctx, c.placement_id));
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'payment.record', objectType: 'case', objectId: c.id, outcome: 'ok', details: { paymentId: id } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    const t = buildTimeline(ctx.app.db, c.id);
    return { paymentId: id, installments: t.plans.flatMap((p) => p.installments), promises: t.promises };
  },
};
