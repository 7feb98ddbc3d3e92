/** Complaints: logged by collectors (the case pauses per policy), handled by supervisors. */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { complaints as complaintMethods } from '../../../common/api/methods/complaints';
import type { ComplaintView } from '../../../common/api/types';
import { newId } from '../../../common/ids';
import { casesRepo } from '../../../db/repos/cases';
import { complaintsRepo, type ComplaintRow } from '../../../db/repos/complaints';
import { placementsRepo } from '../../../db/repos/placements';
import { usersRepo } from '../../../db/repos/users';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { recordChange } from '../record/recordChange';
import { canSeeCase } from './access';
import { loadCase } from './cases';
import { refreshDerived } from './derived';

type Input<K extends keyof typeof complaintMethods> = z.output<(typeof complaintMethods)[K]['input']>;
const DAY_MS = 86_400_000;

function view(ctx: CallContext, r: ComplaintRow): ComplaintView {
  const c = casesRepo.byId(ctx.app.db, r.case_id);
  const open = r.status === 'open' || r.status === 'responded' || r.status === 'escalated';
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: c?.reference ?? '',
    category: r.category,
    channel: r.channel,
    description: r.description,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    status: r.status,
    assignee: r.assignee_id,
    response: r.response,
    resolvedAt: r.resolved_at,
    overdue: open && r.due_at < ctx.app.clock.now().toISOString(),
  };
}

export const complaintService = {
  create(ctx: CallContext, input: Input<'create'>): ComplaintView {
    const c = loadCase(ctx, input.caseId, 'complaint.create');
    const placement = placementsRepo.byId(ctx.app.db, c.placement_id);
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    const row: ComplaintRow = {
      id: newId(),
      case_id: c.id,
      category: input.category,
      channel: input.channel,
      description: input.description,
      opened_at: at,
      due_at: new Date(now.getTime() + (placement?.complaint_response_days ?? 15) * DAY_MS).toISOString(),
      status: 'open',
      assignee_id: null,
      response: null,
      resolved_at: null,
      created_by: ctx.actor.id,
    };
    ctx.app.db.transaction(() => {
      complaintsRepo.insert(ctx.app.db, row);
      casesRepo.setFlag(ctx.app.db, c.id, 'complaintOpen', true, at);
      recordChange(ctx.app, { type: 'complaint', id: row.id, caseId: c.id, placementId: c.placement_id, at, body: { category: row.category, channel: row.channel, dueAt: row.due_at, status: 'open' } });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: 'complaint.create', objectType: 'complaint', objectId: row.id, outcome: 'ok', details: { caseId: c.id, category: row.category } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    return view(ctx, row);
  },

  list(ctx: CallContext, input: Input<'list'>): ComplaintView[] {
    const rows = ctx.app.db
      .prepare(input.status === 'all' ? 'SELECT * FROM complaints ORDER BY due_at' : 'SELECT * FROM complaints WHERE status = ? ORDER BY due_at')
      .all(...(input.status === 'all' ? [] : [input.status])) as ComplaintRow[];
    return rows.filter((r) => {
      const c = casesRepo.byId(ctx.app.db, r.case_id);
      return c !== undefined && canSeeCase(ctx.app.db, ctx.actor, c);
    }).map((r) => view(ctx, r));
  },

  update(ctx: CallContext, input: Input<'update'>): ComplaintView {
    const row = complaintsRepo.byId(ctx.app.db, input.complaintId);
    if (!row) throw new AppError('NOT_FOUND', `No complaint with id ${input.complaintId}.`, undefined, { key: 'complaint.notFound' });
    const c = loadCase(ctx, row.case_id, `complaint.${input.action}`);
    if (row.status === 'resolved') throw new AppError('CONFLICT', 'This complaint is already resolved.', undefined, { key: 'complaint.alreadyResolved' });
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    const next: { status: ComplaintRow['status']; response: string | null; resolved_at: string | null; assignee_id: string | null } = { status: row.status, response: row.response, resolved_at: row.resolved_at, assignee_id: row.assignee_id };
    switch (input.action) {
      case 'assign': {
        const user = input.assigneeId ? usersRepo.byId(ctx.app.db, input.assigneeId) : undefined;
        if (!user) throw new AppError('VALIDATION', 'assigneeId must name a user.', { issues: [{ path: ['assigneeId'], message: 'unknown user' }] }, { key: 'complaint.unknownAssignee' });
        next.assignee_id = user.id;
        break;
      }
      case 'respond':
      case 'resolve':
      case 'escalate':
        if (!input.text || input.text.trim().length < 5) {
          throw new AppError('VALIDATION', `To ${input.action} a complaint, write at least 5 characters.`, { issues: [{ path: ['text'], message: 'required' }] }, { key: 'complaint.textRequired', params: { min: 5 } });
        }
        next.response = input.text;
        next.status = input.action === 'respond' ? 'responded' : input.action === 'resolve' ? 'resolved' : 'escalated';
        if (input.action === 'resolve') next.resolved_at = at;
        break;
    }
    ctx.app.db.transaction(() => {
      complaintsRepo.update(ctx.app.db, row.id, next);
      if (complaintsRepo.openCount(ctx.app.db, c.id) === 0) casesRepo.setFlag(ctx.app.db, c.id, 'complaintOpen', false, at);
      recordChange(ctx.app, { type: 'complaint', id: row.id, caseId: c.id, placementId: c.placement_id, at, body: { action: input.action, status: next.status } });
      appendAudit(ctx.app.db, at, { actorId: ctx.actor.id, action: `complaint.${input.action}`, objectType: 'complaint', objectId: row.id, outcome: 'ok', details: { caseId: c.id, status: next.status } });
      refreshDerived(ctx.app.db, c.id, now);
    })();
    const updated = complaintsRepo.byId(ctx.app.db, row.id);
    if (!updated) throw new AppError('INTERNAL', 'The complaint vanished.');
    return view(ctx, updated);
  },
};
