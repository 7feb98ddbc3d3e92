/** The live "today" panel's arithmetic: a placement's daily pace against its target. Pure. */

const DAY_MS = 86_400_000;

/** Calendar days from start to end, both included (at least 1). */
export function placementDays(startDate: string, endDate: string): number {
  const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS) + 1;
  return Number.isFinite(days) && days > 0 ? days : 1;
}

/** The target spread evenly over the placement's days, in minor units (rounded up: a pace to meet it). */
export function dailyTarget(targetMinor: number, startDate: string, endDate: string): number {
  return Math.ceil(targetMinor / placementDays(startDate, endDate));
}

/** collected / daily target; null when there is no target. */
export function paceOf(collectedMinor: number, dailyTargetMinor: number): number | null {
  return dailyTargetMinor > 0 ? collectedMinor / dailyTargetMinor : null;
}
