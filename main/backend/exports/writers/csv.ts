/**
 * CSV: UTF-8 with a byte-order mark so Excel reads Chinese correctly, CRLF line ends, fields quoted
 * as RFC 4180 says (csv-text.ts, which also says why not csv-stringify). Kinds with several sections
 * write each under a title row, separated by a blank line. A section that offers its rows as CSV
 * records (csvRecords) is written from those, others from their cells.
 *
 * The text is encoded and written in 64 kB pieces with fs.writeSync (no stream, no write per row),
 * and hashed as it is written, so the manifest's digest needs no second read of the file.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { CHECK_EVERY, cellText, yieldToLoop } from './cells';
import { ExportCancelledError, type Section, type SectionResult } from '../types';
import { csvField, csvRecord, csvText } from './csv-text';

/**
 * Characters of CSV text gathered before they are joined, encoded, hashed and written. Small enough
 * that the lines die young (a scavenge, not a promotion to the old generation), large enough that a
 * million rows are a couple of thousand writes.
 */
const PIECE = 1 << 16;
/** Characters written between yields to the event loop (~1 MB). */
const YIELD_EVERY = 1 << 20;
const EOL = '\r\n';

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
  // Lines of the piece being gathered, each followed by an empty string to join as the line end.
  let lines: string[] = ['\uFEFF'];
  let chars = 0;
  let sinceYield = 0;
  const flush = (): void => {
    const piece = Buffer.from(lines.join(''), 'utf8');
    lines = [];
    sinceYield += chars;
    chars = 0;
    for (let at = 0; at < piece.length; ) at += fs.writeSync(fd, piece, at, piece.length - at);
    hash.update(piece);
    bytes += piece.length;
  };
  const results: SectionResult[] = [];
  let done = 0;
  try {
    for (const [i, s] of sections.entries()) {
      if (sections.length > 1) {
        if (i > 0) lines.push(EOL);
        lines.push(csvRecord([s.title]), EOL);
      }
      lines.push(csvRecord(s.columns.map((c) => c.header)), EOL);
      let n = 0;
      for (const record of s.csvRecords ? s.csvRecords() : recordsOf(s)) {
        lines.push(record, EOL);
        chars += record.length;
        n++;
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          onRow(done);
        }
        if (chars >= PIECE) {
          flush();
          if (sinceYield >= YIELD_EVERY) {
            sinceYield = 0;
            // Lets progress, cancel and other messages through when the export runs in-process.
            await yieldToLoop();
          }
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

/** A section's rows as CSV records, from its cells. */
export function* recordsOf(s: Section): Iterable<string> {
  const types = s.columns.map((c) => c.type);
  for (const row of s.rows()) {
    const fields = new Array<string>(row.length);
    for (let k = 0; k < row.length; k++) {
      const type = types[k] ?? 'text';
      const text = cellText(row[k] ?? null, type);
      fields[k] = type === 'text' ? csvText(text) : csvField(text);
    }
    yield fields.join(',');
  }
}
