/**
 * Bulk reassignment: every case a collector holds (e.g. while they are away), optionally of one
 * placement, shared out in turn among one or more collectors of the team. One transaction; each
 * moved case gets its own audit row, as a single reassignment does. Closed cases stay put.
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { ReassignManyInput } from '../../../common/api/methods/cases';
import type { ReassignManyResult } from '../../../common/api/types';
import { casesRepo } from '../../../db/repos/cases';
import { usersRepo } from '../../../db/repos/users';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { visibleAssignees } from './access';

/** The statuses a holder's workload counts: everything not closed. */
const MOVABLE = ['open', 'promise', 'plan', 'recalled'];

function refuse(field: string, message: string, key: string): never {
  throw new AppError('VALIDATION', message, { issues: [{ path: [field], message }] }, { key: `reassign.${key}` });
}

export function reassignMany(ctx: CallContext, input: z.output<typeof ReassignManyInput>): ReassignManyResult {
  const { db } = ctx.app;
  const team = visibleAssignees(db, ctx.actor);
  if (team !== null && !team.includes(input.fromAssigneeId)) refuse('fromAssigneeId', 'fromAssigneeId must name a member of your team.', 'notInTeam');
  const targets = [...new Set(input.toAssigneeIds)];
  for (const id of targets) {
    const u = usersRepo.byId(db, id);
    if (!u || u.role !== 'collector' || (team !== null && !team.includes(u.id))) refuse('toAssigneeIds', 'toAssigneeIds must name collectors of your team.', 'notACollector');
  }
  if (targets.includes(input.fromAssigneeId)) refuse('toAssigneeIds', 'The cases cannot move to the collector who holds them.', 'sameCollector');

  const cases = casesRepo.heldBy(db, input.fromAssigneeId, MOVABLE, input.placementId ?? null);
  // In reference order, dealt out in turn: shares differ by at most one.
  const plan = cases.map((c, i) => ({ ...c, to: targets[i % targets.length]! }));
  const shares = targets.map((assigneeId) => ({ assigneeId, count: plan.filter((p) => p.to === assigneeId).length }));
  if (input.dryRun) return { fromAssigneeId: input.fromAssigneeId, matched: cases.length, moved: 0, shares };

  const at = ctx.app.clock.now().toISOString();
  db.transaction(() => {
    for (const p of plan) {
      casesRepo.setAssignee(db, p.id, p.to, at);
      appendAudit(db, at, { actorId: ctx.actor.id, action: 'case.reassign', objectType: 'case', objectId: p.id, outcome: 'ok', details: { from: input.fromAssigneeId, to: p.to, bulk: true } });
    }
  })();
  return { fromAssigneeId: input.fromAssigneeId, matched: cases.length, moved: plan.length, shares };
}
