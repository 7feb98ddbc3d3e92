/**
 * Logging a contact: the guardrails decide first, in the same transaction as the write.
 *   block             → only the decision is written (and audited); GUARDRAIL_BLOCKED is returned
 *   warn needing OK   → as block, with APPROVAL_REQUIRED, unless an approved override is presented
 *   allow / warn      → activity + decision + chain + outbox + audit + case flags, all or nothing
 * Outbound contacts get the whole engine, with the call's result and attested steps (a right-party
 * conversation without them is blocked). Inbound contacts and notes are not attempts: only the call
 * steps and the language check apply (evaluateUnsolicited). A language finding on any record marks
 * the activity for QA review (activity_marks 'qa_review'). What the collector attests (disclosure,
 * ID&V, collectors on a visit) goes into the chain record with who attested it and when.
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { CheckContactInput, LogContactInput } from '../../../common/api/methods/contacts';
import type { Decision, LogContactResult, OutcomeCode } from '../../../common/api/types';
import { evaluate, evaluateUnsolicited, type Action, type ActionPurpose, type Conversation } from '../../../common/domain/guardrails';
import { maskContact } from '../../../common/domain/privacy/mask';
import { newId } from '../../../common/ids';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo, type CaseRow, type FlagName } from '../../../db/repos/cases';
import { marksRepo } from '../../../db/repos/marks';
import { overridesRepo } from '../../../db/repos/overrides';
import { placementsRepo } from '../../../db/repos/placements';
import { promisesRepo } from '../../../db/repos/promises';
import { replaceActive } from './promises';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { factsFor, partyOf } from '../guardrails/facts';
import { policyFor } from '../guardrails/policies';
import { recordChange } from '../record/recordChange';
import { loadCase } from './cases';
import { refreshDerived } from './derived';
import { reindexCase } from './search-index';

/** Outcomes that change the case and, per policy, pause contact (docs/GLOSSARY.md). */
const OUTCOME_FLAGS: Partial<Record<OutcomeCode, FlagName>> = {
  dispute: 'dispute',
  cease_requested: 'cease',
  hardship: 'hardship',
  complaint: 'complaintOpen',
  deceased: 'deceased',
  bankruptcy: 'bankrupt',
};

function assertOpen(c: CaseRow): void {
  if (c.status === 'closed') throw new AppError('CONFLICT', `Case ${c.reference} is closed; reopen it before logging contacts.`);
}

function buildAction(
  ctx: CallContext,
  c: CaseRow,
  input: {
    channel: Action['channel'];
    contactPointId?: string | null | undefined;
    text?: string | null | undefined;
    collectors: number;
    conversation?: Conversation | undefined;
  },
  purpose?: ActionPurpose,
): Action {
  const debts = casesRepo.debts(ctx.app.db, c.id).map((d) => d.reference);
  const point = input.contactPointId ? casesRepo.contactPoint(ctx.app.db, input.contactPointId) : undefined;
  if (input.contactPointId && (!point || point.borrower_id !== c.borrower_id)) {
    throw new AppError('VALIDATION', 'contactPointId must name a contact point of this case.', {
      issues: [{ path: ['contactPointId'], message: 'not a contact point of this case' }],
    });
  }
  const action: Action = {
    channel: input.channel,
    party: partyOf(point),
    contact: point?.id ?? `${input.channel}:none`,
    debts,
    collectors: input.collectors,
    text: input.text ?? null,
    ...(purpose ? { purpose } : {}),
  };
  // Messages name the number as the collector sees it (masked), never the contact point's id.
  if (point) action.contactLabel = maskContact(point.kind, point.value);
  if (input.conversation) action.conversation = input.conversation;
  return action;
}

/** The call or visit as recorded, for the call-step rules; absent for written channels and pre-call checks without a result. */
function conversationOf(input: {
  channel: string;
  result?: Conversation['result'] | undefined;
  direction?: Conversation['direction'] | undefined;
  disclosureConfirmed?: boolean | undefined;
  identityVerified?: boolean | undefined;
}): Conversation | undefined {
  if ((input.channel !== 'call' && input.channel !== 'visit') || input.result === undefined) return undefined;
  return {
    result: input.result,
    direction: input.direction ?? 'outbound',
    disclosureConfirmed: input.disclosureConfirmed === true,
    identityVerified: input.identityVerified === true,
  };
}

