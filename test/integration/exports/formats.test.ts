/**
 * Exports through the API on a demo agency: CSV (BOM, Chinese, row count), XLSX (typed cells,
 * frozen header, sheets, About), PDF (rendered pages, title text), the signed manifest, masking
 * and the audit trail.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../../common/api/types-supervisor';
import { verifyManifest, type ExportManifest } from '../../../main/backend/exports/manifest';
import { loadIdentity } from '../../../main/backend/sync/identity';
import { caseOf, insertComplaint, insertDecision, insertPayment, insertPromise, userId } from '../supervisor/fixtures';
import { missing } from '../../support/tools';
import { borrowerNames, exportBackend, pdfText, PERIOD, renderPdf, runJob } from './support';

let t: ReturnType<typeof exportBackend>;
let activitiesInPeriod: number;

beforeAll(() => {
  t = exportBackend();
  const a1 = caseOf(t.db, 'zhang.wei', 'CN-2026-Q4');
  const A = userId(t.db, 'zhang.wei');
  insertPayment(t.db, a1, 123_456, '2026-11-20');
  insertPayment(t.db, a1, -456, '2026-11-21');
  insertPromise(t.db, a1, A, '2026-11-02T02:00:00.000Z', '2026-11-30', 'open', 77_700);
  insertDecision(t.db, a1, A, '2026-11-03T02:00:00.000Z', 'block');
  insertComplaint(t.db, a1, A, '2026-11-04T02:00:00.000Z', '2026-11-19T02:00:00.000Z', 'open');
  activitiesInPeriod = (t.db.prepare("SELECT count(*) AS n FROM activities WHERE at >= '2026-10-20' AND at < '2026-11-26'").get() as { n: number }).n;
});
afterAll(() => t.cleanup());

function manifestOf(job: ExportJobView): ExportManifest {
  return JSON.parse(fs.readFileSync(job.manifestFile ?? '', 'utf8')) as ExportManifest;
}

describe('CSV', () => {
  it('is UTF-8 with a BOM, parses with csv-parse to every activity of the period, Chinese intact, masked', async () => {
    const job = await runJob(t, { kind: 'activities', format: 'csv', ...PERIOD });
    expect(job).toMatchObject({ state: 'done', rows: activitiesInPeriod, total: activitiesInPeriod, masked: true });
    expect(activitiesInPeriod).toBeGreaterThan(200);
    const bytes = fs.readFileSync(job.file ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const records = parse(text, { bom: true }) as string[][];
    expect(records[0]).toContain('借款人 Borrower');
    expect(records).toHaveLength(activitiesInPeriod + 1);
    expect(text).toContain('张伟 Zhang Wei');
    // Masked: no borrower's full name anywhere; CJK names keep their first character only.
    const names = borrowerNames(t);
    expect(names.filter((n) => text.includes(n))).toEqual([]);
    const borrowerCol = records[0]?.indexOf('借款人 Borrower') ?? -1;
    expect(records.slice(1).some((r) => /^[\u4e00-\u9fff]\*+$/.test(r[borrowerCol] ?? ''))).toBe(true);
    expect(text).not.toMatch(/1[3-9]\d{9}/); // no full mainland mobile number
    expect(fs.existsSync(`${job.file}.manifest.json`)).toBe(true);
    expect(job.manifestFile).toBe(`${job.file}.manifest.json`);
  });

  it('the ledger holds exact money and both sections', async () => {
    const job = await runJob(t, { kind: 'ledger', format: 'csv', ...PERIOD });
    const records = parse(fs.readFileSync(job.file ?? ''), { bom: true, relax_column_count: true }) as string[][];
    expect(records[0]).toEqual(['还款 Payments']);
    expect(records.some((r) => r.includes('1234.56') && r.includes('CNY'))).toBe(true);
    expect(records.some((r) => r.includes('-4.56'))).toBe(true);
    expect(records.some((r) => r[0] === '还款承诺 Promises to pay')).toBe(true);
    expect(records.some((r) => r.includes('777.00'))).toBe(true);
    // The account postings: the payment of 1234.56 lowered what is owed by exactly that.
    expect(records.some((r) => r[0] === '账务 Account postings')).toBe(true);
    expect(records.some((r) => r.includes('payment') && r.includes('1234.56') && r.includes('-1234.56'))).toBe(true);
  });
});

describe('manifest', () => {
  it('records what was exported, its SHA-256, and verifies against the workstation key', async () => {
    const job = await runJob(t, { kind: 'conduct', format: 'csv', ...PERIOD });
    const m = manifestOf(job);
    expect(m).toMatchObject({
      type: 'casedesk.export-manifest',
      kind: 'conduct',
      format: 'csv',
      period: { from: PERIOD.from, to: PERIOD.to },
      filters: { placementId: null },
      exportedBy: { username: 'wang.fang' },
      workstationId: t.backend.app.workstationId,
      masked: true,
      signature: { algorithm: 'Ed25519' },
    });
    expect(m.unmaskReason).toBeUndefined();
    expect(m.rows.sections.map((s) => s.title)).toHaveLength(4);
    const identity = loadIdentity(t.db);
    expect(identity?.publicKeyPem).toBe(m.publicKeyPem);
    const check = await verifyManifest(job.manifestFile ?? '', identity?.publicKeyPem);
    expect(check).toMatchObject({ ok: true });

    // Tampering with the file or the manifest is caught.
    const copy = `${job.manifestFile}.tampered.json`;
    fs.writeFileSync(copy, JSON.stringify({ ...m, masked: false }));
    expect(await verifyManifest(copy)).toEqual({ ok: false, problem: 'the signature does not match the manifest' });
    fs.appendFileSync(job.file ?? '', 'x');
    expect(await verifyManifest(job.manifestFile ?? '')).toEqual({ ok: false, problem: 'the file does not match its SHA-256 in the manifest' });
  });
});

describe('masking and audit', () => {
  it('unmasks only with a reason, writes the reason to the audit log and the manifest', async () => {
    const refused = await t.backend.dispatch('exports.start', { kind: 'activities', format: 'csv', ...PERIOD, unmask: { reason: '' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const reason = '出借方要求核对借款人身份 lender audit request #42';
    const job = await runJob(t, { kind: 'activities', format: 'csv', ...PERIOD, unmask: { reason } });
    expect(job).toMatchObject({ state: 'done', masked: false });
    const text = fs.readFileSync(job.file ?? '', 'utf8');
    expect(borrowerNames(t).some((n) => text.includes(n))).toBe(true);
    expect(manifestOf(job)).toMatchObject({ masked: false, unmaskReason: reason });
    const audit = t.db.prepare("SELECT action, details_json FROM audit_log WHERE object_id = ? ORDER BY seq").all(job.jobId) as { action: string; details_json: string }[];
    expect(audit.map((a) => a.action)).toEqual(['export.start', 'pii.reveal', 'export.done']);
    expect(JSON.parse(audit[1]?.details_json ?? '{}')).toMatchObject({ reason });
  });

  it('audits every export, masked ones too', async () => {
    const job = await runJob(t, { kind: 'performance', format: 'csv', ...PERIOD });
    const actions = (t.db.prepare('SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq').all(job.jobId) as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['export.start', 'export.done']);
  });

  it('a collector cannot export (FORBIDDEN, audited)', async () => {
    const collector = t.as('zhang.wei');
    try {
      expect(await collector.dispatch('exports.start', { kind: 'activities', format: 'csv', ...PERIOD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await collector.dispatch('exports.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const row = t.db.prepare("SELECT outcome FROM audit_log WHERE action = 'exports.start' ORDER BY seq DESC LIMIT 1").get() as { outcome: string };
      expect(row.outcome).toBe('refused');
    } finally {
      collector.close();
    }
  });
});

describe('XLSX', () => {
  it('opens with exceljs: About sheet with the watermark, one sheet per section, typed cells, frozen header', async () => {
    const job = await runJob(t, { kind: 'ledger', format: 'xlsx', ...PERIOD });
    expect(job.state).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(job.file ?? '');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', '还款 Payments', '还款承诺 Promises to pay', '账务 Account postings']);
    const about = wb.getWorksheet('About');
    const aboutText = JSON.stringify(about?.getSheetValues());
    expect(aboutText).toContain(`Exported by wang.fang at 2026-11-25 03:00:00Z · ${t.backend.app.workstationId}`);
    const pay = wb.getWorksheet('还款 Payments');
    if (!pay) throw new Error('no payments sheet');
    expect(pay.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(pay.getRow(1).getCell(5).value).toBe('金额 Amount');
    const amounts: unknown[] = [];
    pay.eachRow((r, i) => {
      if (i > 1) amounts.push(r.getCell(5).value);
    });
    // The demo's own payments (kept promises) are in the period too; ours are there, in date order.
    const ours = amounts.indexOf(1234.56);
    expect(ours).toBeGreaterThanOrEqual(0);
    expect(amounts.indexOf(-4.56)).toBeGreaterThan(ours);
    expect(amounts.every((a) => typeof a === 'number')).toBe(true);
    const row = pay.getRow(ours + 2);
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(5).numFmt).toBe('#,##0.00');
    expect(row.getCell(1).value).toEqual(new Date('2026-11-20T00:00:00.000Z'));
    expect(row.getCell(10).type).toBe(ExcelJS.ValueType.Date);
  });

  it('performance figures are numbers and percentages', async () => {
    const job = await runJob(t, { kind: 'performance', format: 'xlsx', ...PERIOD });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(job.file ?? '');
    const ws = wb.getWorksheet('催收员 Collectors');
    if (!ws) throw new Error('no collectors sheet');
    expect(ws.rowCount).toBe(9);
    const attempts = ws.getRow(2).getCell(7);
    expect(attempts.type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRow(2).getCell(9).numFmt).toBe('0.00%');
  });
});

describe('PDF', () => {
  for (const kind of ['performance', 'conduct', 'activities'] as const) {
    // Skipped (and counted as skipped) where poppler-utils is missing.
    it.skipIf(missing('pdftoppm', 'pdftotext'))(`${kind}: renders every page non-blank, with the title and the watermark as text`, async () => {
      const job = await runJob(t, { kind, format: 'pdf', ...PERIOD });
      expect(job.state).toBe('done');
      expect(fs.readFileSync(job.file ?? '').subarray(0, 5).toString()).toBe('%PDF-');
      const pages = renderPdf(job.file ?? '');
      expect(pages.length).toBeGreaterThanOrEqual(kind === 'activities' ? 3 : 2);
      for (const p of pages) {
        expect(p.pngBytes).toBeGreaterThan(1500);
        expect(p.stdDev).toBeGreaterThan(5);
      }
      const text = pdfText(job.file ?? '');
      expect(text).toContain({ performance: 'Team performance', conduct: 'Conduct', activities: 'Activity log' }[kind]);
      expect(text).toContain('Exported by wang.fang at 2026-11-25 03:00:00Z');
      expect(text).toContain('王芳 Wang Fang');
      const pageMarks = text.split('Exported by wang.fang').length - 1;
      expect(pageMarks).toBeGreaterThanOrEqual(pages.length);
      expect(await verifyManifest(job.manifestFile ?? '')).toMatchObject({ ok: true });
    });
  }
});

describe('jobs', () => {
  it('list shows the caller’s jobs newest first; others’ jobs are hidden from a supervisor, shown to an admin', async () => {
    const list = await t.call<ExportJobView[]>('exports.list');
    expect(list.length).toBeGreaterThan(3);
    expect(list.every((j) => j.state === 'done')).toBe(true);
    expect(list.map((j) => j.startedAt)).toEqual([...list.map((j) => j.startedAt)].sort().reverse());
    const r = await t.backend.dispatch('exports.status', { jobId: '01890000-0000-7000-8000-000000000000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Same backend (same job registry), other callers.
    const admin = t.backend.asUser('admin');
    const adminList = (await admin.dispatch('exports.list', {})) as { ok: true; value: ExportJobView[] };
    expect(adminList.value.map((j) => j.jobId)).toEqual(list.map((j) => j.jobId));
    t.db.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES ('01890000-0000-7000-8000-0000000000b1', 'zhou.min', '周敏 Zhou Min', 'supervisor', ?)").run('2026-01-01T00:00:00.000Z');
    const other = t.backend.asUser('zhou.min');
    expect(await other.dispatch('exports.list', {})).toEqual({ ok: true, value: [] });
    expect(await other.dispatch('exports.status', { jobId: list[0]?.jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
