/**
 * A case's derived queue fields — priority, next lawful contact, last contact, promise due — are
 * recomputed inside the transaction of every change that can move them, so the queue can sort
 * 100,000 cases with an index instead of evaluating the guardrails for each.
 */
import { DateTime } from 'luxon';
import { nextLawfulContact } from '../../../common/domain/guardrails';
import { priorityScore } from '../../../common/domain/cases/priority';
import { minorPerMajor } from '../../../common/domain/money/currency';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo, type CaseRow } from '../../../db/repos/cases';
import { placementsRepo } from '../../../db/repos/placements';
import { promisesRepo } from '../../../db/repos/promises';
import type { Db } from '../../../db/open';
import { defaultCallAction, factsFor } from '../guardrails/facts';
import { policyFor } from '../guardrails/policies';

export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

export interface Contactability {
  contactableNow: boolean;
  nextContactAt: string | null;
}

export function contactabilityOf(db: Db, c: CaseRow, now: Date): Contactability {
  if (c.status === 'closed') return { contactableNow: false, nextContactAt: null };
  const placement = placementsRepo.byId(db, c.placement_id);
  if (!placement) throw new Error(`case ${c.id} has no placement`);
  const { facts, contactPoints, debts } = factsFor(db, c, now, null);
  const action = defaultCallAction(contactPoints, debts);
  const next = nextLawfulContact(policyFor(placement), facts, action, now);
  return { contactableNow: next.contactableNow, nextContactAt: next.contactableNow ? now.toISOString() : next.at };
}

export function refreshDerived(db: Db, caseId: string, now: Date): void {
  const c = casesRepo.byId(db, caseId);
  if (!c) return;
  const placement = placementsRepo.byId(db, c.placement_id);
  if (!placement) return;
  const lastContactAt = activitiesRepo.lastContactAt(db, caseId);
  const promiseDue = promisesRepo.earliestOpenDue(db, caseId);
  const { nextContactAt } = contactabilityOf(db, c, now);
  const priority = priorityScore({
    balanceMinor: c.balance_minor,
    minorPerMajor: minorPerMajor(c.currency),
    dpd: c.dpd,
    promiseDue,
    lastContactAt,
    today: localDate(now, placement.default_timezone),
    now,
  });
  casesRepo.updateDerived(
    db,
    caseId,
    { priority, next_contact_at: nextContactAt, last_contact_at: lastContactAt, promise_due: promiseDue },
    now.toISOString(),
  );
}
