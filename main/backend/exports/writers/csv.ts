/**
 * CSV: UTF-8 with a byte-order mark so Excel reads Chinese correctly, CRLF line ends, fields quoted
 * as RFC 4180 says (csv-text.ts, which also says why not csv-stringify). Kinds with several sections
 * write each under a title row, separated by a blank line. A section that offers its rows as CSV
 * records (csvRecords) is written from those, others from their cells; a section split across
 * threads (split/) has the other thread's rows appended after its own.
 *
 * The text is written in 64 kB pieces and hashed as it is written (csv-pieces.ts), so the
 * manifest's digest needs no second read of the file.
 */
import fs from 'node:fs';
import { CHECK_EVERY, cellText, yieldToLoop } from './cells';
import { ExportCancelledError, type CsvPart, type Section, type SectionResult } from '../types';
import { CsvPieces, EOL } from './csv-pieces';
import { csvField, csvRecord, csvText } from './csv-text';

/** Characters written between yields to the event loop (~1 MB). */
const YIELD_EVERY = 1 << 20;
/** How often progress and cancel are looked at while another thread finishes its part. */
const PART_POLL_MS = 50;

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
  const out = new CsvPieces(fd, true);
  const results: SectionResult[] = [];
  let done = 0;
  try {
    out.text('\uFEFF');
    for (const [i, s] of sections.entries()) {
      if (sections.length > 1) {
        if (i > 0) out.text(EOL);
        out.text(csvRecord([s.title]) + EOL);
      }
      out.text(csvRecord(s.columns.map((c) => c.header)) + EOL);
      const part = s.csvAfter;
      // Rows another thread has written for this section count as done too.
      const report = (): void => onRow(done + (part ? part.rowsDone() : 0));
      let n = 0;
      let sinceYield = 0;
      for (const record of s.csvRecords ? s.csvRecords() : recordsOf(s)) {
        out.record(record);
        n++;
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          report();
          sinceYield += out.takeFlushed();
          if (sinceYield >= YIELD_EVERY) {
            sinceYield = 0;
            // Lets progress, cancel and other messages through when the export runs in-process.
            await yieldToLoop();
          }
        }
      }
      if (part) {
        const tail = await finishedPart(part, () => {
          if (isCancelled()) throw new ExportCancelledError();
          report();
        });
        out.appendFile(tail.file);
        n += tail.rows;
        done += tail.rows;
      }
      results.push({ title: s.title, rows: n });
    }
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
  onRow(done);
  return { sections: results, sha256: out.digest(), bytes: out.bytes };
}

/** Waits for a part, looking at progress and cancel meanwhile (`tick` throws to stop waiting). */
async function finishedPart(part: CsvPart, tick: () => void): Promise<{ file: string; rows: number }> {
  const finished = part.finished();
  for (;;) {
    tick();
    let timer: NodeJS.Timeout | undefined;
    const polled = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PART_POLL_MS)));
    const tail = await Promise.race([finished, polled]);
    clearTimeout(timer);
    if (tail) return tail;
  }
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
