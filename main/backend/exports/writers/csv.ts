/**
 * CSV: UTF-8 with a byte-order mark so Excel reads Chinese correctly. Rows are quoted by
 * csv-stringify in batches of BATCH records and streamed into the file with backpressure, so a
 * million rows never sit in memory (a batch is a few hundred kB); batching keeps the per-record
 * stream overhead off the hot path. Kinds with several sections write each under a title row,
 * separated by a blank line.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { CHECK_EVERY, cellText } from './cells';
import { finished } from './files';
import { ExportCancelledError, type Section, type SectionResult } from '../types';

const BATCH = 1_000;
const OPTIONS = { record_delimiter: '\r\n' } as const;

export async function writeCsv(
  sections: readonly Section[],
  file: string,
  onRow: (rowsDone: number) => void,
  isCancelled: () => boolean,
): Promise<SectionResult[]> {
  const out = fs.createWriteStream(file);
  const closed = finished(out);
  const flush = async (records: string[][]): Promise<void> => {
    if (records.length === 0) return;
    if (!out.write(stringify(records, OPTIONS))) await once(out, 'drain');
    records.length = 0;
  };
  const results: SectionResult[] = [];
  let done = 0;
  try {
    out.write('\uFEFF');
    const batch: string[][] = [];
    for (const [i, s] of sections.entries()) {
      if (sections.length > 1) {
        if (i > 0) batch.push([]);
        batch.push([s.title]);
      }
      batch.push(s.columns.map((c) => c.header));
      const types = s.columns.map((c) => c.type);
      let n = 0;
      for (const row of s.rows()) {
        const record = new Array<string>(row.length);
        for (let k = 0; k < row.length; k++) record[k] = cellText(row[k] ?? null, types[k] ?? 'text');
        batch.push(record);
        n++;
        if (batch.length >= BATCH) await flush(batch);
        if (++done % CHECK_EVERY === 0) {
          if (isCancelled()) throw new ExportCancelledError();
          onRow(done);
        }
      }
      results.push({ title: s.title, rows: n });
    }
    await flush(batch);
    out.end();
    await closed;
    onRow(done);
    return results;
  } catch (err) {
    out.destroy();
    await closed.catch(() => undefined);
    throw err;
  }
}
