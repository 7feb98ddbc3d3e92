/**
 * Who may see and act on which case. Checked in the services, not only hidden in the UI:
 * a refusal is audited and returned as FORBIDDEN.
 */
import { AppError } from '../../../common/api/result';
import { usersRepo } from '../../../db/repos/users';
import type { CaseRow } from '../../../db/repos/cases';
import type { Db } from '../../../db/open';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../types';
import type { Role } from '../../../common/api/types';

/** The assignees whose cases the actor may see; null means all (admin). */
export function visibleAssignees(db: Db, actor: Actor): string[] | null {
  switch (actor.role) {
    case 'admin':
      return null;
    case 'supervisor':
      return [actor.id, ...usersRepo.team(db, actor.id).map((u) => u.id)];
    case 'collector':
      return [actor.id];
  }
}

export function canSeeCase(db: Db, actor: Actor, c: CaseRow): boolean {
  const visible = visibleAssignees(db, actor);
  return visible === null || (c.assignee_id !== null && visible.includes(c.assignee_id));
}

/** Throws FORBIDDEN (and audits the refusal) unless the actor may work this case. */
export function assertCaseAccess(db: Db, actor: Actor, c: CaseRow, action: string, now: string): void {
  if (canSeeCase(db, actor, c)) return;
  appendAudit(db, now, {
    actorId: actor.id,
    action,
    objectType: 'case',
    objectId: c.id,
    outcome: 'refused',
    details: { why: 'case not assigned to the caller or their team' },
  });
  throw new AppError('FORBIDDEN', 'This case is not assigned to you or your team.', undefined, { key: 'access.notYourCase' });
}

export function assertRole(db: Db, actor: Actor, roles: readonly Role[], action: string, now: string): void {
  if (roles.includes(actor.role)) return;
  appendAudit(db, now, {
    actorId: actor.id,
    action,
    objectType: 'api',
    objectId: action,
    outcome: 'refused',
    details: { role: actor.role, needs: roles },
  });
  throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}; you are signed in as ${actor.role}.`);
}
