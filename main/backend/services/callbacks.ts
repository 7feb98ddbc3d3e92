/**
 * Callbacks: "call back Thursday 15:00" in the borrower's zone. Scheduling checks that a call at
 * that instant would be lawful (the guardrail engine, evaluated at the chosen instant); a due
 * callback puts its case first in the work loop (next-case.ts). Schedule, complete and cancel are
 * audited. Worklists read the day's follow-ups.
 */
import { DateTime, IANAZone } from 'luxon';
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { ListCallbacksInput, ScheduleCallbackInput, WorklistRow } from '../../../common/api/methods/callbacks';
import type { CallbackView } from '../../../common/api/types-dayloop';
import { evaluate } from '../../../common/domain/guardrails';
import { maskName } from '../../../common/domain/privacy/mask';
import { newId } from '../../../common/ids';
import { callbacksRepo, type CallbackWithRef } from '../../../db/repos/callbacks';
import { casesRepo } from '../../../db/repos/cases';
import { placementsRepo } from '../../../db/repos/placements';
import { worklistsRepo, type WorklistRaw } from '../../../db/repos/worklists';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { defaultCallAction, factsFor } from '../guardrails/facts';
import { policyFor } from '../guardrails/policies';
import { assertCaseAccess, visibleAssignees } from './access';
import { loadCase } from './cases';

/** How far ahead a callback may be set. */
export const MAX_AHEAD_DAYS = 90;

function view(r: CallbackWithRef, now: string): CallbackView {
  return {
    id: r.id,
    caseId: r.case_id,
    reference: r.reference,
    dueAt: r.due_at,
    zone: r.zone,
    note: r.note,
    source: r.source,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    dueNow: r.status === 'due' && r.due_at <= now,
  };
}

function invalid(path: string, message: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { issues: [{ path: [path], message }] }, { key, params });
}

/** The borrower's zone for a case: their first known zone, else the placement's. */
function borrowerZone(ctx: CallContext, borrowerId: string, placementZone: string): string {
  const raw = casesRepo.borrower(ctx.app.db, borrowerId)?.timezones_json ?? '[]';
  const zones = JSON.parse(raw) as unknown;
  const first = Array.isArray(zones) ? zones.find((z): z is string => typeof z === 'string' && IANAZone.isValidZone(z)) : undefined;
  return first ?? placementZone;
}

function loadCallback(ctx: CallContext, id: string, action: string): CallbackWithRef {
  const r = callbacksRepo.byId(ctx.app.db, id);
  if (!r) throw new AppError('NOT_FOUND', `No callback with id ${id}.`, undefined, { key: 'callbacks.notFound' });
  const c = casesRepo.byId(ctx.app.db, r.case_id);
  if (!c) throw new AppError('INTERNAL', 'The callback has no case.');
  assertCaseAccess(ctx.app.db, ctx.actor, c, action, ctx.app.clock.now().toISOString());
  return r;
}

function close(ctx: CallContext, id: string, status: 'done' | 'cancelled'): CallbackView {
  const { db } = ctx.app;
  const action = status === 'done' ? 'callback.complete' : 'callback.cancel';
  const at = ctx.app.clock.now().toISOString();
  return db.transaction(() => {
    const r = loadCallback(ctx, id, action);
    if (!callbacksRepo.close(db, id, status, ctx.actor.id, at)) {
      throw new AppError('CONFLICT', `The callback is already ${r.status}.`, undefined, { key: 'callbacks.alreadyClosed', params: { status: r.status } });
    }
    appendAudit(db, at, { actorId: ctx.actor.id, action, objectType: 'callback', objectId: id, outcome: 'ok', details: { caseId: r.case_id } });
    return view(callbacksRepo.byId(db, id)!, at);
  })();
}

function worklistRow(r: WorklistRaw): WorklistRow {
  return { caseId: r.case_id, reference: r.reference, borrowerName: maskName(r.full_name), at: r.at };
}

