/**
 * The supervisor console on a fresh demo agency: the team dashboard, an override approved, a
 * complaint resolved, a case reassigned, every report exported in every format — and a collector's
 * API call for another collector's case refused.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from './support/app';
import { readDb } from './support/db';
import { missing } from '../support/tools';
import { NOW_ENV } from './support/global-setup';
import { dayIn, periodBounds } from '../../common/domain/periods/days';

const KINDS = ['activities', 'ledger', 'conduct', 'performance'] as const;
const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

test('a supervisor reviews the team, decides, reassigns and exports', async ({ app }, testInfo) => {
  // The PDF exports are read back with pdftotext: without it the test is skipped (counted), never passed.
  test.skip(missing('pdftotext'), 'pdftotext (poppler-utils) is not installed');
  test.setTimeout(240_000);
  const { page, dataDir } = app;
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('nav-supervisor').click();
  await expect(page.getByTestId('supervisor-console')).toBeVisible();

  // Dashboard: figures per collector and per placement, with their source and freshness.
  await page.getByTestId('sup-tab-dashboard').click();
  await expect(page.getByTestId('sup-collector-row')).toHaveCount(8);
  await expect(page.getByTestId('sup-placement-row')).toHaveCount(3);
  await expect(page.getByTestId('sup-chart').first()).toBeVisible();
  await expect(page.getByTestId('sup-source')).toBeVisible();
  // The demo agency's days are Shanghai's, and the dashboard says so.
  await expect(page.getByTestId('sup-time-zone')).toHaveAttribute('data-time-zone', 'Asia/Shanghai');
  await expect(page.getByTestId('sup-time-zone')).toContainText('Asia/Shanghai');
  // Other workstations' work, from verified reports via the lender (none here: not enrolled) — said so.
  await expect(page.getByTestId('sup-remote-source')).toContainText('verified');
  await testInfo.attach('supervisor-dashboard.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Approve the first pending override request.
  await page.getByTestId('sup-tab-overrides').click();
  const override = page.getByTestId('sup-override-row').first();
  await expect(override).toBeVisible();
  await override.getByTestId('sup-override-approve').click();
  await page.getByTestId('sup-override-reason').fill('Borrower asked for this wording in writing.');
  await page.getByTestId('sup-override-confirm').click();
  await expect.poll(() => readDb(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM overrides WHERE status = 'approved'").get() as { n: number }).n)).toBe(1);
  expect(readDb(dataDir, (db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'override.approve'").get())).toEqual({ n: 1 });

  // Resolve the first open complaint.
  await page.getByTestId('sup-tab-complaints').click();
  const complaint = page.getByTestId('sup-complaint-row').first();
  await expect(complaint).toBeVisible();
  await complaint.getByTestId('sup-complaint-action').selectOption('resolve');
  await complaint.getByTestId('sup-complaint-text').fill('Called the borrower back, apologised and reduced call frequency.');
  await complaint.getByTestId('sup-complaint-confirm').click();
  await expect.poll(() => readDb(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM complaints WHERE status = 'resolved'").get() as { n: number }).n)).toBe(1);

  // Reassign a case to another collector.
  const target = readDb(dataDir, (db) =>
    db.prepare("SELECT c.id, c.reference, c.assignee_id, (SELECT id FROM users WHERE role = 'collector' AND id <> c.assignee_id ORDER BY username LIMIT 1) AS other FROM cases c WHERE c.reference LIKE 'NB-UK-%' ORDER BY c.reference LIMIT 1").get(),
  ) as { id: string; reference: string; assignee_id: string; other: string };
  await page.getByTestId('sup-tab-reassign').click();
  await page.getByTestId('sup-reassign-search').fill(target.reference);
  await page.getByTestId('sup-reassign-case').filter({ hasText: target.reference }).first().click();
  await page.getByTestId('sup-reassign-collector').selectOption(target.other);
  await page.getByTestId('sup-reassign-confirm').click();
  await expect.poll(() => readDb(dataDir, (db) => (db.prepare('SELECT assignee_id FROM cases WHERE id = ?').get(target.id) as { assignee_id: string }).assignee_id)).toBe(target.other);

  // Every report in every format, for the last week.
  const zone = 'Asia/Shanghai';
  const today = dayIn(process.env[NOW_ENV]!, zone);
  const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const week = periodBounds(weekAgo, today, zone);
  await page.getByTestId('sup-tab-exports').click();
  for (const kind of KINDS) {
    for (const format of FORMATS) {
      await page.getByTestId('sup-export-kind').selectOption(kind);
      await page.getByTestId('sup-export-format').selectOption(format);
      await page.getByTestId('sup-export-from').fill(weekAgo);
      await page.getByTestId('sup-export-to').fill(today);
      await page.getByTestId('sup-export-start').click();
      const done = page.getByTestId('sup-export-done');
      await expect(done).toBeVisible({ timeout: 60_000 });
      const file = (await page.getByTestId('sup-export-file').textContent())?.trim() ?? '';
      expect(fs.existsSync(file), `${kind}.${format} at ${file}`).toBe(true);
      expect(fs.existsSync(`${file}.manifest.json`), `${kind}.${format} manifest`).toBe(true);
      if (format === 'csv') {
        const text = fs.readFileSync(file, 'utf8');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        // Several sections (ledger, conduct, performance) each sit under a title row.
        const rows = parse(text.slice(1), kind === 'activities' ? { columns: true } : { relax_column_count: true }) as unknown[];
        if (kind === 'activities') {
          const n = readDb(dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM activities WHERE at >= ? AND at < ?').get(week.fromInstant, week.toInstant) as { n: number }).n);
          expect(rows.length).toBe(n);
        }
      } else if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        expect(wb.worksheets.length).toBeGreaterThan(0);
      } else {
        const head = fs.readFileSync(file).subarray(0, 5).toString('latin1');
        expect(head).toBe('%PDF-');
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
        expect(text.length).toBeGreaterThan(50);
      }
    }
  }
  expect(readDb(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'export%'").get() as { n: number }).n)).toBeGreaterThanOrEqual(12);
});

test.describe('as a collector', () => {
  test.use({ signInAs: 'zhang.wei' });

  test('an API call for another collector’s case is refused and audited', async ({ app }) => {
    const other = readDb(app.dataDir, (db) =>
      db.prepare("SELECT c.id FROM cases c JOIN users u ON u.id = c.assignee_id WHERE u.username = 'li.na' LIMIT 1").get(),
    ) as { id: string };
    const r = await app.call('cases.get', { caseId: other.id });
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('FORBIDDEN');
    const supervisorOnly = await app.call('supervisor.dashboard', { from: '2026-01-01', to: '2026-01-31' });
    expect(supervisorOnly.error?.code).toBe('FORBIDDEN');
    const audited = readDb(app.dataDir, (db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE outcome = 'refused' AND object_id = ?").get(other.id)) as { n: number };
    expect(audited.n).toBe(1);
    await expect(app.page.getByTestId('nav-supervisor')).toHaveCount(0);
  });
});
