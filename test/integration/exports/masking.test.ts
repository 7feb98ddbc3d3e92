/**
 * Masking in every export: each kind × format (CSV, XLSX, PDF read back with pdftotext) holds no
 * borrower name, phone number or national id unless unmasked with a reason — and unmasked with a
 * reason, the personal data is really there (so the masked check is not vacuous).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import { missing } from '../../support/tools';
import { exportBackend, pdfText, PERIOD, runJob } from './support';

const KINDS = ['activities', 'ledger', 'conduct', 'performance'] as const;
const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

let t: ReturnType<typeof exportBackend>;
let names: string[];
let phones: string[];
let ids: string[];

beforeAll(() => {
  t = exportBackend({}, 60);
  // Names shared with a user (who is named in every export as its author) are not borrower data.
  const users = new Set((t.db.prepare('SELECT display_name FROM users').all() as { display_name: string }[]).map((u) => u.display_name));
  names = (t.db.prepare('SELECT full_name FROM borrowers').all() as { full_name: string }[]).map((r) => r.full_name).filter((n) => n.length >= 2 && ![...users].some((u) => u.includes(n)));
  phones = (t.db.prepare("SELECT value FROM contact_points WHERE kind IN ('mobile', 'phone')").all() as { value: string }[]).map((r) => r.value);
  ids = (t.db.prepare("SELECT national_id FROM borrowers WHERE national_id != ''").all() as { national_id: string }[]).map((r) => r.national_id);
}, 120_000);
afterAll(() => t.cleanup());

async function textOf(job: ExportJobView, format: (typeof FORMATS)[number]): Promise<string> {
  const file = job.file ?? '';
  if (format === 'csv') return fs.readFileSync(file, 'utf8');
  if (format === 'pdf') return pdfText(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? cell.value ?? '')))));
  return out.join('\n');
}

/** Personal data found in a text: whole names, phone numbers (spacing ignored) and national ids. */
function personalData(text: string): string[] {
  const flat = text.replace(/\s+/g, '');
  return [
    ...names.filter((n) => text.includes(n)),
    ...phones.filter((p) => p.replace(/\s+/g, '').length >= 7 && flat.includes(p.replace(/\s+/g, ''))),
    ...ids.filter((i) => flat.includes(i)),
  ];
}

describe('every export kind × format is masked by default', () => {
  it('the demo holds personal data to look for', () => {
    expect(names.length).toBeGreaterThan(20);
    expect(phones.length).toBeGreaterThan(20);
  });

  for (const kind of KINDS) {
    for (const format of FORMATS) {
      const needs = format === 'pdf' ? missing('pdftotext') : false;
      it.skipIf(needs)(`${kind} ${format}: no name, phone or id`, async () => {
        const job = await runJob(t, { kind, format, ...PERIOD });
        expect(job).toMatchObject({ state: 'done', masked: true });
        const text = await textOf(job, format);
        expect(text.length).toBeGreaterThan(20);
        expect(personalData(text)).toEqual([]);
      }, 60_000);
    }
  }
});

describe('unmasked with a reason, the personal data is there and the reveal is audited', () => {
  for (const format of FORMATS) {
    it.skipIf(format === 'pdf' && missing('pdftotext'))(`activities ${format}`, async () => {
      const audits = (t.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      const job = await runJob(t, { kind: 'activities', format, ...PERIOD, unmask: { reason: 'court order 2026/118 for the file' } });
      expect(job).toMatchObject({ state: 'done', masked: false });
      expect(personalData(await textOf(job, format)).length).toBeGreaterThan(0);
      expect((t.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBeGreaterThan(audits);
    }, 60_000);
  }

  it('unmasking without a reason is refused', async () => {
    const r = await t.backend.dispatch('exports.start', { kind: 'activities', format: 'csv', ...PERIOD, unmask: { reason: '' } });
    expect(r.ok).toBe(false);
  });
});
