/**
 * The export's CSV text (main/backend/exports/writers/csv-text.ts) replaced csv-stringify on the
 * hot path: it must write what csv-stringify writes for the same records (quoting every CR and LF,
 * csv-stringify's quote_record_delimiter), and csv-parse must read back exactly the fields.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, csvText, csvTextRecord } from '../../../main/backend/exports/writers/csv-text';

const STRINGIFY = { record_delimiter: '\r\n', quote_record_delimiter: true } as const;
const ours = (records: string[][]): string => records.map((r) => `${csvRecord(r)}\r\n`).join('');

const TRICKY = [
  '',
  'plain',
  'a,b',
  'say "hi"',
  '"',
  '""',
  ',',
  'line\nbreak',
  'carriage\rreturn',
  'crlf\r\nend',
  '\n',
  ' leading and trailing ',
  '张伟 Zhang Wei',
  '借款人说"下周还款", will pay next week',
  '〔已隐去 redacted〕',
  '=1+2',
  '+86 138****5678',
  '-12.50',
  '@SUM(A1:A2)',
  '=HYPERLINK("http://x","y")',
  '\t=tab',
  '😀 emoji, and more',
  '1234.56',
  'yes',
];

describe('CSV text', () => {
  it('writes tricky values byte for byte as csv-stringify does, and csv-parse reads them back', () => {
    const records = [TRICKY, [...TRICKY].reverse(), TRICKY.map((v) => `${v}${v}`), ['only one'], ['']];
    const text = ours(records);
    expect(text).toBe(stringify(records, STRINGIFY));
    expect(parse(text, { relax_column_count: true })).toEqual(records);
  });

  it('quotes exactly the fields that hold a comma, a double quote, CR or LF', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField('=1+2')).toBe('=1+2');
    expect(csvField('张伟')).toBe('张伟');
    expect(csvField('')).toBe('');
  });

  it('writes text a spreadsheet would run as a formula as text, and leaves other text and non-text cells alone', () => {
    expect(csvText('=1+2')).toBe("'=1+2");
    expect(csvText('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvText('+86 138 0013 8000')).toBe("'+86 138 0013 8000");
    expect(csvText('-5')).toBe("'-5");
    expect(csvText('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvText('\tcmd')).toBe("'\tcmd");
    expect(csvText('\rcmd')).toBe('"\'\rcmd"');
    expect(csvText('a=b')).toBe('a=b');
    expect(csvText('张伟')).toBe('张伟');
    expect(csvText('')).toBe('');
    expect(csvTextRecord(['=x', 'y', '-1'])).toBe("'=x,y,'-1");
    expect(parse(`${csvText('=HYPERLINK("http://x","y")')}\r\n`)).toEqual([["'=HYPERLINK(\"http://x\",\"y\")"]]);
    // Amounts and instants are not text cells: the writer keeps csvField for them.
    expect(csvField('-12.50')).toBe('-12.50');
  });

  it('a lone line break inside a field stays inside its record (the csv-stringify options it replaces split it)', () => {
    const record = ['2026-11-20T02:00:00.000Z', 'first line\nsecond line', 'x'];
    expect(parse(ours([record]))).toEqual([record]);
    // What the writer used to call: record_delimiter '\r\n' alone quotes only a whole CRLF.
    const before = stringify([record], { record_delimiter: '\r\n' });
    expect(parse(before, { relax_column_count: true })).not.toEqual([record]);
  });

  it('agrees with csv-stringify and round-trips through csv-parse on arbitrary strings', () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '张', '伟', '😀', '\t'), maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (records) => {
        const text = ours(records);
        expect(text).toBe(stringify(records, STRINGIFY));
        expect(parse(text, { relax_column_count: true })).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});
