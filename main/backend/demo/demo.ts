/**
 * The demo agency: a supervisor and her team, two lenders, three placements (one per conduct
 * preset), N cases with invented but realistic borrowers, and a few weeks of prior work. Seeded,
 * so the same seed and clock give the same agency. Bulk inserts run in batches of one transaction.
 */
import { resolvePolicy, type PresetId } from '../../../common/domain/guardrails';
import { toIndexText } from '../../../common/domain/search/fts';
import { newId } from '../../../common/ids';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo } from '../../../db/repos/cases';
import { placementsRepo } from '../../../db/repos/placements';
import { promisesRepo } from '../../../db/repos/promises';
import { settingsRepo } from '../../../db/repos/settings';
import { AGENCY_TIME_ZONE_KEY } from '../services/agency-zone';
import { usersRepo } from '../../../db/repos/users';
import type { AppContext } from '../context';
import { demoPasswordHash } from '../auth/passwords';
import { recordChange } from '../record/recordChange';
import { refreshDerived } from '../services/derived';
import { cnPerson, ukPerson, usPerson, type DemoPerson } from './people';
import { seededRng, type Rng } from './random';
import { seedTemplates } from './templates';
import { seedReviewItems } from './review-items';

export interface DemoOptions {
  cases: number;
  seed?: number;
  /** Average prior activities per case (default 5). */
  activitiesPerCase?: number;
  /** Called every batch with the number of cases written. */
  progress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  users: number;
  placements: number;
  cases: number;
  activities: number;
  defaultUser: string;
}

const DAY_MS = 86_400_000;
const BATCH = 2000;
/** Two years, as assignment packages default to. */
const LENDER_RETENTION_DAYS = 730;

interface DemoPlacement {
  id: string;
  preset: PresetId;
  currency: string;
  person: (rng: Rng) => DemoPerson;
  share: number;
  prefix: string;
}

export { DEMO_PASSWORD } from './password';
import { DEMO_PASSWORD } from './password';

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function seedPeople(app: AppContext, now: Date): { supervisorId: string; collectors: string[] } {
  const { db } = app;
  const password_hash = demoPasswordHash(DEMO_PASSWORD);
  let n = 0;
  const at = () => new Date(now.getTime() - 365 * DAY_MS + n++ * 1000).toISOString();
  const admin = newId();
  usersRepo.insert(db, { id: admin, username: 'admin', display_name: '系统管理员 Admin', role: 'admin', supervisor_id: null, password_hash, created_at: at() });
  const supervisorId = newId();
  usersRepo.insert(db, { id: supervisorId, username: 'wang.fang', display_name: '王芳 Wang Fang', role: 'supervisor', supervisor_id: null, password_hash, created_at: at() });
  const team: [string, string][] = [
    ['zhang.wei', '张伟 Zhang Wei'],
    ['li.na', '李娜 Li Na'],
    ['chen.jie', '陈杰 Chen Jie'],
    ['liu.yang', '刘洋 Liu Yang'],
    ['alex.brown', 'Alex Brown'],
    ['emma.jones', 'Emma Jones'],
    ['sam.taylor', 'Sam Taylor'],
    ['olivia.clark', 'Olivia Clark'],
  ];
  const collectors = team.map(([username, display]) => {
    const id = newId();
    usersRepo.insert(db, { id, username, display_name: display, role: 'collector', supervisor_id: supervisorId, password_hash, created_at: at() });
    return id;
  });
  return { supervisorId, collectors };
}

