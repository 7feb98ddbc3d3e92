/** Override requests: a collector asks to proceed past a warning; a supervisor approves or refuses. */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { overrides as overrideMethods } from '../../../common/api/methods/overrides';
import type { OverrideView } from '../../../common/api/types';
import type { Reason as GuardrailReason } from '../../../common/domain/guardrails';
import { newId } from '../../../common/ids';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo } from '../../../db/repos/cases';
import { overridesRepo, type OverrideRow } from '../../../db/repos/overrides';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { recordChange } from '../record/recordChange';
import { canSeeCase } from './access';
import { loadCase } from './cases';

type Input<K extends keyof typeof overrideMethods> = z.output<(typeof overrideMethods)[K]['input']>;

/** The decision's action and, for each rule of the request once, the engine's explanation. */
function decisionDetail(ctx: CallContext, r: OverrideRow, rules: string[]): Pick<OverrideView, 'action' | 'reasons'> {
  const d = activitiesRepo.decision(ctx.app.db, r.decision_id);
  if (!d) return { action: null, reasons: [] };
  const action = JSON.parse(d.action_json) as { channel?: string; party?: string };
  const all = JSON.parse(d.reasons_json) as GuardrailReason[];
  const reasons = rules.map((rule) => ({ rule, messages: all.filter((x) => x.rule === rule).map((x) => x.message) }));
  return { action: { channel: action.channel ?? '', party: action.party ?? '' }, reasons };
}

function view(ctx: CallContext, r: OverrideRow): OverrideView {
  // A rule the text trips at two places is one rule to approve.
  const rules = [...new Set(JSON.parse(r.rules_json) as string[])];
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: casesRepo.byId(ctx.app.db, r.case_id)?.reference ?? '',
    decisionId: r.decision_id,
    rules,
    ...decisionDetail(ctx, r, rules),
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    reason: r.reason,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
  };
}

export const overrideService = {
  request(ctx: CallContext, input: Input<'request'>): OverrideView {
    const decision = activitiesRepo.decision(ctx.app.db, input.decisionId);
    if (!decision) throw new AppError('NOT_FOUND', `No guardrail decision with id ${input.decisionId}.`, undefined, { key: 'override.decisionNotFound' });
    const c = loadCase(ctx, decision.case_id, 'override.request');
    const reasons = JSON.parse(decision.reasons_json) as GuardrailReason[];
    if (decision.verdict === 'block') {
      throw new AppError('CONFLICT', 'A block cannot be overridden: only warnings that need approval can be.', undefined, { key: 'override.blockNotOverridable' });
    }
    const rules = [...new Set(reasons.filter((r) => r.severity === 'warn' && r.needsApproval).map((r) => r.rule))];
    if (rules.length === 0) throw new AppError('CONFLICT', 'This decision has no warning that needs approval.', undefined, { key: 'override.nothingToApprove' });
    const at = ctx.app.clock.now().toISOString();
    const row: OverrideRow = { id: newId(), case_id: c.id, decision_id: decision.id, rules_json: JSON.stringify(rules), requested_by: ctx.actor.id, requested_at: at, reason: input.reason, status: 'pending', decided_by: null, decided_at: null, decision_reason: null };
    ctx.app.db.transaction(() => {
      overridesRepo.insert(ctx.app.db, row);
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'override.request', objectType: 'override', objectId: row.id, outcome: 'ok', details: { caseId: c.id, rules } });
    })();
    return view(ctx, row);
  },

  list(ctx: CallContext, input: Input<'list'>): OverrideView[] {
    const rows = ctx.app.db
      .prepare(input.status === 'all' ? 'SELECT * FROM overrides ORDER BY requested_at DESC' : 'SELECT * FROM overrides WHERE status = ? ORDER BY requested_at')
      .all(...(input.status === 'all' ? [] : [input.status])) as OverrideRow[];
    return rows
      .filter((r) => {
        const c = casesRepo.byId(ctx.app.db, r.case_id);
        return c !== undefined && canSeeCase(ctx.app.db, ctx.actor, c);
      })
      .map((r) => view(ctx, r));
  },

  decide(ctx: CallContext, input: Input<'decide'>): OverrideView {
    const row = overridesRepo.byId(ctx.app.db, input.overrideId);
    if (!row) throw new AppError('NOT_FOUND', `No override request with id ${input.overrideId}.`, undefined, { key: 'override.notFound' });
    const c = loadCase(ctx, row.case_id, 'override.decide');
    if (row.requested_by === ctx.actor.id) throw new AppError('FORBIDDEN', 'Nobody may approve their own override request.', undefined, { key: 'override.ownRequest' });
    const at = ctx.app.clock.now().toISOString();
    const status = input.approve ? 'approved' : 'refused';
    ctx.app.db.transaction(() => {
      if (overridesRepo.decide(ctx.app.db, row.id, status, ctx.actor.id, at, input.reason) !== 1) {
        throw new AppError('CONFLICT', `This request was already ${row.status}.`, undefined, { key: 'override.alreadyDecided' });
      }
      recordChange(ctx.app, { type: 'override', id: row.id, caseId: c.id, placementId: c.placement_id, at, body: { status, rules: JSON.parse(row.rules_json) as string[], decidedBy: ctx.actor.id, requestedBy: row.requested_by } });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: `override.${status === 'approved' ? 'approve' : 'refuse'}`, objectType: 'override', objectId: row.id, outcome: 'ok', details: { caseId: c.id, reason: input.reason } });
    })();
    const updated = overridesRepo.byId(ctx.app.db, row.id);
    if (!updated) throw new AppError('INTERNAL', 'The override request vanished.');
    return view(ctx, updated);
  },
};
