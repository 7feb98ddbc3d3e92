/** Reading cases: the work queue, one case in full and audited reveals (the next case: next-case.ts). */
import { AppError } from '../../../common/api/result';
import type { z } from 'zod';
import type { QueueQuery, RevealInput } from '../../../common/api/methods/cases';
import type {
  CaseDetail,
  CaseFlags,
  ContactPointView,
  QueuePage,
  QueueRow,
} from '../../../common/api/types';
import { bucketOf, bucketRange } from '../../../common/domain/cases/buckets';
import { maskAddress, maskContact, maskName, maskNationalId } from '../../../common/domain/privacy/mask';
import { toMatchQuery } from '../../../common/domain/search/fts';
import { evaluate } from '../../../common/domain/guardrails';
import { casesRepo, type CaseRow, type ContactPointRow } from '../../../db/repos/cases';
import { placementsRepo, type PlacementWithLender } from '../../../db/repos/placements';
import { queueRepo, type QueueFilter, type QueueRowRaw } from '../../../db/repos/queue';
import { narrowToCollector } from './queue-collector';
import { usersRepo } from '../../../db/repos/users';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { defaultCallAction, factsFor } from '../guardrails/facts';
import { policyFor } from '../guardrails/policies';
import { assertCaseAccess, visibleAssignees } from './access';
import { localDate } from './derived';
import { buildTimeline } from './timeline';
import { balanceView } from './ledger/view';

const ACTIVE_STATUSES = ['open', 'promise', 'plan', 'recalled'];

function flagsOf(r: {
  flag_dispute: number;
  flag_cease: number;
  flag_complaint: number;
  flag_hardship: number;
  flag_attorney: number;
  flag_bankrupt: number;
  flag_deceased: number;
  recalled_at: string | null;
  vulnerabilities_json: string;
}): CaseFlags {
  return {
    dispute: r.flag_dispute === 1,
    cease: r.flag_cease === 1,
    complaintOpen: r.flag_complaint === 1,
    hardship: r.flag_hardship === 1,
    vulnerable: r.vulnerabilities_json !== '[]',
    attorney: r.flag_attorney === 1,
    bankrupt: r.flag_bankrupt === 1,
    deceased: r.flag_deceased === 1,
    recalled: r.recalled_at !== null,
  };
}

function toQueueRow(r: QueueRowRaw, now: string): QueueRow {
  return {
    id: r.id,
    reference: r.reference,
    borrowerName: maskName(r.full_name),
    placementCode: r.placement_code,
    preset: r.preset,
    status: r.status,
    balance: { minor: r.balance_minor, currency: r.currency },
    dpd: r.dpd,
    bucket: bucketOf(r.dpd),
    priority: r.priority,
    nextActionAt: r.next_action_at,
    nextContactAt: r.next_contact_at,
    contactableNow: r.next_contact_at !== null && r.next_contact_at <= now,
    promiseDue: r.promise_due,
    lastContactAt: r.last_contact_at,
    flags: flagsOf(r),
    assigneeId: r.assignee_id,
  };
}

function parseList(json: string | null): string[] {
  if (!json) return [];
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function contactView(p: ContactPointRow): ContactPointView {
  return {
    id: p.id,
    kind: p.kind,
    party: p.party,
    relation: p.relation,
    label: p.label,
    value: maskContact(p.kind, p.value),
    masked: true,
    optOuts: parseList(p.opt_outs_json) as ContactPointView['optOuts'],
    invalid: p.invalid === 1,
    workplaceProhibited: p.workplace_prohibited === 1,
  };
}

export function placementView(p: PlacementWithLender): CaseDetail['placement'] {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    lenderName: p.lender_name,
    agreementRef: p.agreement_ref,
    preset: p.preset,
    policyVersion: p.policy_version,
    currency: p.currency,
    defaultTimezone: p.default_timezone,
    startDate: p.start_date,
    endDate: p.end_date,
    target: { minor: p.target_minor, currency: p.currency },
    complaintResponseDays: p.complaint_response_days,
    complaintChannel: p.complaint_channel,
  };
}

export function loadCase(ctx: CallContext, caseId: string, action: string): CaseRow {
  const c = casesRepo.byId(ctx.app.db, caseId);
  if (!c) throw new AppError('NOT_FOUND', `No case with id ${caseId}.`);
  assertCaseAccess(ctx.app.db, ctx.actor, c, action, ctx.app.clock.now().toISOString());
  return c;
}

