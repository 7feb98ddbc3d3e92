/** Dashboard figures for display and for the charts: rates, ratios, chart rows. Pure. */
import type { AttemptChannel, CollectorFigures, PerformanceFigures, PlacementFigures } from '../../../common/api/types-supervisor';

export const CHANNELS = ['call', 'sms', 'email', 'letter', 'visit'] as const satisfies readonly AttemptChannel[];

const percentCache = new Map<string, Intl.NumberFormat>();

/** A rate (0.1234) as the locale writes a percentage ("12.3%"); "—" when there is nothing to divide by. */
export function formatRate(rate: number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  let f = percentCache.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    percentCache.set(locale, f);
  }
  return f.format(rate);
}

/** A rate as a whole-ish percentage number for a chart axis (0.1234 → 12.3); null stays null. */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(locale);
}

/** How overdue complaints compare with open ones: "attention" when any is overdue. */
export function complaintsTone(c: PerformanceFigures['complaints']): 'ok' | 'care' | 'severe' {
  if (c.overdue > 0) return 'severe';
  if (c.open > 0) return 'care';
  return 'ok';
}

export interface AttemptsRow {
  name: string;
  call: number;
  sms: number;
  email: number;
  letter: number;
  visit: number;
}

/** One stacked bar per collector: attempts split by channel. */
export function attemptsChartRows(collectors: readonly CollectorFigures[]): AttemptsRow[] {
  return collectors.map((c) => ({ name: c.collector.displayName, ...c.attemptsByChannel }));
}

export interface TargetRow {
  name: string;
  /** Collected as a percentage of the target; 0 when there is no target (the table says so). */
  progress: number;
  hasTarget: boolean;
}

/**
 * One bar per placement: collected as a share of target. A share, not an amount, so placements in
 * different currencies can stand on one axis.
 */
export function targetChartRows(placements: readonly PlacementFigures[]): TargetRow[] {
  return placements.map((p) => ({
    name: p.placement.code,
    progress: ratePercent(p.targetProgress) ?? 0,
    hasTarget: p.targetProgress !== null,
  }));
}

export interface ConductRow {
  name: string;
  warnings: number;
  blocks: number;
  overridesRequested: number;
  overridesApproved: number;
  complaintsOpened: number;
  complaintsOverdue: number;
}

/** Guardrail and complaint events per collector. */
export function conductChartRows(collectors: readonly CollectorFigures[]): ConductRow[] {
  return collectors.map((c) => ({
    name: c.collector.displayName,
    warnings: c.guardrail.warnings,
    blocks: c.guardrail.blocks,
    overridesRequested: c.guardrail.overridesRequested,
    overridesApproved: c.guardrail.overridesApproved,
    complaintsOpened: c.complaints.opened,
    complaintsOverdue: c.complaints.overdue,
  }));
}

/** Whether any figure in a list of chart rows is non-zero (an all-zero chart says "nothing yet" instead). */
export function anyNonZero(rows: readonly object[]): boolean {
  return rows.some((r) => Object.values(r).some((v) => typeof v === 'number' && v !== 0));
}

/** Minutes between an `asOf` instant and now, floored; null when asOf is not an instant. */
export function ageMinutes(asOf: string, now: Date): number | null {
  const t = Date.parse(asOf);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now.getTime() - t) / 60_000));
}
