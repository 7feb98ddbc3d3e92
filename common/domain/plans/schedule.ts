/**
 * An installment schedule: a total split into N installments of whole minor units (the remainder
 * goes to the last one, so the sum is exact), due every week, fortnight or month from a first date.
 * Month steps keep the day of month, clamped to the month's end (31 Jan → 28/29 Feb → 31 Mar).
 */
export type Frequency = 'weekly' | 'fortnightly' | 'monthly';

export interface ScheduledInstallment {
  seq: number;
  dueDate: string; // YYYY-MM-DD
  amountMinor: number;
}

function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function buildSchedule(totalMinor: number, count: number, firstDueDate: string, frequency: Frequency): ScheduledInstallment[] {
  if (!Number.isSafeInteger(totalMinor) || totalMinor <= 0) throw new RangeError('the total must be a positive whole number of minor units');
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new RangeError('between 1 and 120 installments');
  if (totalMinor < count) throw new RangeError('the total is smaller than one minor unit per installment');
  const base = Math.floor(totalMinor / count);
  const out: ScheduledInstallment[] = [];
  for (let i = 0; i < count; i++) {
    const dueDate =
      frequency === 'monthly' ? addMonthsClamped(firstDueDate, i) : addDays(firstDueDate, i * (frequency === 'weekly' ? 7 : 14));
    out.push({ seq: i + 1, dueDate, amountMinor: i === count - 1 ? totalMinor - base * (count - 1) : base });
  }
  return out;
}
