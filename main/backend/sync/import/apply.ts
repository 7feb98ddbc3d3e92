/**
 * Applies one verified lender package. Runs inside the caller's transaction together with the
 * feed-cursor update, so a package is imported entirely or not at all, and exactly once.
 */
import type { AssignmentPackage, BalanceUpdate, LenderPackage, LenderPayment, Recall } from '../../../../common/protocol/packages';
import { newId } from '../../../../common/ids';
import type { AppContext } from '../../context';
import { recordChange } from '../../record/recordChange';
import { reindexCase } from '../../services/search-index';
import type { Enrollment } from '../identity';
import { importBalanceStatement, importLenderPayment } from './ledger';
import { importStatements } from './statements';

export interface ImportOutcome {
  kind: LenderPackage['kind'];
  id: string;
  /** Cases written or touched. */
  cases: number;
  /** Activities flagged as done after a recall. */
  markedAfterRecall: number;
  skipped: string[];
}

export function applyPackage(ctx: AppContext, pkg: LenderPackage, enrollment: Enrollment): ImportOutcome {
  switch (pkg.kind) {
    case 'assignment':
      return applyAssignment(ctx, pkg, enrollment);
    case 'recall':
      return applyRecall(ctx, pkg);
    case 'balance':
      return applyBalance(ctx, pkg);
    case 'payment':
      return applyPayment(ctx, pkg);
  }
}

function applyAssignment(ctx: AppContext, pkg: AssignmentPackage, enrollment: Enrollment): ImportOutcome {
  const s = importStatements(ctx.db);
  const now = ctx.clock.now().toISOString();
  const p = pkg.placement;
  s.upsertLender.run({
    id: pkg.lender.id,
    code: pkg.lender.code,
    name: pkg.lender.name,
    phone: pkg.lender.phone,
    complaint_channel: pkg.lender.complaintChannel,
    public_key_pem: enrollment.lenderPublicKeyPem,
    created_at: now,
  });
  s.upsertPlacement.run({
    id: p.id,
    lender_id: pkg.lender.id,
    code: p.code,
    name: p.name,
    agreement_ref: p.agreementRef,
    preset: p.preset,
    policy_json: JSON.stringify(p.policy),
    policy_version: p.policyVersion,
    currency: p.currency,
    default_timezone: p.defaultTimezone,
    start_date: p.startDate,
    end_date: p.endDate,
    target_minor: p.targetMinor,
    commission_bps: p.commissionBps,
    complaint_response_days: p.complaintResponseDays,
    retention_days: p.retentionDays,
    created_at: now,
  });
  const skipped: string[] = [];
  let cases = 0;
  for (const c of pkg.cases) {
    const existing = s.caseInPlacement.get(c.id);
    if (existing && existing.placement_id !== p.id) {
      skipped.push(`case ${c.id} already belongs to placement ${existing.placement_id}`);
      continue;
    }
    s.insertBorrower.run({
      id: c.borrower.id,
      full_name: c.borrower.fullName,
      national_id: c.borrower.nationalId,
      address: c.borrower.address,
      timezones_json: JSON.stringify(c.borrower.timezones),
      locale: c.borrower.locale,
      created_at: now,
    });
    s.insertCase.run({
      id: c.id,
      placement_id: p.id,
      borrower_id: c.borrower.id,
      reference: c.reference,
      currency: c.currency,
      principal_minor: c.principalMinor,
      interest_minor: c.interestMinor,
      penalty_minor: c.penaltyMinor,
      fees_minor: c.feesMinor,
      due_since: c.dueSince,
      dpd: c.dpd,
      assessment_json: c.assessment === null ? null : JSON.stringify(c.assessment),
      created_at: now,
    });
    for (const d of c.debts) s.insertDebt.run({ id: d.id, case_id: c.id, reference: d.reference, product: d.product });
    for (const cp of c.contactPoints) {
      s.insertContactPoint.run({
        id: cp.id,
        borrower_id: c.borrower.id,
        kind: cp.kind,
        party: cp.party,
        relation: cp.relation,
        label: cp.label,
        value: cp.value,
        timezone: cp.timezone,
        created_at: now,
      });
    }
    for (const lc of c.lenderContacts) {
      s.insertLenderContact.run({
        id: lc.id,
        case_id: c.id,
        at: lc.at,
        channel: lc.channel,
        party: lc.party,
        contact_key: lc.contactKey,
        debts_json: JSON.stringify(lc.debts),
        result: lc.result,
        received_at: now,
      });
    }
    reindexCase(ctx.db, c.id);
    cases++;
  }
  return { kind: 'assignment', id: pkg.id, cases, markedAfterRecall: 0, skipped };
}

/** Contact must stop; work already done offline after the recall time is flagged, never dropped. */
function applyRecall(ctx: AppContext, pkg: Recall): ImportOutcome {
  const s = importStatements(ctx.db);
  const now = ctx.clock.now().toISOString();
  const skipped: string[] = [];
  const ids = pkg.caseIds ?? s.casesOfPlacement.all(pkg.placementId).map((r) => r.id);
  const recalled: string[] = [];
  const after: string[] = [];
  for (const id of ids) {
    const c = s.caseInPlacement.get(id);
    if (!c || c.placement_id !== pkg.placementId) {
      skipped.push(`case ${id} is not in placement ${pkg.placementId} here`);
      continue;
    }
    s.recallCase.run(pkg.recalledAt, now, id);
    recalled.push(id);
    for (const a of s.activitiesAfter.all(id, pkg.recalledAt)) {
      s.insertMark.run(newId(), a.id, `contact at ${a.at} came after the lender's recall at ${pkg.recalledAt} (recall ${pkg.id}, received ${now})`, now);
      after.push(a.id);
    }
  }
  if (pkg.caseIds === null && s.placementOf.get(pkg.placementId)) s.recallPlacement.run(pkg.placementId);
  if (recalled.length > 0) {
    recordChange(ctx, {
      type: 'case_flag',
      id: pkg.id,
      caseId: recalled.length === 1 ? (recalled[0] ?? null) : null,
      placementId: pkg.placementId,
      at: now,
      body: { flag: 'recalled', recallId: pkg.id, recalledAt: pkg.recalledAt, caseIds: recalled, activitiesAfterRecall: after },
    });
  }
  return { kind: 'recall', id: pkg.id, cases: recalled.length, markedAfterRecall: after.length, skipped };
}

function applyBalance(ctx: AppContext, pkg: BalanceUpdate): ImportOutcome {
  return { kind: 'balance', id: pkg.id, markedAfterRecall: 0, ...importBalanceStatement(ctx, pkg) };
}

function applyPayment(ctx: AppContext, pkg: LenderPayment): ImportOutcome {
  return { kind: 'payment', id: pkg.id, markedAfterRecall: 0, ...importLenderPayment(ctx, pkg) };
}
