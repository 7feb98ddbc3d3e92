import { z } from 'zod';
import { method } from '../method';
import { Empty, Id, IsoDate } from '../schemas';
import type { DashboardView, TeamMember } from '../types-supervisor';

const DAY_MS = 86_400_000;
/** Longest period a dashboard or export may span: five years keeps every query bounded. */
export const MAX_PERIOD_DAYS = 5 * 366;

/**
 * A reporting period of whole UTC calendar days, both ends inclusive (`to` = the last day counted).
 * Shared by the dashboard and the exports so both count the same rows.
 */
export const PeriodFields = {
  from: IsoDate,
  to: IsoDate,
  placementId: Id.optional(),
};

export function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (v.from > v.to) {
    ctx.addIssue({ code: 'custom', message: `the period must start on or before its last day (from ${v.from} is after to ${v.to})`, path: ['to'] });
    return;
  }
  const days = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', message: `the period may span at most ${MAX_PERIOD_DAYS} days, not ${days}`, path: ['to'] });
}

export const DashboardInput = z.strictObject(PeriodFields).superRefine(checkPeriod);

export const supervisor = {
  dashboard: method<DashboardView>()(DashboardInput, {
    roles: ['supervisor', 'admin'],
    description:
      'Team figures for a period, per collector and per placement: attempts by channel, right-party contacts, promises and their rates, money collected vs target, guardrail warnings/blocks/overrides, complaints open and overdue.',
  }),
  team: method<TeamMember[]>()(Empty, {
    roles: ['supervisor', 'admin'],
    description: "The supervisor's collectors (an admin sees every collector).",
  }),
};
