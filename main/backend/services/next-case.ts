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

/**
 * The due groups in the chooser's order, each read only when the ones before it serve nothing:
 * a due callback answers without reading the promises of every placement.
 */
function dueGroups(db: Db, assignees: string[] | null, now: Date, placementId: string | null): (() => NextCandidate[])[] {
  const places = placementsRepo.all(db).filter((p) => !placementId || p.id === placementId);
  const days = places.map((p) => {
    const local = DateTime.fromJSDate(now, { zone: p.default_timezone });
    return { id: p.id, today: local.toISODate() ?? '', yesterday: local.minus({ days: 1 }).toISODate() ?? '' };
  });
  const perPlacement = (kind: NextKind, read: typeof nextRepo.promisesDue, day: 'today' | 'yesterday') => () =>
    days.flatMap((d) => candidates(db, read(db, assignees, d.id, d[day], d[day], SPECIAL_LIMIT), kind));
  return [
    () => candidates(db, nextRepo.callbacksDue(db, assignees, now.toISOString(), placementId, SPECIAL_LIMIT), 'callback_due'),
    perPlacement('promise_due', nextRepo.promisesDue, 'today'),
    perPlacement('installment_due', nextRepo.installmentsDue, 'today'),
    perPlacement('promise_broken', nextRepo.promisesDue, 'yesterday'),
    perPlacement('installment_broken', nextRepo.installmentsDue, 'yesterday'),
  ];
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

    let earliest = Infinity;
    for (const group of dueGroups(db, assignees, now, placement)) {
      const pick = pickNext(group(), opts);
      if (pick.caseId) return chosen(pick);
      earliest = earliestOf(pick, earliest);
    }
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
