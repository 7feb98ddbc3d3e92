/**
 * The work-queue priority: a documented, explainable score. Higher is worked first.
 *
 *   balance     up to 40 points  log10 of the balance in major units (¥/$ 10 → 10, 1,000 → 30, 100,000 → 50, capped)
 *   dpd         up to 25 points  early buckets score higher: a case caught at M1 is worth more than one at M6
 *   promise     25 points        a promise or installment due today or overdue (keep promises front of mind)
 *               10 points        one due within 3 days
 *   recency     up to 10 points  days since the last contact (0 today → 10 after 10+ days), spreading effort
 *
 * "Contactable now" is not in the stored score: it changes with the clock, so the queue orders by it
 * first and by this score second.
 */
export interface PriorityInput {
  balanceMinor: number;
  minorPerMajor: number;
  dpd: number;
  promiseDue: string | null; // YYYY-MM-DD
  lastContactAt: string | null; // ISO instant
  today: string; // YYYY-MM-DD in the agency's calendar
  now: Date;
}

export interface PriorityPart {
  factor: 'balance' | 'dpd' | 'promise' | 'recency';
  points: number;
}

const DAY_MS = 86_400_000;

export function priorityParts(p: PriorityInput): PriorityPart[] {
  const major = Math.max(1, p.balanceMinor / Math.max(1, p.minorPerMajor));
  const balance = Math.min(40, Math.round(Math.log10(major) * 10 - 0));
  const dpdPoints = p.dpd <= 0 ? 0 : Math.max(5, 25 - Math.floor((p.dpd - 1) / 30) * 4);
  let promise = 0;
  if (p.promiseDue !== null) {
    const days = (Date.parse(`${p.promiseDue}T00:00:00Z`) - Date.parse(`${p.today}T00:00:00Z`)) / DAY_MS;
    promise = days <= 0 ? 25 : days <= 3 ? 10 : 0;
  }
  const sinceDays = p.lastContactAt === null ? 10 : (p.now.getTime() - Date.parse(p.lastContactAt)) / DAY_MS;
  const recency = Math.max(0, Math.min(10, Math.floor(sinceDays)));
  return [
    { factor: 'balance', points: Math.max(0, balance) },
    { factor: 'dpd', points: dpdPoints },
    { factor: 'promise', points: promise },
    { factor: 'recency', points: recency },
  ];
}

export function priorityScore(p: PriorityInput): number {
  return priorityParts(p).reduce((sum, part) => sum + part.points, 0);
}
