/**
 * The supervisor's view of the team: dashboard figures and the list of collectors. Scope is the
 * same as for cases (access.ts): a supervisor sees their own team, an admin the whole agency.
 */
import type { z } from 'zod';
import type { supervisor as supervisorMethods } from '../../../common/api/methods/supervisor';
import { AppError } from '../../../common/api/result';
import type { DashboardView, TeamMember } from '../../../common/api/types-supervisor';
import type { Db } from '../../../db/open';
import { placementsRepo } from '../../../db/repos/placements';
import { reportingRepo } from '../../../db/repos/reporting';
import type { CallContext } from '../context';
import type { Actor } from '../types';
import { assertRole, visibleAssignees } from './access';
import { agencyTimeZone } from './agency-zone';
import { buildDashboard } from './report-figures';

type Input<K extends keyof typeof supervisorMethods> = z.output<(typeof supervisorMethods)[K]['input']>;

const SUPERVISING = ['supervisor', 'admin'] as const;

export interface TeamScope {
  /** Everyone whose work is counted: the supervisor and their team, or every user for an admin. */
  userIds: string[];
  /** The collectors shown as rows. */
  collectorIds: string[];
}

export function teamScope(db: Db, actor: Actor): TeamScope {
  const users = reportingRepo.users(db);
  const visible = visibleAssignees(db, actor);
  if (visible === null) {
    return { userIds: users.map((u) => u.id), collectorIds: users.filter((u) => u.role === 'collector').map((u) => u.id) };
  }
  const inScope = new Set(visible);
  return {
    userIds: [...inScope],
    collectorIds: users.filter((u) => u.role === 'collector' && inScope.has(u.id) && u.id !== actor.id).map((u) => u.id),
  };
}

/** NOT_FOUND for an unknown placement, so a typo is not mistaken for an idle placement. */
export function assertPlacement(db: Db, placementId: string | undefined): void {
  if (placementId !== undefined && !placementsRepo.byId(db, placementId)) {
    throw new AppError('NOT_FOUND', `No placement with id ${placementId}.`, { issues: [{ path: ['placementId'], message: 'unknown placement' }] }, { key: 'placement.notFound' });
  }
}

import { remoteTeam } from './remote-team';

export const supervisorService = {
  dashboard(ctx: CallContext, input: Input<'dashboard'>): DashboardView {
    const now = ctx.app.clock.now().toISOString();
    assertRole(ctx.app.db, ctx.actor, SUPERVISING, 'supervisor.dashboard', now);
    assertPlacement(ctx.app.db, input.placementId);
    const scope = teamScope(ctx.app.db, ctx.actor);
    const timeZone = agencyTimeZone(ctx.app.db);
    const local = buildDashboard(ctx.app.db, { from: input.from, to: input.to, placementId: input.placementId, scope: scope.userIds, collectors: scope.collectorIds, now, timeZone });
    return { ...local, remote: remoteTeam(ctx.app.db, ctx.app.workstationId, { from: input.from, to: input.to, timeZone }, input.placementId) };
  },

  team(ctx: CallContext): TeamMember[] {
    const now = ctx.app.clock.now().toISOString();
    assertRole(ctx.app.db, ctx.actor, SUPERVISING, 'supervisor.team', now);
    const scope = new Set(teamScope(ctx.app.db, ctx.actor).collectorIds);
    const open = new Map(reportingRepo.openCasesByAssignee(ctx.app.db).map((r) => [r.assigneeId, r.n]));
    return reportingRepo
      .users(ctx.app.db)
      .filter((u) => scope.has(u.id))
      .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled === 1, openCases: open.get(u.id) ?? 0 }));
  },
};
