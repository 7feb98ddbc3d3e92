/**
 * CSV (RFC 4180): UTF-8 with a byte-order mark so Excel reads Chinese correctly, CRLF between
 * records, a field quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside).
 * Kinds with several sections write each under a title row, separated by a blank line.
 *
 * Lines are built here rather than by csv-stringify. The quoting rule above is the whole of what
 * csv-stringify did for us (string fields, default options), and its per-record machinery (cast
 * hooks, option objects, a [value, field] pair per cell) cost more than the rest of the write:
 * ~2.5 s of a 1,000,000-row export whose target is 5 s (issue #7). test/unit/exports/csv.test.ts
 * checks this writer byte for byte against csv-stringify, and round-trips it through csv-parse, on
 * tricky values (quotes, commas, CR/LF, CJK, leading = + - @). One deliberate difference: with
 * record_delimiter '\r\n', csv-stringify left a lone '\n' or '\r' unquoted (it then only quotes the
 * full '\r\n'), which split a note with a line break across two records; here it is quoted.
 *
 * The text is encoded and written in ~1 MB pieces with fs.writeSync (no stream, no per-row write),
 * and hashed as it is written, so the manifest's digest needs no second read of the file.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { CHECK_EVERY, cellText, yieldToLoop } from './cells';
import { ExportCancelledError, type Section, type SectionResult } from '../types';

/** Characters of CSV text gathered before they are encoded and written (~1 MB). */
const PIECE = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;
const EOL = '\r\n';

/** One field as RFC 4180 writes it. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** One record, without its line end. */
export function csvRecord(values: readonly string[]): string {
  let line = '';
  for (let k = 0; k < values.length; k++) line += k === 0 ? csvField(values[k] ?? '') : `,${csvField(values[k] ?? '')}`;
  return line;
}

export interface CsvResult {
  sections: SectionResult[];
  /** Of the bytes written, which are the whole file. */
  sha256: string;
  bytes: number;
}

export async function writeCsv(
  sections: readonly Section[],
  file: string,
  onRow: (rowsDone: number) => void,
  isCancelled: () => boolean,
): Promise<CsvResult> {
  const fd = fs.openSync(file, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  let text = '\uFEFF';
  const flush = (): void => {
    const piece = Buffer.from(text, 'utf8');
    text = '';
    for (let at = 0; at < piece.length; ) at += fs.writeSync(fd, piece, at, piece.length - at);
    hash.update(piece);
    bytes += piece.length;
  };
  const results: SectionResult[] = [];
  let done = 0;
  try {
    for (const [i, s] of sections.entries()) {
      if (sections.length > 1) {
        if (i > 0) text += EOL;
        text += csvRecord([s.title]) + EOL;
      }
      text += csvRecord(s.columns.map((c) => c.header)) + EOL;
      const types = s.columns.map((c) => c.type);
      let n = 0;
      for (const row of s.rows()) {
        let line = '';
        for (let k = 0; k < row.length; k++) {
          const field = csvField(cellText(row[k] ?? null, types[k] ?? 'text'));
          line += k === 0 ? field : `,${field}`;
        }
        text += line + EOL;
        n++;
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          onRow(done);
        }
        if (text.length >= PIECE) {
          flush();
          // Lets progress, cancel and other messages through when the export runs in-process.
          await yieldToLoop();
        }
      }
      results.push({ title: s.title, rows: n });
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  onRow(done);
  return { sections: results, sha256: hash.digest('hex'), bytes };
}