function seedPlacements(app: AppContext, now: Date): DemoPlacement[] {
  const { db } = app;
  const created = now.toISOString();
  const anxin = newId();
  const nbank = newId();
  placementsRepo.insertLender(db, { id: anxin, code: 'ANXIN', name: '安信消费金融有限公司', phone: '400-820-8820', complaint_channel: '客服热线 400-820-8820 / complaints@anxin.example.cn', public_key_pem: null, created_at: created });
  placementsRepo.insertLender(db, { id: nbank, code: 'NBANK', name: 'Northbridge Bank plc', phone: '+1 800 555 0100', complaint_channel: 'complaints@northbridge.example.com · +1 800 555 0199', public_key_pem: null, created_at: created });
  const start = isoDate(new Date(now.getTime() - 60 * DAY_MS));
  const end = isoDate(new Date(now.getTime() + 120 * DAY_MS));
  const specs: (Omit<DemoPlacement, 'id'> & { code: string; name: string; lender: string; zone: string; target: number; agency: string; agencyPhone: string; agencyAddress: string; responseDays: number })[] = [
    { preset: 'cn', currency: 'CNY', person: cnPerson, share: 0.5, prefix: 'AX', code: 'CN-2026-Q4', name: '安信 2026 第四季度委案', lender: anxin, zone: 'Asia/Shanghai', target: 1_800_000_00, agency: '恒信催收服务有限公司', agencyPhone: '021-5555-0101', agencyAddress: '上海市黄浦区中山东一路18号12楼 200002', responseDays: 15 },
    { preset: 'us-regf', currency: 'USD', person: usPerson, share: 0.25, prefix: 'NB-US', code: 'US-2026-11', name: 'Northbridge US cards, Nov 2026', lender: nbank, zone: 'America/New_York', target: 450_000_00, agency: 'Hengxin Recovery Services LLC', agencyPhone: '+1 212 555 0142', agencyAddress: '350 Fifth Avenue, Suite 4200\nNew York, NY 10118', responseDays: 30 },
    { preset: 'uk-conc', currency: 'GBP', person: ukPerson, share: 0.25, prefix: 'NB-UK', code: 'UK-2026-11', name: 'Northbridge UK loans, Nov 2026', lender: nbank, zone: 'Europe/London', target: 300_000_00, agency: 'Hengxin Recovery Services Ltd', agencyPhone: '+44 20 5555 0142', agencyAddress: '1 Canada Square, Level 30\nLondon E14 5AB', responseDays: 56 },
  ];
  return specs.map((s) => {
    const id = newId();
    const policy = resolvePolicy(s.preset, {});
    placementsRepo.insert(db, {
      id,
      lender_id: s.lender,
      code: s.code,
      name: s.name,
      agreement_ref: `AGR-${s.code}`,
      preset: s.preset,
      policy_json: '{}',
      policy_version: policy.version,
      currency: s.currency,
      default_timezone: s.zone,
      start_date: start,
      end_date: end,
      target_minor: s.target,
      commission_bps: 1800,
      complaint_response_days: s.responseDays,
      // The lender's term. The rule set's records period (US-RECORDS: 3 years) is applied by the
      // purge on top of it, so it is not copied here.
      retention_days: LENDER_RETENTION_DAYS,
      agency_name: s.agency,
      agency_phone: s.agencyPhone,
      agency_address: s.agencyAddress,
      status: 'active',
      created_at: created,
    });
    seedTemplates(db, id, s.preset, created);
    return { id, preset: s.preset, currency: s.currency, person: s.person, share: s.share, prefix: s.prefix };
  });
}

const RESULTS_WEIGHTED: { result: string; outcome: string; w: number }[] = [
  { result: 'no_answer', outcome: 'no_answer', w: 40 },
  { result: 'voicemail', outcome: 'voicemail', w: 15 },
  { result: 'busy', outcome: 'busy', w: 8 },
  { result: 'connected', outcome: 'right_party', w: 25 },
  { result: 'connected', outcome: 'promise_to_pay', w: 7 },
  { result: 'refused', outcome: 'refused', w: 5 },
];

function pickWeighted(rng: Rng): { result: string; outcome: string } {
  const total = RESULTS_WEIGHTED.reduce((s, r) => s + r.w, 0);
  let x = rng.next() * total;
  for (const r of RESULTS_WEIGHTED) {
    x -= r.w;
    if (x < 0) return r;
  }
  return RESULTS_WEIGHTED[0] as { result: string; outcome: string };
}