export const callbackService = {
  schedule(ctx: CallContext, input: z.output<typeof ScheduleCallbackInput>): CallbackView {
    const { db } = ctx.app;
    const now = ctx.app.clock.now();
    const at = now.toISOString();
    const c = loadCase(ctx, input.caseId, 'callback.schedule');
    if (c.status === 'closed') throw new AppError('CONFLICT', `Case ${c.reference} is closed.`, undefined, { key: 'callbacks.caseClosed', params: { reference: c.reference } });
    const placement = placementsRepo.byId(db, c.placement_id);
    if (!placement) throw new AppError('INTERNAL', 'The case has no placement.');
    const zone = input.zone ?? borrowerZone(ctx, c.borrower_id, placement.default_timezone);
    if (!IANAZone.isValidZone(zone)) throw invalid('zone', 'not an IANA time zone', 'callbacks.badZone', { zone });
    const local = DateTime.fromISO(`${input.date}T${input.time}`, { zone });
    // A wall time skipped by a daylight-saving change does not exist; luxon would move it silently.
    if (!local.isValid || local.toFormat('HH:mm') !== input.time) {
      throw invalid('time', `${input.date} ${input.time} does not exist in ${zone} (clock change)`, 'callbacks.noSuchTime', { date: input.date, time: input.time, zone });
    }
    const due = local.toJSDate();
    if (due.getTime() <= now.getTime()) throw invalid('time', 'must be in the future', 'callbacks.inPast');
    if (due.getTime() > now.getTime() + MAX_AHEAD_DAYS * 86_400_000) {
      throw invalid('date', `at most ${MAX_AHEAD_DAYS} days ahead`, 'callbacks.tooFar', { days: MAX_AHEAD_DAYS });
    }
    // Would a call then be lawful? The engine at the chosen instant, with what is known now.
    const { facts, contactPoints, debts } = factsFor(db, c, due, null);
    const decision = evaluate(policyFor(placement), facts, defaultCallAction(contactPoints, debts), due);
    if (decision.verdict === 'block') {
      const rules = decision.reasons.filter((r) => r.severity === 'block').map((r) => r.rule);
      appendAudit(db, at, { actorId: ctx.actor.id, action: 'callback.schedule', objectType: 'case', objectId: c.id, outcome: 'refused', details: { rules } });
      throw new AppError(
        'GUARDRAIL_BLOCKED',
        `A call at ${local.toISO()} would be blocked by ${rules.join(', ')}.`,
        { decision },
        { key: 'callbacks.unlawfulTime', params: { rules: rules.join(', '), next: decision.nextAllowedAt } },
      );
    }
    const id = newId();
    return db.transaction(() => {
      callbacksRepo.insert(db, {
        id,
        case_id: c.id,
        due_at: due.toISOString(),
        zone,
        note: input.note,
        source: input.source,
        created_by: ctx.actor.id,
        created_at: at,
      });
      appendAudit(db, at, {
        actorId: ctx.actor.id,
        action: 'callback.schedule',
        objectType: 'callback',
        objectId: id,
        outcome: 'ok',
        details: { caseId: c.id, dueAt: due.toISOString(), zone, source: input.source },
      });
      return view(callbacksRepo.byId(db, id)!, at);
    })();
  },

  list(ctx: CallContext, input: z.output<typeof ListCallbacksInput>): CallbackView[] {
    const now = ctx.app.clock.now().toISOString();
    if (input.caseId) loadCase(ctx, input.caseId, 'callback.list');
    const rows = callbacksRepo.list(ctx.app.db, {
      assigneeIds: visibleAssignees(ctx.app.db, ctx.actor),
      ...(input.caseId ? { caseId: input.caseId } : {}),
      ...(input.dueNow ? { status: 'due' as const, dueBy: now } : input.status ? { status: input.status } : {}),
      limit: input.limit,
    });
    return rows.map((r) => view(r, now));
  },

  complete: (ctx: CallContext, id: string): CallbackView => close(ctx, id, 'done'),
  cancel: (ctx: CallContext, id: string): CallbackView => close(ctx, id, 'cancelled'),

  worklist(ctx: CallContext, input: { kind: 'callbacks_due' | 'promises_today' | 'broken_promises' | 'untouched'; days: number; limit: number }): WorklistRow[] {
    const { db } = ctx.app;
    const now = ctx.app.clock.now();
    const who = visibleAssignees(db, ctx.actor);
    switch (input.kind) {
      case 'callbacks_due':
        return worklistsRepo.callbacksDue(db, who, now.toISOString(), input.limit).map(worklistRow);
      case 'untouched':
        return worklistsRepo.untouchedSince(db, who, new Date(now.getTime() - input.days * 86_400_000).toISOString(), input.limit).map(worklistRow);
      case 'promises_today':
      case 'broken_promises': {
        const out: WorklistRaw[] = [];
        for (const p of placementsRepo.all(db)) {
          const today = DateTime.fromJSDate(now, { zone: p.default_timezone }).toISODate() ?? '';
          out.push(...(input.kind === 'promises_today' ? worklistsRepo.promisesOn(db, who, p.id, today, input.limit) : worklistsRepo.brokenPromises(db, who, p.id, today, input.limit)));
        }
        return out.slice(0, input.limit).map(worklistRow);
      }
    }
  },
};
