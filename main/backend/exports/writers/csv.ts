/**
 * CSV: UTF-8 with a byte-order mark so Excel reads Chinese correctly. Streams through
 * csv-stringify into the file with backpressure: a million rows never sit in memory. Kinds with
 * several sections write each under a title row, separated by a blank line.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from './files';
import { stringify } from 'csv-stringify';
import { CHECK_EVERY, cellText } from './cells';
import { ExportCancelledError, type Section, type SectionResult } from '../types';

export async function writeCsv(
  sections: readonly Section[],
  file: string,
  onRow: (rowsDone: number) => void,
  isCancelled: () => boolean,
): Promise<SectionResult[]> {
  const out = fs.createWriteStream(file);
  const csv = stringify({ record_delimiter: '\r\n' });
  csv.pipe(out);
  const closed = finished(out);
  const results: SectionResult[] = [];
  let done = 0;
  const write = async (record: string[]): Promise<void> => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  try {
    out.write('\uFEFF');
    for (const [i, s] of sections.entries()) {
      if (sections.length > 1) {
        if (i > 0) await write([]);
        await write([s.title]);
      }
      await write(s.columns.map((c) => c.header));
      const types = s.columns.map((c) => c.type);
      let n = 0;
      for (const row of s.rows()) {
        const record = new Array<string>(row.length);
        for (let k = 0; k < row.length; k++) record[k] = cellText(row[k] ?? null, types[k] ?? 'text');
        // Inline rather than `await write()`: one less promise per row on the hot path.
        if (!csv.write(record)) await once(csv, 'drain');
        n++;
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          onRow(done);
        }
      }
      results.push({ title: s.title, rows: n });
    }
    csv.end();
    await closed;
    onRow(done);
    return results;
  } catch (err) {
    csv.destroy();
    out.destroy();
    await closed.catch(() => undefined);
    throw err;
  }
}