/** A weekday daytime instant `daysAgo` days back, in the borrower's zone roughly (09:00–18:00 local). */
function pastDaytime(rng: Rng, now: Date, daysAgo: number, utcOffsetHours: number): string {
  const day = new Date(now.getTime() - daysAgo * DAY_MS);
  day.setUTCHours(9 - utcOffsetHours + rng.int(0, 8), rng.int(0, 59), rng.int(0, 59), 0);
  return day.toISOString();
}

const OFFSETS: Record<PresetId, number> = { cn: 8, 'us-regf': -5, 'uk-conc': 0 };

export function createDemoAgency(app: AppContext, opts: DemoOptions): DemoSummary {
  const { db } = app;
  if (usersRepo.all(db).length > 0) throw new Error('this database already holds an agency; the demo needs an empty one');
  const rng = seededRng(opts.seed ?? 20261129);
  const now = app.clock.now();
  const { supervisorId: _sup, collectors } = db.transaction(() => seedPeople(app, now))();
  const placements = db.transaction(() => seedPlacements(app, now))();
  settingsRepo.set(db, 'default_user', 'wang.fang');
  // The demo agency sits in Shanghai: its reporting days are Shanghai's on any machine.
  settingsRepo.set(db, AGENCY_TIME_ZONE_KEY, 'Asia/Shanghai');

  // A bulk load into a new, empty database: a crash mid-seed leaves a half-made demo either way,
  // so skip the per-commit fsync while seeding and restore the connection's durability after.
  const durability = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  try {
    return seedCases(app, rng, now, opts, placements, collectors);
  } finally {
    db.pragma(`synchronous = ${durability}`);
  }
}

function seedCases(app: AppContext, rng: Rng, now: Date, opts: DemoOptions, placements: DemoPlacement[], collectors: string[]): DemoSummary {
  const { db } = app;
  const perCase = opts.activitiesPerCase ?? 5;
  let activities = 0;
  const caseIds: string[] = [];
  for (let start = 0; start < opts.cases; start += BATCH) {
    const end = Math.min(opts.cases, start + BATCH);
    db.transaction(() => {
      for (let i = start; i < end; i++) {
        const frac = i / Math.max(1, opts.cases);
        const placement = frac < (placements[0]?.share ?? 0.5) ? placements[0] : frac < 0.75 ? placements[1] : placements[2];
        if (!placement) throw new Error('no placements');
        activities += seedCase(app, rng, now, placement, collectors[i % collectors.length] ?? '', i, perCase, caseIds);
      }
    })();
    opts.progress?.(end, opts.cases);
  }
  // Derived queue fields need the whole history in place; computed in batches after it.
  for (let start = 0; start < caseIds.length; start += BATCH) {
    db.transaction(() => {
      for (const id of caseIds.slice(start, start + BATCH)) refreshDerived(db, id, now);
    })();
  }
  // Work waiting for the supervisor: complaints and override requests, made through the services.
  seedReviewItems(app, rng, caseIds);
  return { users: collectors.length + 2, placements: placements.length, cases: opts.cases, activities, defaultUser: 'wang.fang' };
}

