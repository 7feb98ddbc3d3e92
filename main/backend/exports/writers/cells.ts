/** How a cell reads as text (CSV, PDF). Money keeps exact decimals from integer minor units. */
import { minorToDecimalString, minorUnitDigits } from '../../../../common/domain/money/format';
import type { Money } from '../../../../common/api/types';
import type { Cell, ColumnType } from '../types';

export const isMoney = (c: Cell): c is Money => typeof c === 'object' && c !== null;

/** `compact` (PDF tables): instants as "2026-11-25 03:00:00" to fit a column; CSV keeps full ISO-8601. */
export function cellText(cell: Cell, type: ColumnType, compact = false): string {
  if (cell === null) return '';
  if (compact && type === 'instant' && typeof cell === 'string') return cell.slice(0, 19).replace('T', ' ');
  if (isMoney(cell)) return minorToDecimalString(cell.minor, minorUnitDigits(cell.currency));
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number') return type === 'percent' ? `${(cell * 100).toFixed(2)}%` : String(cell);
  return cell;
}

/** Major units as a number, for spreadsheet cells (display only; the CSV keeps exact decimals). */
export function moneyMajor(m: Money): number {
  return m.minor / 10 ** minorUnitDigits(m.currency);
}

export function moneyFormat(currency: string): string {
  const digits = minorUnitDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/** Rows between checks for cancellation and yields to the event loop (progress, I/O, messages). */
export const CHECK_EVERY = 2_000;

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
