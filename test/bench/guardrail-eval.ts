/**
 * guardrail_eval: guardrail decisions per second for a case with 90 days of history — the engine
 * (evaluate) deciding a call from the facts the service gathers for that case (flags, zones,
 * opt-outs, consents and the history in the engine's window, ours and the lender's). Bare: reading
 * that history alone (the same two history queries over the same window). Also reported, as
 * `service`: the whole decision as contacts.log/check make it (load the case, gather the facts,
 * evaluate).
 */
import { evaluate, type Action } from '../../common/domain/guardrails';
import { newId } from '../../common/ids';
import { activitiesRepo } from '../../db/repos/activities';
import { casesRepo } from '../../db/repos/cases';
import { placementsRepo } from '../../db/repos/placements';
import { stmt } from '../../db/repos/statements';
import { defaultCallAction, factsFor, HISTORY_DAYS } from '../../main/backend/guardrails/facts';
import { policyFor } from '../../main/backend/guardrails/policies';
import { recordChange } from '../../main/backend/record/recordChange';
import { toUnit, type BenchContext, type Figure } from './context';
import { measure } from './measure';

const DAY_MS = 86_400_000;
const HISTORY_SPAN_DAYS = 90;

/** A mainland case of another collector, given two calls a working day (and a weekly SMS) for 90 days. */
function caseWithHistory(ctx: BenchContext): { caseId: string; action: Action } {
  const { app } = ctx.backend;
  const { db } = app;
  const row = stmt(
    db,
    `SELECT c.id, c.assignee_id FROM cases c JOIN placements p ON p.id = c.placement_id JOIN users u ON u.id = c.assignee_id
     WHERE p.preset = 'cn' AND u.username = 'li.na' AND c.status = 'open' AND c.flag_dispute = 0 AND c.flag_cease = 0
     ORDER BY c.reference LIMIT 1`,
  ).get() as { id: string; assignee_id: string } | undefined;
  if (!row) throw new Error('guardrail_eval: no mainland case for li.na in the seeded database');
  const c = casesRepo.byId(db, row.id);
  if (!c) throw new Error('guardrail_eval: the case vanished');
  const points = casesRepo.contactPoints(db, c.borrower_id);
  const debts = casesRepo.debts(db, c.id).map((d) => d.reference);
  const action = defaultCallAction(points, debts);
  const now = ctx.clock.now().getTime();
  db.transaction(() => {
    for (let day = HISTORY_SPAN_DAYS; day >= 1; day--) {
      const date = new Date(now - day * DAY_MS);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      // 02:00 and 07:30 UTC: 10:00 and 15:30 in Shanghai.
      const slots: [number, number, 'call' | 'sms', string][] = [
        [2, 0, 'call', day % 3 === 0 ? 'connected' : 'no_answer'],
        [7, 30, 'call', 'no_answer'],
      ];
      if (weekday === 3) slots.push([3, 0, 'sms', 'sent']);
      for (const [h, m, channel, result] of slots) {
        const at = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), h, m)).toISOString();
        const id = newId();
        activitiesRepo.insert(db, {
          id,
          case_id: c.id,
          at,
          channel,
          direction: 'outbound',
          party: 'borrower',
          contact_point_id: action.contact,
          debts_json: JSON.stringify(debts),
          result,
          outcome: result === 'connected' ? 'right_party' : result === 'sent' ? 'right_party' : 'no_answer',
          text: null,
          disclosure_confirmed: result === 'connected' ? 1 : 0,
          identity_verified: result === 'connected' ? 1 : 0,
          collectors: 1,
          collector_id: row.assignee_id,
          decision_id: null,
          source: 'local',
          created_at: at,
        });
        recordChange(app, { type: 'activity', id, caseId: c.id, placementId: c.placement_id, at, body: { channel, result, debts, collectorId: row.assignee_id } });
      }
    }
  })();
  return { caseId: c.id, action };
}

export async function benchGuardrailEval(ctx: BenchContext): Promise<Figure & { history: number; service: { median: number; p95: number; per_s: number } }> {
  const { db } = ctx.backend.app;
  const { caseId, action } = caseWithHistory(ctx);
  const now = ctx.clock.now();
  const load = () => {
    const c = casesRepo.byId(db, caseId);
    if (!c) throw new Error('guardrail_eval: the case vanished');
    const placement = placementsRepo.byId(db, c.placement_id);
    if (!placement) throw new Error('guardrail_eval: the case has no placement');
    return { c, placement };
  };
  const { c, placement } = load();
  const policy = policyFor(placement);
  const { facts } = factsFor(db, c, now, action.contact);
  if (facts.history.length === 0) throw new Error('guardrail_eval: the case has no history in the engine window');
  const probe = evaluate(policy, facts, action, now);
  if (probe.verdict !== 'allow' && probe.reasons.length === 0) throw new Error('guardrail_eval: a refusal without reasons');
  // The engine: one decision over the facts the service hands it (the window of the 90 days it looks at).
  const ours = await measure('guardrail_eval', () => evaluate(policy, facts, action, now), ctx.sizes.quick);
  // The same decision as contacts.log/check make it: load the case, gather the facts, evaluate.
  const service = await measure(
    'guardrail_eval (read + evaluate)',
    () => {
      const fresh = load();
      return evaluate(policyFor(fresh.placement), factsFor(db, fresh.c, now, action.contact).facts, action, now);
    },
    ctx.sizes.quick,
  );

  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString();
  const readHistory = () => {
    activitiesRepo.byCaseSince(db, caseId, since);
    activitiesRepo.lenderContactsSince(db, caseId, since);
  };
  const bare = await measure('guardrail_eval (bare history read)', readHistory, ctx.sizes.quick);
  return {
    ...toUnit(ours, 'µs'),
    unit: 'µs',
    per_s: 1000 / ours.median,
    ratio: ours.median / bare.median,
    bare: toUnit(bare, 'µs'),
    samples: ours.samples,
    history: facts.history.length,
    service: { ...toUnit(service, 'µs'), per_s: 1000 / service.median },
  };
}
