/**
 * The work loop's next case (`cases.next`): gathers the candidates — callbacks due now, promises
 * and installments due today or broken yesterday, then the lawful-now queue a window at a time —
 * and lets the pure chooser (common/domain/cases/next.ts) skip what may not be served now. The
 * chosen case is claimed for the caller, so no one else's `n` serves it while it is open.
 */
import { DateTime } from 'luxon';
import type { NextCaseResult } from '../../../common/api/types-dayloop';
import { noneUntil, pickNext, type NextCandidate, type NextKind, type NextPick } from '../../../common/domain/cases/next';
import { nextRepo, type NextCandidateRow } from '../../../db/repos/next';
import { placementsRepo } from '../../../db/repos/placements';
import type { Db } from '../../../db/open';
import type { CallContext } from '../context';
import { visibleAssignees } from './access';

/** How long opening a case holds it for its user. */
export const CLAIM_MINUTES = 15;
const SPECIAL_LIMIT = 50;
const WINDOW = 100;
/** Queue rows read at most for one answer; beyond that the answer is "none now". */
const MAX_SCAN = 2_000;

function candidates(db: Db, rows: NextCandidateRow[], kind: NextKind): NextCandidate[] {
  return rows.map((r): NextCandidate => ({
    caseId: r.case_id,
    reference: r.reference,
    kind,
    preset: r.preset,
    nextContactAt: r.next_contact_at,
    lastAttempt: nextRepo.lastCallAttempt(db, r.case_id),
    claim: nextRepo.claimOf(db, r.case_id),
    params: { reference: r.reference, [kind === 'queue' ? 'priority' : 'due']: r.sort_key },
  }));
}

function dueCandidates(db: Db, assignees: string[] | null, now: Date, placementId: string | null): NextCandidate[] {
  const out = candidates(db, nextRepo.callbacksDue(db, assignees, now.toISOString(), placementId, SPECIAL_LIMIT), 'callback_due');
  for (const p of placementsRepo.all(db)) {
    if (placementId && p.id !== placementId) continue;
    const local = DateTime.fromJSDate(now, { zone: p.default_timezone });
    const today = local.toISODate() ?? '';
    const yesterday = local.minus({ days: 1 }).toISODate() ?? '';
    out.push(...candidates(db, nextRepo.promisesDue(db, assignees, p.id, today, today, SPECIAL_LIMIT), 'promise_due'));
    out.push(...candidates(db, nextRepo.installmentsDue(db, assignees, p.id, today, today, SPECIAL_LIMIT), 'installment_due'));
    out.push(...candidates(db, nextRepo.promisesDue(db, assignees, p.id, yesterday, yesterday, SPECIAL_LIMIT), 'promise_broken'));
    out.push(...candidates(db, nextRepo.installmentsDue(db, assignees, p.id, yesterday, yesterday, SPECIAL_LIMIT), 'installment_broken'));
  }
  return out;
}

function earliestOf(pick: NextPick, sofar: number): number {
  return pick.nextContactableAt === null ? sofar : Math.min(sofar, Date.parse(pick.nextContactableAt));
}

function answer(pick: NextPick): NextCaseResult {
  return { caseId: pick.caseId, reference: pick.reference, kind: pick.kind, reason: pick.reason, nextContactableAt: pick.nextContactableAt };
}

export function claimCase(ctx: CallContext, caseId: string): void {
  const expires = new Date(ctx.app.clock.now().getTime() + CLAIM_MINUTES * 60_000).toISOString();
  nextRepo.claim(ctx.app.db, caseId, ctx.actor.id, expires);
}

export const nextCaseService = {
  next(ctx: CallContext, placementId: string | undefined): NextCaseResult {
    const { db } = ctx.app;
    const now = ctx.app.clock.now();
    const nowIso = now.toISOString();
    const assignees = visibleAssignees(db, ctx.actor);
    const placement = placementId ?? null;
    const opts = { now, actorId: ctx.actor.id };
    const chosen = (pick: NextPick): NextCaseResult => {
      if (pick.caseId) claimCase(ctx, pick.caseId);
      return answer(pick);
    };

    const first = pickNext(dueCandidates(db, assignees, now, placement), opts);
    if (first.caseId) return chosen(first);
    let earliest = earliestOf(first, Infinity);
    for (let offset = 0; offset < MAX_SCAN; offset += WINDOW) {
      const rows = nextRepo.queueWindow(db, assignees, nowIso, placement, offset, WINDOW);
      const pick = pickNext(candidates(db, rows, 'queue'), opts);
      if (pick.caseId) return chosen(pick);
      earliest = earliestOf(pick, earliest);
      if (rows.length < WINDOW) break;
    }
    const later = nextRepo.earliestLaterContact(db, assignees, nowIso, placement);
    if (later !== null) earliest = Math.min(earliest, Date.parse(later));
    return answer(noneUntil(earliest));
  },
};
