import { describe, expect, it } from 'vitest';
import { groupThousands, pdfCellText, totalsRow, wrapHeader } from '../../../main/backend/exports/writers/pdf-cells';
import { estimateWidth } from '../../../main/backend/exports/writers/pdf-draw';
import type { Column } from '../../../main/backend/exports/types';

describe('PDF cells', () => {
  it('group thousands in amounts and counts, exactly, and leave rates alone', () => {
    expect(groupThousands('1234567.89')).toBe('1,234,567.89');
    expect(groupThousands('-1000')).toBe('-1,000');
    expect(groupThousands('999.00')).toBe('999.00');
    expect(pdfCellText({ minor: 123_456_789_01, currency: 'CNY' }, 'money')).toBe('123,456,789.01');
    expect(pdfCellText({ minor: 1_234_567, currency: 'JPY' }, 'money')).toBe('1,234,567');
    expect(pdfCellText(12_345, 'int')).toBe('12,345');
    expect(pdfCellText(0.5, 'percent')).toBe('50.00%');
  });

  it('wrap a two-language header into the column, Chinese first, never wider than the column', () => {
    const size = 7.5;
    for (const [header, width] of [['回款 Collected CNY', 58], ['承诺率 Promise rate', 38], ['申请豁免 Overrides requested', 45], ['护栏决定 Guardrail warnings and blocks per collector', 40]] as const) {
      const lines = wrapHeader(header, width, size);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const l of lines) expect(estimateWidth(l, size), `${header}: ${l}`).toBeLessThanOrEqual(width);
    }
    expect(wrapHeader('回款 Collected CNY', 58, size)).toEqual(['回款 Collected', 'CNY']);
  });

  it('total counts and single-currency amounts; a column of mixed currencies and rates have none', () => {
    const columns: Column[] = [
      { header: 'Who', type: 'text', width: 1 },
      { header: 'Calls', type: 'int', width: 1 },
      { header: 'Rate', type: 'percent', width: 1 },
      { header: 'USD', type: 'money', width: 1 },
      { header: 'Mixed', type: 'money', width: 1 },
    ];
    const rows = [
      ['a', 1200, 0.5, { minor: 150, currency: 'USD' }, { minor: 1, currency: 'USD' }],
      ['b', 34, 0.25, { minor: 99_850, currency: 'USD' }, { minor: 2, currency: 'GBP' }],
    ];
    expect(totalsRow(columns, rows)).toEqual(['合计 Total', 1234, null, { minor: 100_000, currency: 'USD' }, null]);
  });
});
