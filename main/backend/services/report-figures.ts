/**
 * Turns the reporting aggregates into dashboard figures: per collector, per placement and for
 * the whole team. Shared by the dashboard and the performance/conduct exports (which run in a
 * worker with their own read-only connection), so it takes a Db and plain data, not a CallContext.
 */
import type { Money } from '../../../common/api/types';
import type { CollectorFigures, DashboardView, PerformanceFigures, PlacementFigures } from '../../../common/api/types-supervisor';
import type { Db } from '../../../db/open';
import { reportingRepo, type ReportParams } from '../../../db/repos/reporting';
import { dayIn, periodBounds } from '../../../common/domain/periods/days';
import { checkRecords } from './record-check';

/** Whole days of the agency's time zone, both ends inclusive, as the half-open bounds the queries use. */
export function periodParams(
  p: { from: string; to: string; placementId?: string | null | undefined },
  scope: readonly string[],
  now: string,
  timeZone: string,
): ReportParams {
  const bounds = periodBounds(p.from, p.to, timeZone);
  return {
    from: bounds.fromInstant,
    to: bounds.toInstant,
    fromDate: p.from,
    toDate: bounds.dayAfter,
    scope: JSON.stringify(scope),
    placementId: p.placementId ?? null,
    now,
  };
}

interface Tally {
  call: number;
  sms: number;
  email: number;
  letter: number;
  visit: number;
  rpc: number;
  made: number;
  due: number;
  kept: number;
  collected: Map<string, number>;
  warnings: number;
  blocks: number;
  overridesRequested: number;
  overridesApproved: number;
  complaintsOpened: number;
  complaintsOpen: number;
  complaintsOverdue: number;
}

const emptyTally = (): Tally => ({
  call: 0, sms: 0, email: 0, letter: 0, visit: 0, rpc: 0, made: 0, due: 0, kept: 0, collected: new Map(),
  warnings: 0, blocks: 0, overridesRequested: 0, overridesApproved: 0, complaintsOpened: 0, complaintsOpen: 0, complaintsOverdue: 0,
});

