/** One timeline per case: activities, promises, plans, payments, complaints and guardrail decisions. */
import type { PlanView, PromiseView, TimelineItem } from '../../../common/api/types';
import type { ArrangementEnd } from '../../../common/api/types-ledger';
import { ledgerRepo } from '../../../db/repos/ledger';
import { activitiesRepo } from '../../../db/repos/activities';
import { complaintsRepo } from '../../../db/repos/complaints';
import { promisesRepo } from '../../../db/repos/promises';
import type { Db } from '../../../db/open';
import { usersRepo } from '../../../db/repos/users';

/** Who ended an arrangement, when and why, as timeline detail fields. */
function endDetail(e: ArrangementEnd | undefined): Record<string, unknown> {
  return e ? { endedAt: e.at, endedBy: e.by, reason: e.reason } : {};
}

function outcomesOf(db: Db, caseId: string): { id: string; outcome: string; reason: string; arrangement_effect: string | null; decided_by: string; at: string }[] {
  return db.prepare('SELECT id, outcome, reason, arrangement_effect, decided_by, at FROM case_outcomes WHERE case_id = ? ORDER BY at').all(caseId) as never;
}

export interface CaseTimeline {
  items: TimelineItem[];
  promises: PromiseView[];
  plans: PlanView[];
}

export function buildTimeline(db: Db, caseId: string): CaseTimeline {
  const items: TimelineItem[] = [];
  // Who did it, by name: the timeline is read by people.
  const names = new Map(usersRepo.all(db).map((u) => [u.id, u.display_name]));
  const who = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));
  for (const a of activitiesRepo.byCase(db, caseId)) {
    items.push({
      id: a.id,
      kind: 'activity',
      at: a.at,
      title: `activity.${a.channel}`,
      detail: {
        channel: a.channel,
        direction: a.direction,
        party: a.party,
        result: a.result,
        outcome: a.outcome,
        text: a.text,
        disclosureConfirmed: a.disclosure_confirmed === 1,
        decisionId: a.decision_id,
      },
      actor: who(a.collector_id),
    });
  }
  for (const d of activitiesRepo.decisionsByCase(db, caseId)) {
    items.push({
      id: d.id,
      kind: 'decision',
      at: d.at,
      title: `decision.${d.verdict}`,
      detail: {
        verdict: d.verdict,
        reasons: JSON.parse(d.reasons_json) as unknown,
        nextAllowedAt: d.next_allowed_at,
        policyVersion: d.policy_version,
        action: JSON.parse(d.action_json) as unknown,
      },
      actor: who(d.actor_id),
    });
  }
  const promiseRows = promisesRepo.byCase(db, caseId);
  const promiseEnds = new Map(ledgerRepo.promiseEnds(db, caseId).map((e) => [e.id, e]));
  const planEnds = new Map(ledgerRepo.planEnds(db, caseId).map((e) => [e.id, e]));
  const endOf = (e: { closed_at: string | null; closed_by: string | null; closed_reason: string | null; replaced_by_id: string | null } | undefined): ArrangementEnd | undefined =>
    e?.closed_at ? { at: e.closed_at, by: who(e.closed_by), reason: e.closed_reason, replacedById: e.replaced_by_id } : undefined;
  const promises: PromiseView[] = promiseRows.map((p) => ({
    id: p.id,
    amount: { minor: p.amount_minor, currency: p.currency },
    dueDate: p.due_date,
    channel: p.channel,
    status: p.status,
    createdAt: p.created_at,
    credited: { minor: promiseEnds.get(p.id)?.credited_minor ?? 0, currency: p.currency },
    ended: endOf(promiseEnds.get(p.id)),
  }));
  for (const p of promiseRows) {
    items.push({
      id: p.id,
      kind: 'promise',
      at: p.created_at,
      title: `promise.${p.status}`,
      detail: { amount: { minor: p.amount_minor, currency: p.currency }, dueDate: p.due_date, status: p.status, ...endDetail(endOf(promiseEnds.get(p.id))) },
      actor: who(p.created_by),
    });
  }
  const plans: PlanView[] = promisesRepo.plansByCase(db, caseId).map((pl) => ({
    id: pl.id,
    total: { minor: pl.total_minor, currency: pl.currency },
    status: pl.status,
    createdAt: pl.created_at,
    ended: endOf(planEnds.get(pl.id)),
    installments: promisesRepo.installments(db, pl.id).map((i) => ({
      seq: i.seq,
      dueDate: i.due_date,
      amount: { minor: i.amount_minor, currency: pl.currency },
      paid: { minor: i.paid_minor, currency: pl.currency },
      status: i.status,
    })),
  }));
  for (const pl of plans) {
    items.push({
      id: pl.id,
      kind: 'plan',
      at: pl.createdAt,
      title: `plan.${pl.status}`,
      detail: { total: pl.total, installments: pl.installments.length, ...endDetail(pl.ended) },
      actor: null,
    });
  }
  for (const p of promisesRepo.paymentsByCase(db, caseId)) {
    items.push({
      id: p.id,
      kind: 'payment',
      at: p.created_at,
      title: 'payment.received',
      detail: { amount: { minor: p.amount_minor, currency: p.currency }, paidOn: p.paid_on, source: p.source, reference: p.reference },
      actor: who(p.recorded_by),
    });
  }
  for (const o of outcomesOf(db, caseId)) {
    items.push({
      id: o.id,
      kind: 'outcome',
      at: o.at,
      title: `outcome.${o.outcome}`,
      detail: { outcome: o.outcome, reason: o.reason, arrangement: o.arrangement_effect },
      actor: who(o.decided_by),
    });
  }
  for (const c of complaintsRepo.byCase(db, caseId)) {
    items.push({
      id: c.id,
      kind: 'complaint',
      at: c.opened_at,
      title: `complaint.${c.status}`,
      detail: { category: c.category, channel: c.channel, description: c.description, dueAt: c.due_at, status: c.status, response: c.response },
      actor: who(c.created_by),
    });
  }
  for (const l of activitiesRepo.lenderContactsByCase(db, caseId)) {
    items.push({
      id: l.id,
      kind: 'lender_contact',
      at: l.at,
      title: `lender.${l.channel}`,
      detail: { channel: l.channel, party: l.party, result: l.result },
      actor: null,
    });
  }
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
  return { items, promises, plans };
}
