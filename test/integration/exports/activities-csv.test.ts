/**
 * The activity log's CSV fast path on a real demo database with tricky values added:
 * its records are exactly what the generic path makes from the section's cells, masked and
 * unmasked; the written file parses back to those cells, carries the BOM and header, and its digest
 * is the file's; the listing reads the covering index in time order and never the table.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../common/ids';
import { databasePath } from '../../../main/backend';
import { openDatabase, type Db } from '../../../db/open';
import { exportListings } from '../../../db/repos/reporting';
import { Labels, type LabelUse } from '../../../main/backend/exports/labels';
import { activitySections } from '../../../main/backend/exports/sections/activities';
import { ExportCancelledError, type Section } from '../../../main/backend/exports/types';
import { cellText, CHECK_EVERY } from '../../../main/backend/exports/writers/cells';
import { recordsOf, writeCsv } from '../../../main/backend/exports/writers/csv';
import { periodParams } from '../../../main/backend/services/report-figures';
import { caseOf, userId } from '../supervisor/fixtures';
import { exportBackend, NOW, PERIOD } from './support';

let t: ReturnType<typeof exportBackend>;
let db: Db;
let lookupDb: Db;
let scope: string[];
const TRICKY_TEXT = '借款人说"下周还款",\nwill pay, next "week"\r\n=cmd|calc';

beforeAll(() => {
  t = exportBackend();
  const caseId = caseOf(t.db, 'zhang.wei', 'CN-2026-Q4');
  const collector = userId(t.db, 'zhang.wei');
  const { borrower_id: borrowerId } = t.db.prepare('SELECT borrower_id FROM cases WHERE id = ?').get(caseId) as { borrower_id: string };
  t.db.prepare('UPDATE borrowers SET full_name = ? WHERE id = ?').run('Smith, "Jack"\nJunior', borrowerId);
  const address = newId();
  t.db
    .prepare("INSERT INTO contact_points (id, borrower_id, kind, party, value, created_at) VALUES (?, ?, 'address', 'borrower', ?, ?)")
    .run(address, borrowerId, '1 Main St, "Apt 2"\nSpringfield 北京市朝阳区', NOW);
  const insert = t.db.prepare(
    `INSERT INTO activities (id, case_id, at, channel, direction, party, contact_point_id, result, outcome, text, collector_id, created_at)
     VALUES (?, ?, ?, 'visit', 'outbound', 'borrower', ?, 'connected', ?, ?, ?, ?)`,
  );
  insert.run(newId(), caseId, '2026-11-20T02:00:00.000Z', address, 'promise, "soon"', TRICKY_TEXT, collector, NOW);
  insert.run(newId(), caseId, '2026-11-20T02:00:00.000Z', null, '=1+2', '   ', collector, NOW);
  insert.run(newId(), caseId, '2026-11-21T02:00:00.000Z', null, '@home', '+86 138 0013 8000', collector, NOW);
  scope = (t.db.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id);
  db = openDatabase(databasePath(t.dataDir), { readonly: true });
  lookupDb = openDatabase(databasePath(t.dataDir), { readonly: true });
});
afterAll(() => {
  db.close();
  lookupDb.close();
  t.cleanup();
});

const params = () => periodParams(PERIOD, scope, NOW, 'UTC');
const sectionOf = (masked: boolean, use: LabelUse = 'csv') => {
  const s = activitySections(db, params(), new Labels(lookupDb, masked, use))[0];
  if (!s?.csvRecords) throw new Error('the activities section has no CSV records');
  return s;
};

describe('activities CSV', () => {
  for (const masked of [true, false]) {
    it(`${masked ? 'masked' : 'unmasked'}: the CSV records are exactly the generic records of the section's cells`, () => {
      const s = sectionOf(masked);
      const fast = [...(s.csvRecords?.() ?? [])];
      // Cells from labels kept whole (as XLSX and PDF keep them), records from CSV-only labels.
      const generic = [...recordsOf(sectionOf(masked, 'cells'))];
      expect(fast.length).toBe(s.total);
      expect(fast.length).toBeGreaterThan(200);
      expect(fast).toEqual(generic);
      const joined = fast.join('\r\n');
      // The tricky rows are there, quoted, and personal data shows only when unmasked.
      expect(joined).toContain('"promise, ""soon"""');
      expect(joined.includes('Smith, ""Jack""')).toBe(!masked);
      expect(joined.includes('"1 Main St, ""Apt 2""\nSpringfield 北京市朝阳区"')).toBe(!masked);
      expect(joined.includes('〔已隐去 redacted〕')).toBe(masked);
      // Text that a spreadsheet would run as a formula is written as text (apostrophe first).
      expect(joined).toContain(",'=1+2,");
      expect(joined).toContain(",'@home,");
      expect(joined.includes("'+86 138 0013 8000")).toBe(!masked);
      expect(joined).not.toMatch(/,=1\+2,/);
    });
  }

  it('writes a file that parses back to the cells, with BOM, header and the digest of its bytes', async () => {
    const s = sectionOf(false);
    const types = s.columns.map((c) => c.type);
    // Text cells a spreadsheet would run as formulas come back with their apostrophe (csvText).
    const asText = (text: string, type: string) => (type === 'text' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    const expected = [...sectionOf(false).rows()].map((row) => row.map((cell, k) => asText(cellText(cell, types[k] ?? 'text'), types[k] ?? 'text')));
    const file = path.join(t.dataDir, 'activities-test.csv');
    const result = await writeCsv([s], file, () => undefined, () => false);
    const bytes = fs.readFileSync(file);
    expect(result).toEqual({
      sections: [{ title: s.title, rows: expected.length }],
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records[0]).toEqual(s.columns.map((c) => c.header));
    expect(records.slice(1)).toEqual(expected);
    expect(records.some((r) => r.includes(TRICKY_TEXT))).toBe(true);
    expect(records.some((r) => r.includes('Smith, "Jack"\nJunior'))).toBe(true);
    expect(records.some((r) => r.includes("'=1+2"))).toBe(true);
    // Time order, as the export documents.
    const times = records.slice(1).map((r) => r[0] ?? '');
    expect(times).toEqual([...times].sort());
  });

  it('reports progress and stops when cancelled, closing the file', async () => {
    const synthetic: Section = {
      title: 'synthetic',
      columns: [{ header: 'n', type: 'int', width: 5 }],
      total: 5 * CHECK_EVERY,
      *rows() {
        for (let i = 0; i < 5 * CHECK_EVERY; i++) yield [i];
      },
    };
    const file = path.join(t.dataDir, 'cancelled.csv');
    const progress: number[] = [];
    await expect(writeCsv([synthetic], file, (n) => progress.push(n), () => progress.length >= 2)).rejects.toBeInstanceOf(ExportCancelledError);
    expect(progress).toEqual([CHECK_EVERY, 2 * CHECK_EVERY]);
    fs.rmSync(file); // closed: removable on every platform, as runExport does after a cancel
    const done: number[] = [];
    const result = await writeCsv([synthetic], file, (n) => done.push(n), () => false);
    expect(result.sections).toEqual([{ title: 'synthetic', rows: 5 * CHECK_EVERY }]);
    expect(done.at(-1)).toBe(5 * CHECK_EVERY);
    expect(fs.readFileSync(file, 'utf8').split('\r\n').slice(0, 3)).toEqual(['\uFEFFn', '0', '1']);
  });

  it('counts the rows and finds their contact points in one pass that agrees with count()', () => {
    let total = 0;
    const ids = new Set<string | null>();
    for (const [id, n] of exportListings.activities.contactPoints(db, params())) {
      total += n;
      ids.add(id);
    }
    expect(total).toBe(exportListings.activities.count(db, params()));
    const named = new Set([...exportListings.activities.iterate(db, params())].map((r) => r[6]));
    expect(ids).toEqual(named);
  });

  it('the listing walks the covering index in time order (no table lookup, no sort); activities_at is gone', () => {
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: params().from, to: params().to, scope: params().scope, placementId: null }) as { detail: string }[]).map((r) => r.detail);
    const rows = plan(exportListings.activities.sql.rows);
    expect(rows[0]).toMatch(/^SEARCH a USING COVERING INDEX activities_export \(at>\? AND at<\?\)$/);
    expect(rows.join(' | ')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(plan(exportListings.activities.sql.contactPoints).join(' | ')).toMatch(/COVERING INDEX activities_export/);
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'activities'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('activities_export');
    expect(indexes).not.toContain('activities_at');
  });
});