export const caseService = {
  queue(ctx: CallContext, q: z.output<typeof QueueQuery>): QueuePage {
    const { db } = ctx.app;
    const now = ctx.app.clock.now();
    const nowIso = now.toISOString();
    const f = q.filters;
    const filter: QueueFilter = {
      assigneeIds: narrowToCollector(visibleAssignees(db, ctx.actor), f.assigneeId),
      statuses: f.status && f.status.length > 0 ? f.status : f.includeClosed ? [...ACTIVE_STATUSES, 'closed'] : ACTIVE_STATUSES,
    };
    if (f.placementId) filter.placementId = f.placementId;
    if (f.bucket) {
      const r = bucketRange(f.bucket);
      filter.dpdMin = r.min;
      filter.dpdMax = r.max;
    }
    if (f.promiseDueToday) {
      const placements = placementsRepo.all(db);
      const zone = placements.find((p) => p.id === f.placementId)?.default_timezone ?? placements[0]?.default_timezone;
      filter.promiseDueBy = localDate(now, zone ?? 'UTC');
    }
    if (f.contactableNow) filter.contactableAt = nowIso;
    if (q.search) {
      const match = toMatchQuery(q.search);
      if (match === null) return { rows: [], total: 0, offset: q.offset, asOf: nowIso };
      filter.ftsMatch = match;
      // A fragment of a reference ("01939", "UK-1003") matches anywhere in it, not only as a word
      // prefix. References carry digits; a name ("wang") does not, and skips the substring scan.
      if (/^[A-Za-z0-9-]{3,40}$/.test(q.search) && /\d/.test(q.search)) filter.referencePart = q.search;
    }
    const dir = q.dir ?? (q.sort === 'nextAction' || q.sort === 'nextContact' || q.sort === 'reference' ? 'asc' : 'desc');
    const raw = queueRepo.page(db, filter, q.sort, dir, q.offset, q.limit, nowIso);
    return {
      rows: raw.map((r) => toQueueRow(r, nowIso)),
      total: queueRepo.count(db, filter),
      offset: q.offset,
      asOf: nowIso,
    };
  },

  get(ctx: CallContext, caseId: string): CaseDetail {
    const { db } = ctx.app;
    const now = ctx.app.clock.now();
    const c = loadCase(ctx, caseId, 'case.view');
    const borrower = casesRepo.borrower(db, c.borrower_id);
    const placement = placementsRepo.byId(db, c.placement_id);
    if (!borrower || !placement) throw new AppError('INTERNAL', 'The case record is incomplete.');
    const assignee = c.assignee_id ? usersRepo.byId(db, c.assignee_id) : undefined;
    const { facts, contactPoints, debts } = factsFor(db, c, now, null);
    const decision = evaluate(policyFor(placement), facts, defaultCallAction(contactPoints, debts), now);
    const timeline = buildTimeline(db, c.id);
    const flags = flagsOf({ ...c, vulnerabilities_json: borrower.vulnerabilities_json });
    const money = (minor: number) => ({ minor, currency: c.currency });
    const ledger = balanceView(db, c, now);
    return {
      id: c.id,
      reference: c.reference,
      status: c.status,
      outcome: c.outcome as CaseDetail['outcome'],
      balance: money(c.balance_minor),
      // What each component still owes, from the ledger (placed amounts: ledger.components).
      breakdown: {
        principal: ledger.components.principal.remaining,
        interest: ledger.components.interest.remaining,
        penalty: ledger.components.penalty.remaining,
        fees: ledger.components.fees.remaining,
      },
      dpd: c.dpd,
      bucket: bucketOf(c.dpd),
      assignee: assignee
        ? { id: assignee.id, username: assignee.username, displayName: assignee.display_name, role: assignee.role }
        : null,
      nextActionAt: c.next_action_at,
      nextActionNote: c.next_action_note,
      flags,
      recalledAt: c.recalled_at,
      borrower: {
        id: borrower.id,
        name: maskName(borrower.full_name),
        nationalId: maskNationalId(borrower.national_id),
        address: maskAddress(borrower.address),
        timezones: parseList(borrower.timezones_json),
        locale: borrower.locale,
        vulnerabilities: parseList(borrower.vulnerabilities_json),
      },
      placement: placementView(placement),
      contactPoints: contactPoints.map(contactView),
      debts: casesRepo.debts(db, c.id).map((d) => ({ id: d.id, reference: d.reference, product: d.product })),
      assessment: c.assessment_json ? (JSON.parse(c.assessment_json) as CaseDetail['assessment']) : null,
      notice: c.notice_json ? (JSON.parse(c.notice_json) as CaseDetail['notice']) : null,
      promises: timeline.promises,
      plans: timeline.plans,
      timeline: timeline.items,
      contactability: {
        contactableNow: decision.verdict !== 'block',
        nextContactAt: decision.verdict === 'block' ? decision.nextAllowedAt : now.toISOString(),
        decision,
      },
      ledger,
    };
  },

  reveal(ctx: CallContext, input: z.output<typeof RevealInput>): { value: string } {
    const { db } = ctx.app;
    const nowIso = ctx.app.clock.now().toISOString();
    const c = loadCase(ctx, input.caseId, 'pii.reveal');
    const borrower = casesRepo.borrower(db, c.borrower_id);
    if (!borrower) throw new AppError('INTERNAL', 'The case record is incomplete.');
    if (borrower.purged_at) throw new AppError('CONFLICT', 'Personal data of this case was purged after the retention period.');
    let value: string;
    let objectId: string = borrower.id;
    switch (input.field) {
      case 'name':
        value = borrower.full_name;
        break;
      case 'nationalId':
        value = borrower.national_id;
        break;
      case 'address':
        value = borrower.address;
        break;
      case 'contactPoint': {
        const point = input.contactPointId ? casesRepo.contactPoint(db, input.contactPointId) : undefined;
        if (!point || point.borrower_id !== borrower.id) {
          throw new AppError('VALIDATION', 'contactPointId must name a contact point of this case.', {
            issues: [{ path: ['contactPointId'], message: 'not a contact point of this case' }],
          });
        }
        value = point.value;
        objectId = point.id;
        break;
      }
    }
    appendAudit(db, nowIso, {
      actorId: ctx.actor.id,
      action: 'pii.reveal',
      objectType: input.field === 'contactPoint' ? 'contact_point' : 'borrower',
      objectId,
      outcome: 'ok',
      details: { caseId: c.id, field: input.field, reason: input.reason },
    });
    return { value };
  },
};