function seedCase(
  app: AppContext,
  rng: Rng,
  now: Date,
  p: DemoPlacement,
  assignee: string,
  index: number,
  perCase: number,
  caseIds: string[],
): number {
  const { db } = app;
  const created = new Date(now.getTime() - rng.int(20, 60) * DAY_MS).toISOString();
  const person = p.person(rng);
  const borrowerId = newId();
  const vulnerable = rng.chance(0.03) ? [rng.pick(['illness', 'bereavement', 'job_loss', 'mental_health'])] : [];
  casesRepo.insertBorrower(db, {
    id: borrowerId,
    full_name: person.name,
    national_id: person.nationalId,
    address: person.address,
    timezones_json: JSON.stringify(person.timezones),
    locale: person.locale,
    vulnerabilities_json: JSON.stringify(vulnerable),
    purged_at: null,
    created_at: created,
  });
  const mobileId = newId();
  const points: { id: string; kind: 'mobile' | 'email' | 'address' | 'phone'; party: 'borrower' | 'third_party'; relation: string; value: string; tz: string | null }[] = [
    { id: mobileId, kind: 'mobile', party: 'borrower', relation: 'self', value: person.mobile, tz: person.mobileZone },
    { id: newId(), kind: 'email', party: 'borrower', relation: 'self', value: person.email, tz: null },
    { id: newId(), kind: 'address', party: 'borrower', relation: 'self', value: person.address, tz: null },
    { id: newId(), kind: 'phone', party: 'third_party', relation: p.preset === 'cn' ? 'emergency_contact' : 'relative', value: person.relativePhone, tz: null },
  ];
  for (const cp of points) {
    casesRepo.insertContactPoint(db, {
      id: cp.id,
      borrower_id: borrowerId,
      kind: cp.kind,
      party: cp.party,
      relation: cp.relation,
      label: cp.party === 'third_party' ? person.relativeName : '',
      value: cp.value,
      timezone: cp.tz,
      opt_outs_json: cp.kind === 'email' && rng.chance(0.05) ? '["email"]' : '[]',
      invalid: 0,
      workplace_prohibited: 0,
      created_at: created,
    });
  }
  const major = p.currency === 'CNY' ? rng.int(2_000, 120_000) : rng.int(300, 25_000);
  const principal = major * 100 + rng.int(0, 99);
  const interest = Math.round(principal * rng.int(2, 15) / 100);
  const penalty = p.preset === 'cn' ? Math.round(principal * rng.int(0, 8) / 100) : 0;
  const fees = rng.chance(0.4) ? rng.int(0, 50) * 100 : 0;
  const dpd = rng.int(5, 240);
  const caseId = newId();
  const reference = `${p.prefix}-${String(100000 + index)}`;
  const flags = {
    dispute: rng.chance(0.02),
    cease: rng.chance(0.01),
    complaint: 0,
    hardship: vulnerable.length > 0,
  };
  casesRepo.insertCase(db, {
    id: caseId,
    placement_id: p.id,
    borrower_id: borrowerId,
    reference,
    currency: p.currency,
    principal_minor: principal,
    interest_minor: interest,
    penalty_minor: penalty,
    fees_minor: fees,
    due_since: new Date(now.getTime() - dpd * DAY_MS).toISOString().slice(0, 10),
    dpd,
    status: 'open',
    outcome: null,
    outcome_reason: null,
    assignee_id: assignee,
    next_action_at: rng.chance(0.3) ? new Date(now.getTime() + rng.int(-2, 7) * DAY_MS).toISOString() : null,
    next_action_note: null,
    flag_dispute: flags.dispute ? 1 : 0,
    flag_cease: flags.cease ? 1 : 0,
    flag_complaint: 0,
    flag_hardship: flags.hardship ? 1 : 0,
    flag_attorney: 0,
    flag_bankrupt: 0,
    flag_deceased: 0,
    recalled_at: null,
    priority: 0,
    next_contact_at: null,
    last_contact_at: null,
    promise_due: null,
    assessment_json: JSON.stringify({
      segment: rng.pick(['early_stage', 'persistent', 'high_balance', 'hardship_watch']),
      abilityToPay: rng.int(5, 95),
      notes: rng.pick(['首次逾期，还款意愿较好', 'Salary delayed; expects funds next month', 'Multiple loans with other lenders', '']),
    }),
    notice_json: JSON.stringify({
      kind: p.preset === 'us-regf' ? 'validation_notice' : 'lender_notice',
      sentAt: new Date(now.getTime() - rng.int(20, 40) * DAY_MS).toISOString(),
      channel: rng.pick(['letter', 'email', 'sms']),
    }),
    affordability_json: null,
    created_at: created,
    updated_at: created,
  });
  casesRepo.insertDebt(db, { id: newId(), case_id: caseId, reference: `${reference}-D1`, product: p.preset === 'cn' ? '消费贷' : 'Credit card' });
  if (rng.chance(0.1)) casesRepo.insertDebt(db, { id: newId(), case_id: caseId, reference: `${reference}-D2`, product: p.preset === 'cn' ? '信用卡' : 'Personal loan' });
  casesRepo.indexForSearch(db, caseId, reference, toIndexText(person.name), '');
  caseIds.push(caseId);

  // Prior work: attempts spread over the last weeks, never today (today's caps start fresh).
  const n = rng.int(0, perCase * 2);
  const debts = JSON.stringify([`${reference}-D1`]);
  for (let k = 0; k < n; k++) {
    const { result, outcome } = pickWeighted(rng);
    const at = pastDaytime(rng, now, rng.int(2, 28), OFFSETS[p.preset]);
    const id = newId();
    activitiesRepo.insert(db, {
      id,
      case_id: caseId,
      at,
      channel: 'call',
      direction: 'outbound',
      party: 'borrower',
      contact_point_id: mobileId,
      debts_json: debts,
      result,
      outcome,
      text: null,
      disclosure_confirmed: result === 'connected' ? 1 : 0,
      identity_verified: result === 'connected' ? 1 : 0,
      collectors: 1,
      collector_id: assignee,
      decision_id: null,
      source: 'local',
      created_at: at,
    });
    recordChange(app, { type: 'activity', id, caseId, placementId: p.id, at, body: { channel: 'call', result, outcome, debts: JSON.parse(debts) as string[], collectorId: assignee } });
    if (outcome === 'promise_to_pay') {
      const pid = newId();
      const due = new Date(Date.parse(at) + rng.int(1, 20) * DAY_MS).toISOString().slice(0, 10);
      const amount = Math.max(100, Math.round(principal / rng.int(3, 10)));
      const status = due < now.toISOString().slice(0, 10) ? (rng.chance(0.6) ? 'kept' : 'broken') : 'open';
      promisesRepo.insert(db, {
        id: pid,
        case_id: caseId,
        activity_id: id,
        amount_minor: amount,
        currency: p.currency,
        due_date: due,
        channel: 'call',
        status,
        created_by: assignee,
        created_at: at,
      });
      recordChange(app, { type: 'promise', id: pid, caseId, placementId: p.id, at, body: { amountMinor: amount, currency: p.currency, dueDate: due } });
      // A kept promise was kept by a payment: the lender reported it on or before the due date.
      if (status === 'kept') {
        const paidOn = new Date(Date.parse(`${due}T00:00:00Z`) - rng.int(0, 2) * DAY_MS).toISOString().slice(0, 10);
        const paymentId = newId();
        const paidAt = `${paidOn}T10:00:00.000Z` > at ? `${paidOn}T10:00:00.000Z` : at;
        // Not before the promise: the row and its chain record say the same day.
        const recordedOn = paidOn < at.slice(0, 10) ? at.slice(0, 10) : paidOn;
        promisesRepo.insertPayment(db, { id: paymentId, case_id: caseId, amount_minor: amount, currency: p.currency, paid_on: recordedOn, source: 'lender', reference: `LND-${reference}-${k}`, recorded_by: null, created_at: paidAt });
        recordChange(app, { type: 'payment', id: paymentId, caseId, placementId: p.id, at: paidAt, body: { amountMinor: amount, currency: p.currency, paidOn: recordedOn } });
        recordChange(app, { type: 'promise', id: pid, caseId, placementId: p.id, at: paidAt, body: { status: 'kept', amountMinor: amount, currency: p.currency } });
      }
    }
  }
  return n;
}