function decide(ctx: CallContext, c: CaseRow, action: Action, now: Date, opts: { identityVerified?: boolean; unsolicited?: boolean } = {}): Decision {
  const placement = placementsRepo.byId(ctx.app.db, c.placement_id);
  if (!placement) throw new AppError('INTERNAL', 'The case has no placement.');
  const { facts } = factsFor(ctx.app.db, c, now, action.contact);
  if (opts.identityVerified) facts.identityVerified = true;
  return (opts.unsolicited ? evaluateUnsolicited : evaluate)(policyFor(placement), facts, action, now);
}

export const contactService = {
  /** `purpose`: set only by services that send a letter of a known kind (letters), never from input. */
  check(ctx: CallContext, input: z.output<typeof CheckContactInput>, purpose?: ActionPurpose): Decision {
    const c = loadCase(ctx, input.caseId, 'contact.check');
    const action = buildAction(ctx, c, { ...input, conversation: conversationOf(input) }, purpose);
    return decide(ctx, c, action, ctx.app.clock.now(), {
      identityVerified: input.identityVerified === true,
      unsolicited: input.direction === 'inbound',
    });
  },

  log(ctx: CallContext, input: z.output<typeof LogContactInput>, purpose?: ActionPurpose): LogContactResult {
    const { db } = ctx.app;
    const c = loadCase(ctx, input.caseId, 'contact.log');
    assertOpen(c);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    // Notes and inbound contacts are not contact attempts: only the call steps and the language check apply.
    const unsolicited = input.channel === 'note' || input.direction === 'inbound';
    const action = buildAction(ctx, c, {
      // A note's action only names its party and contact point; its text is checked as a transcript.
      channel: input.channel === 'note' ? 'call' : input.channel,
      contactPointId: input.contactPointId,
      text: input.text,
      collectors: input.collectors,
      conversation: input.channel === 'note' ? undefined : conversationOf(input),
    }, purpose);

    const outcome = db.transaction((): LogContactResult & { refused?: 'GUARDRAIL_BLOCKED' | 'APPROVAL_REQUIRED' } => {
      const decision = decide(ctx, c, action, now, { identityVerified: input.identityVerified, unsolicited });
      const decisionId = newId();
      activitiesRepo.insertDecision(db, {
        id: decisionId,
        case_id: c.id,
        at,
        actor_id: ctx.actor.id,
        // The decision records what was really done (a note stays a note) and never the free text.
        action_json: JSON.stringify({ ...action, channel: input.channel, text: action.text === null ? null : '[text]' }),
        verdict: decision.verdict,
        reasons_json: JSON.stringify(decision.reasons),
        next_allowed_at: decision.nextAllowedAt,
        policy_version: decision.policyVersion,
      });
      recordChange(ctx.app, {
        type: 'decision',
        id: decisionId,
        caseId: c.id,
        placementId: c.placement_id,
        at,
        body: { verdict: decision.verdict, rules: decision.reasons.map((r) => r.rule), policyVersion: decision.policyVersion },
      });

      let refused: 'GUARDRAIL_BLOCKED' | 'APPROVAL_REQUIRED' | undefined;
      if (decision.verdict === 'block') refused = 'GUARDRAIL_BLOCKED';
      const needsApproval = decision.reasons.filter((r) => r.severity === 'warn' && r.needsApproval);
      if (!refused && needsApproval.length > 0) {
        const override = input.overrideId ? overridesRepo.byId(db, input.overrideId) : undefined;
        const covered =
          override !== undefined &&
          override.case_id === c.id &&
          override.status === 'approved' &&
          needsApproval.every((r) => (JSON.parse(override.rules_json) as string[]).includes(r.rule));
        if (!covered) refused = 'APPROVAL_REQUIRED';
        else overridesRepo.markUsed(db, override.id, at);
      }
      if (refused) {
        appendAudit(db, at, {
          actorId: ctx.actor.id,
          action: 'contact.log',
          objectType: 'case',
          objectId: c.id,
          outcome: 'refused',
          details: { decisionId, verdict: decision.verdict, rules: decision.reasons.map((r) => r.rule) },
        });
        return { activityId: null, decision, decisionId, refused };
      }

      const activityId = newId();
      activitiesRepo.insert(db, {
        id: activityId,
        case_id: c.id,
        at,
        channel: input.channel,
        direction: input.direction,
        party: action.party,
        contact_point_id: input.contactPointId,
        debts_json: JSON.stringify(action.debts),
        result: input.result,
        outcome: input.outcome,
        text: input.text,
        disclosure_confirmed: input.disclosureConfirmed ? 1 : 0,
        identity_verified: input.identityVerified ? 1 : 0,
        collectors: input.collectors,
        collector_id: ctx.actor.id,
        decision_id: decisionId,
        source: 'local',
        created_at: at,
      });
      recordChange(ctx.app, {
        type: 'activity',
        id: activityId,
        caseId: c.id,
        placementId: c.placement_id,
        at,
        body: {
          channel: input.channel,
          direction: input.direction,
          party: action.party,
          result: input.result,
          outcome: input.outcome,
          debts: action.debts,
          collectorId: ctx.actor.id,
          decisionId,
          disclosureConfirmed: input.disclosureConfirmed,
          // Attested by the signed-in collector at the time of recording (issue 16, item 8).
          identityVerified: input.identityVerified,
          collectors: input.collectors,
          attestedBy: ctx.actor.id,
          attestedAt: at,
        },
      });
      const findings = decision.reasons.filter((r) => r.severity === 'qa').map((r) => r.rule);
      if (findings.length > 0) {
        marksRepo.insert(db, { id: newId(), activity_id: activityId, mark: 'qa_review', reason: `language check: ${[...new Set(findings)].join(', ')}`, at });
      }
      const flag = OUTCOME_FLAGS[input.outcome];
      if (flag) casesRepo.setFlag(db, c.id, flag, true, at);
      if (input.promise) {
        const promiseId = newId();
        // One arrangement at a time: a promise made on the call supersedes the active one, as promises.create does.
        const replaced = replaceActive(ctx, c, promiseId, undefined, at);
        promisesRepo.insert(db, {
          id: promiseId,
          case_id: c.id,
          activity_id: activityId,
          amount_minor: input.promise.amountMinor,
          currency: c.currency,
          due_date: input.promise.dueDate,
          channel: input.channel,
          status: 'open',
          created_by: ctx.actor.id,
          created_at: at,
        });
        recordChange(ctx.app, {
          type: 'promise',
          id: promiseId,
          caseId: c.id,
          placementId: c.placement_id,
          at,
          body: { amountMinor: input.promise.amountMinor, currency: c.currency, dueDate: input.promise.dueDate, supersedes: replaced ? { kind: replaced.kind, id: replaced.id } : null },
        });
        if (c.status === 'open') casesRepo.setStatus(db, c.id, 'promise', at);
      }
      if (input.channel === 'note' && input.text) reindexCase(db, c.id);
      appendAudit(db, at, {
        actorId: ctx.actor.id,
        action: 'contact.log',
        objectType: 'case',
        objectId: c.id,
        outcome: 'ok',
        details: { activityId, decisionId, verdict: decision.verdict, channel: input.channel, outcome: input.outcome },
      });
      refreshDerived(db, c.id, now);
      return { activityId, decision, decisionId };
    })();

    if (outcome.refused) {
      const message =
        outcome.refused === 'GUARDRAIL_BLOCKED'
          ? `Blocked by ${outcome.decision.reasons.filter((r) => r.severity === 'block').map((r) => r.rule).join(', ')}; nothing was recorded but the decision.`
          : `A supervisor must approve ${outcome.decision.reasons.filter((r) => r.needsApproval).map((r) => r.rule).join(', ')} before this contact.`;
      throw new AppError(outcome.refused, message, { decision: outcome.decision, decisionId: outcome.decisionId });
    }
    return { activityId: outcome.activityId, decision: outcome.decision, decisionId: outcome.decisionId };
  },
};
