/** Case outcomes, affordability assessments and reassignment. */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { cases as caseMethods } from '../../../common/api/methods/cases';
import type { AffordabilityView, CaseDetail } from '../../../common/api/types';
import { assessAffordability } from '../../../common/domain/plans/affordability';
import { casesRepo } from '../../../db/repos/cases';
import { usersRepo } from '../../../db/repos/users';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { recordChange } from '../record/recordChange';
import { assertCaseAccess, visibleAssignees } from './access';
import { caseService, loadCase } from './cases';
import { refreshDerived } from './derived';
import { assertOutcomeAllowed, recordOutcome } from './ledger/outcomes';

type Input<K extends keyof typeof caseMethods> = z.output<(typeof caseMethods)[K]['input']>;

export const outcomeService = {
  setOutcome(ctx: CallContext, input: Input<'setOutcome'>): CaseDetail {
    const c = loadCase(ctx, input.caseId, 'case.outcome');
    if (c.status === 'closed') throw new AppError('CONFLICT', `Case ${c.reference} is already closed (${c.outcome ?? 'no outcome'}).`, undefined, { key: 'case.closed', params: { reference: c.reference } });
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    ctx.app.db.transaction(() => {
      assertOutcomeAllowed(ctx.app.db, c, input.outcome, at);
      const { arrangement, effect } = recordOutcome(ctx.app.db, c, input.outcome, input.reason, ctx.actor.id, at);
      if (input.outcome === 'payment_plan') casesRepo.setStatus(ctx.app.db, c.id, 'plan', at);
      else if (input.outcome === 'legal_review') casesRepo.setOutcome(ctx.app.db, c.id, input.outcome, input.reason, at);
      else casesRepo.close(ctx.app.db, c.id, input.outcome, input.reason, at);
      const open = arrangement ? { kind: arrangement.kind, id: arrangement.id, effect, dueMinor: arrangement.items.reduce((s, i) => s + Math.max(0, i.amountMinor - i.creditedMinor), 0) } : null;
      recordChange(ctx.app, { type: 'outcome', id: c.id, caseId: c.id, placementId: c.placement_id, at, body: { outcome: input.outcome, reason: input.reason, balanceMinor: c.balance_minor, currency: c.currency, arrangement: open } });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'case.outcome', objectType: 'case', objectId: c.id, outcome: 'ok', details: { outcome: input.outcome, arrangement: effect } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    return caseService.get(ctx, c.id);
  },

  saveAffordability(ctx: CallContext, input: Input<'saveAffordability'>): AffordabilityView {
    const c = loadCase(ctx, input.caseId, 'case.affordability');
    const at = ctx.app.clock.now().toISOString();
    const r = assessAffordability({ monthlyIncomeMinor: input.monthlyIncomeMinor, monthlyExpenditureMinor: input.monthlyExpenditureMinor, balanceMinor: c.balance_minor });
    const money = (minor: number) => ({ minor, currency: c.currency });
    const v: AffordabilityView = {
      monthlyIncome: money(input.monthlyIncomeMinor),
      monthlyExpenditure: money(input.monthlyExpenditureMinor),
      disposable: money(r.disposableMinor),
      suggestedMonthly: money(r.suggestedMonthlyMinor),
      suggestedCount: r.suggestedCount,
      notes: input.notes,
      assessedAt: at,
    };
    ctx.app.db.transaction(() => {
      casesRepo.setAffordability(ctx.app.db, c.id, JSON.stringify(v), at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'case.affordability', objectType: 'case', objectId: c.id, outcome: 'ok' });
    })();
    return v;
  },

  reassign(ctx: CallContext, input: Input<'reassign'>): { caseId: string; assigneeId: string } {
    const c = casesRepo.byId(ctx.app.db, input.caseId);
    if (!c) throw new AppError('NOT_FOUND', `No case with id ${input.caseId}.`);
    const at = ctx.app.clock.now().toISOString();
    assertCaseAccess(ctx.app.db, ctx.actor, c, 'case.reassign', at);
    const target = usersRepo.byId(ctx.app.db, input.assigneeId);
    const team = visibleAssignees(ctx.app.db, ctx.actor);
    if (!target || target.role !== 'collector' || (team !== null && !team.includes(target.id))) {
      throw new AppError('VALIDATION', 'assigneeId must name a collector of your team.', { issues: [{ path: ['assigneeId'], message: 'not a collector of your team' }] });
    }
    ctx.app.db.transaction(() => {
      casesRepo.setAssignee(ctx.app.db, c.id, target.id, at);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'case.reassign', objectType: 'case', objectId: c.id, outcome: 'ok', details: { from: c.assignee_id, to: target.id } });
    })();
    return { caseId: c.id, assigneeId: target.id };
  },
};