function add(into: Tally, t: Tally): void {
  for (const k of ['call', 'sms', 'email', 'letter', 'visit', 'rpc', 'made', 'due', 'kept', 'warnings', 'blocks', 'overridesRequested', 'overridesApproved', 'complaintsOpened', 'complaintsOpen', 'complaintsOverdue'] as const) {
    into[k] += t[k];
  }
  for (const [cur, minor] of t.collected) into.collected.set(cur, (into.collected.get(cur) ?? 0) + minor);
}

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function figuresOf(t: Tally): PerformanceFigures {
  const attempts = t.call + t.sms + t.email + t.letter + t.visit;
  const collected: Money[] = [...t.collected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
  return {
    attemptsByChannel: { call: t.call, sms: t.sms, email: t.email, letter: t.letter, visit: t.visit },
    attempts,
    rightPartyContacts: t.rpc,
    rightPartyRate: rate(t.rpc, attempts),
    promisesMade: t.made,
    promiseRate: rate(t.made, t.rpc),
    promisesDue: t.due,
    promisesKept: t.kept,
    promiseKeptRate: rate(t.kept, t.due),
    collected,
    guardrail: { warnings: t.warnings, blocks: t.blocks, overridesRequested: t.overridesRequested, overridesApproved: t.overridesApproved },
    complaints: { opened: t.complaintsOpened, open: t.complaintsOpen, overdue: t.complaintsOverdue },
  };
}

const hasAny = (t: Tally): boolean =>
  t.call + t.sms + t.email + t.letter + t.visit + t.rpc + t.made + t.due + t.warnings + t.blocks + t.overridesRequested + t.complaintsOpened + t.complaintsOpen > 0 ||
  t.collected.size > 0;

export interface DashboardRequest {
  from: string;
  to: string;
  placementId?: string | null | undefined;
  /** Everyone whose work counts (the supervisor and their team; every user for an admin). */
  scope: readonly string[];
  /** Collectors shown as rows even with no activity. */
  collectors: readonly string[];
  now: string;
  /** The agency's time zone: whose calendar days the period counts. */
  timeZone: string;
}

export function buildDashboard(db: Db, req: DashboardRequest): Omit<DashboardView, 'remote'> {
  const p = periodParams(req, req.scope, req.now, req.timeZone);
  const cells = new Map<string, { collectorId: string; placementId: string; t: Tally }>();
  const cell = (collectorId: string, placementId: string): Tally => {
    const key = `${collectorId}\u0000${placementId}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { collectorId, placementId, t: emptyTally() }));
    return c.t;
  };
  for (const r of reportingRepo.activities(db, p)) {
    const t = cell(r.collectorId, r.placementId);
    t.call += r.call; t.sms += r.sms; t.email += r.email; t.letter += r.letter; t.visit += r.visit; t.rpc += r.rpc;
  }
  for (const r of reportingRepo.decisions(db, p)) { const t = cell(r.collectorId, r.placementId); t.warnings += r.a; t.blocks += r.b; }
  for (const r of reportingRepo.promisesMade(db, p)) cell(r.collectorId, r.placementId).made += r.a;
  for (const r of reportingRepo.promisesDue(db, p)) { const t = cell(r.collectorId, r.placementId); t.due += r.a; t.kept += r.b; }
  for (const r of reportingRepo.overrides(db, p)) { const t = cell(r.collectorId, r.placementId); t.overridesRequested += r.a; t.overridesApproved += r.b; }
  for (const r of reportingRepo.payments(db, p)) {
    const t = cell(r.collectorId, r.placementId);
    t.collected.set(r.currency, (t.collected.get(r.currency) ?? 0) + r.minor);
  }
  for (const r of reportingRepo.complaintsOpened(db, p)) cell(r.collectorId, r.placementId).complaintsOpened += r.a;
  for (const r of reportingRepo.complaintsOpen(db, p)) { const t = cell(r.collectorId, r.placementId); t.complaintsOpen += r.a; t.complaintsOverdue += r.b; }

  const byCollector = new Map<string, Tally>(req.collectors.map((id) => [id, emptyTally()]));
  const byPlacement = new Map<string, Tally>();
  const team = emptyTally();
  for (const c of cells.values()) {
    let ct = byCollector.get(c.collectorId);
    if (!ct) byCollector.set(c.collectorId, (ct = emptyTally()));
    add(ct, c.t);
    let pt = byPlacement.get(c.placementId);
    if (!pt) byPlacement.set(c.placementId, (pt = emptyTally()));
    add(pt, c.t);
    add(team, c.t);
  }

  const users = new Map(reportingRepo.users(db).map((u) => [u.id, u]));
  const shown = new Set(req.collectors);
  const collectors: CollectorFigures[] = [...byCollector.entries()]
    .filter(([id, t]) => shown.has(id) || hasAny(t))
    .map(([id, t]) => {
      const u = users.get(id);
      return { collector: { id, username: u?.username ?? id, displayName: u?.display_name ?? id }, ...figuresOf(t) };
    })
    .sort((a, b) => a.collector.username.localeCompare(b.collector.username));

  const placements: PlacementFigures[] = reportingRepo
    .placements(db)
    .filter((pl) => (req.placementId ? pl.id === req.placementId : true))
    .map((pl) => {
      const f = figuresOf(byPlacement.get(pl.id) ?? emptyTally());
      const collectedMinor = f.collected.find((m) => m.currency === pl.currency)?.minor ?? 0;
      return {
        placement: { id: pl.id, code: pl.code, name: pl.name, currency: pl.currency },
        ...f,
        collectedMinor,
        targetMinor: pl.target_minor,
        targetProgress: rate(collectedMinor, pl.target_minor),
      };
    });

  return {
    period: { from: req.from, to: req.to },
    placementId: req.placementId ?? null,
    source: 'local',
    asOf: req.now,
    timeZone: req.timeZone,
    today: dayIn(req.now, req.timeZone),
    collectors,
    placements,
    team: figuresOf(team),
    integrity: checkRecords(db, p),
  };
}
