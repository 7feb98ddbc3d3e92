/**
 * Cell text for reading on paper: amounts and counts with thousands separators (CSV keeps plain
 * exact decimals), wrapped two-language headers, and a totals row for sections that ask for one.
 */
import { minorToDecimalString, minorUnitDigits } from '../../../../common/domain/money/format';
import type { Cell, Column, ColumnType } from '../types';
import { cellText } from './cells';
import { estimateWidth, fitText } from './pdf-draw';

const isMoney = (c: Cell): c is { minor: number; currency: string } => typeof c === 'object' && c !== null && 'minor' in c;

/** "1234567.89" → "1,234,567.89" (string arithmetic: no float touches an amount). */
export function groupThousands(decimal: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!m) return decimal;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

export function pdfCellText(cell: Cell, type: ColumnType): string {
  if (isMoney(cell)) return groupThousands(minorToDecimalString(cell.minor, minorUnitDigits(cell.currency)));
  if (typeof cell === 'number' && type === 'int') return groupThousands(String(cell));
  return cellText(cell, type, true);
}

/**
 * A header in at most `maxLines` lines of the column's width: the Chinese words first, then the
 * English words, each line filled greedily; only the last line is shortened, with an ellipsis.
 */
export function wrapHeader(text: string, width: number, size: number, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && estimateWidth(next, size) > width) {
      lines.push(line);
      line = w;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fitText(lines.slice(maxLines - 1).join(' '), width, size);
    return kept;
  }
  return lines.map((l) => fitText(l, width, size));
}

/**
 * The totals row: counts summed; amounts summed when the column holds one currency (a column
 * mixing currencies has no total); rates and text left empty, the first cell says what the row is.
 */
export function totalsRow(columns: readonly Column[], rows: readonly Cell[][]): Cell[] {
  return columns.map((col, k): Cell => {
    if (k === 0) return '合计 Total';
    const cells = rows.map((r) => r[k] ?? null).filter((c) => c !== null);
    if (col.type === 'int') return cells.reduce<number>((s, c) => s + (typeof c === 'number' ? c : 0), 0);
    if (col.type === 'money') {
      const money = cells.filter(isMoney);
      const currencies = new Set(money.map((m) => m.currency));
      if (currencies.size !== 1) return null;
      return { minor: money.reduce((s, m) => s + m.minor, 0), currency: [...currencies][0]! };
    }
    return null;
  });
}
