/**
 * Letters that can be mailed and the supervisor's floor, in the real app: a draft PDF of a US
 * letter carries both address blocks and a US date and records nothing; the queue names each
 * case's collector and filters by one; an absent collector's cases move in bulk.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './support/app';
import { expectAccessible } from './support/axe';
import { readDb } from './support/db';

test('a draft letter PDF before sending, the collector column, and a bulk reassignment', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const { page, dataDir } = app;
  await page.getByTestId('language-switch').selectOption('en');

  // The queue names who holds each case, and narrows to one collector.
  await expect(page.getByTestId('queue-collector').first()).not.toHaveText('—');
  const zhang = readDb(dataDir, (db) => db.prepare("SELECT id, display_name FROM users WHERE username = 'zhang.wei'").get()) as { id: string; display_name: string };
  await page.getByTestId('filter-collector').selectOption(zhang.id);
  await expect(page.getByTestId('queue-collector').first()).toHaveText(zhang.display_name);
  const shown = await page.getByTestId('queue-collector').allTextContents();
  expect(shown.every((name) => name === zhang.display_name)).toBe(true);
  await page.getByTestId('filter-collector').selectOption('');

  // A US case with a postal address: open it, pick the collection letter, download the draft.
  const target = readDb(dataDir, (db) =>
    db
      .prepare(
        `SELECT c.id, c.reference FROM cases c JOIN placements p ON p.id = c.placement_id
         WHERE p.preset = 'us-regf' AND c.status = 'open' AND c.flag_complaint = 0 AND c.flag_cease = 0 AND c.flag_dispute = 0
         AND EXISTS (SELECT 1 FROM contact_points cp WHERE cp.borrower_id = c.borrower_id AND cp.kind = 'address') ORDER BY c.reference LIMIT 1`,
      )
      .get(),
  ) as { id: string; reference: string };
  await page.getByTestId('queue-search').fill(target.reference);
  const row = page.locator(`[data-testid="queue-row"][data-reference="${target.reference}"]`);
  await expect(row).toBeVisible();
  await row.click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-reference')).toHaveText(target.reference);
  await page.getByTestId('action-letter').click();
  const select = page.getByTestId('letter-template');
  await expect(select.locator('option[data-letter-type="validation_notice"]').first()).toBeAttached();
  // Named for people, never by raw id.
  const labels = await select.locator('option').allTextContents();
  expect(labels.some((l) => l.includes('Validation notice'))).toBe(true);
  expect(labels.some((l) => /us-regf\./.test(l))).toBe(false);
  const collection = await select.locator('option[data-kind="letter"][data-letter-type="collection"][data-language="en"]').getAttribute('value');
  await select.selectOption(collection!);
  await expect(page.getByTestId('letter-preview')).toContainText(target.reference);
  await expectAccessible(page, 'letter dialog');
  const before = readDb(dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM activities WHERE case_id = ?').get(target.id) as { n: number }).n);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('letter-draft-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toContain('DRAFT');
  const file = testInfo.outputPath('draft.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('350 Fifth Avenue, Suite 4200');
  const address = readDb(dataDir, (db) => db.prepare("SELECT b.address FROM cases c JOIN borrowers b ON b.id = c.borrower_id WHERE c.id = ?").get(target.id)) as { address: string };
  expect(text).toContain(address.address.split(',')[0]!.trim());
  expect(text).toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/);
  await testInfo.attach('draft.pdf', { body: fs.readFileSync(file), contentType: 'application/pdf' });
  // Nothing was sent.
  expect(readDb(dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM activities WHERE case_id = ?').get(target.id) as { n: number }).n)).toBe(before);
  await page.keyboard.press('Escape');

  // Bulk reassignment: all of one collector's open cases, shared between two others.
  const [from, a, b] = readDb(dataDir, (db) => db.prepare("SELECT id FROM users WHERE role = 'collector' ORDER BY username LIMIT 3").all()) as { id: string }[];
  const open = () => readDb(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM cases WHERE assignee_id = ? AND status <> 'closed'").get(from!.id) as { n: number }).n);
  const held = open();
  expect(held).toBeGreaterThan(0);
  await page.getByTestId('nav-supervisor').click();
  await page.getByTestId('sup-tab-reassign').click();
  await page.getByTestId('sup-bulk-from').selectOption(from!.id);
  await page.locator(`[data-testid="sup-bulk-to"][data-user-id="${a!.id}"]`).check();
  await page.locator(`[data-testid="sup-bulk-to"][data-user-id="${b!.id}"]`).check();
  await page.getByTestId('sup-bulk-check').click();
  await expect(page.getByTestId('sup-bulk-plan')).toContainText(String(held));
  await expectAccessible(page, 'bulk reassignment');
  await page.getByTestId('sup-bulk-move').click();
  await expect.poll(open).toBe(0);
  const audited = readDb(dataDir, (db) => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.reassign'").get() as { n: number }).n);
  expect(audited).toBe(held);

  // The dashboard opens with today's figures per collector and for the team.
  await page.getByTestId('sup-tab-dashboard').click();
  await expect(page.getByTestId('sup-today')).toBeVisible();
  await expect(page.getByTestId('sup-today-collector').first()).toBeVisible();
  await expect(page.getByTestId('sup-today-team')).toBeVisible();
  await expect(page.getByTestId('sup-today-placement')).toHaveCount(3);
  await expectAccessible(page, 'dashboard with the today panel');
});
