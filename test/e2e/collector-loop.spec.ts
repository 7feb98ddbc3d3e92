/**
 * The collector's whole loop on a fresh demo agency, in English and in zh-CN: find a borrower,
 * open the case, reveal a phone number with a reason, log a call with a promise, agree a
 * three-installment plan, record a payment, send a letter, log a complaint and see the case pause.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test, type RunningApp } from './support/app';
import { contactableCnCase, readDb } from './support/db';
import { NOW_ENV } from './support/global-setup';

async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `${what}: axe serious/critical violations`).toEqual([]);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function walkTheLoop(app: RunningApp, lang: 'en' | 'zh-CN', testInfo: TestInfo) {
  const { page, dataDir } = app;
  const now = process.env[NOW_ENV]!;
  const today = now.slice(0, 10);
  await page.getByTestId('language-switch').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);

  // Search by part of the borrower's name (FTS over reference, name, notes).
  const target = contactableCnCase(dataDir, now);
  await page.getByTestId('queue-search').fill(target.name);
  const row = page.locator(`[data-testid="queue-row"][data-reference="${target.reference}"]`);
  await expect(row).toBeVisible();
  await testInfo.attach(`queue-${lang}.png`, { body: await page.screenshot(), contentType: 'image/png' });
  await expectNoSeriousA11yViolations(page, `queue (${lang})`);
  await row.click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-reference')).toHaveText(target.reference);
  await expect(page.getByTestId('balance-total')).toHaveText(/\d/);
  await testInfo.attach(`case-${lang}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await expectNoSeriousA11yViolations(page, `case view (${lang})`);

  // Reveal the mobile number: a reason is required, and an audit row is written.
  const mobile = page.getByTestId('contact-point').first();
  await expect(mobile.getByTestId('value-contactPoint')).toContainText('*');
  await mobile.getByTestId('reveal-contactPoint').click();
  await expect(page.getByTestId('reveal-confirm')).toBeDisabled();
  await page.getByTestId('reveal-reason').fill('calling the borrower about the overdue balance');
  await page.getByTestId('reveal-confirm').click();
  await expect(mobile.getByTestId('value-contactPoint')).toHaveText(/^1\d{10}$/);
  const reveals = readDb(dataDir, (db) => db.prepare("SELECT details_json FROM audit_log WHERE action = 'pii.reveal'").all() as { details_json: string }[]);
  expect(reveals.some((r) => r.details_json.includes('calling the borrower about the overdue balance'))).toBe(true);

  // Log a connected call with a promise to pay.
  await page.getByTestId('open-log-contact').click();
  const panel = page.getByTestId('log-contact');
  await panel.getByTestId('contact-channel').selectOption('call');
  await panel.getByTestId('contact-result').selectOption('connected');
  await panel.getByTestId('contact-outcome').selectOption('promise_to_pay');
  await panel.getByTestId('disclosure-confirmed').check();
  await panel.getByTestId('promise-amount').fill('500');
  await panel.getByTestId('promise-date').fill(addDays(today, 5));
  await expect(panel.getByTestId('contact-decision')).toBeVisible();
  await panel.getByTestId('contact-submit').click();
  await expect(page.getByTestId('promise-row').first()).toBeVisible();

  // A three-installment plan.
  await page.getByTestId('action-plan').click();
  const plan = page.getByTestId('plan-dialog');
  await plan.getByTestId('plan-total').fill('900');
  await plan.getByTestId('plan-count').fill('3');
  await plan.getByTestId('plan-frequency').selectOption('monthly');
  await plan.getByTestId('plan-first-due').fill(addDays(today, 1));
  await expect(plan.getByTestId('plan-schedule').locator('tbody tr')).toHaveCount(3);
  // The promise just made is the active arrangement: the plan replaces it, and says why.
  await expect(plan.getByTestId('replace-notice')).toBeVisible();
  await expect(plan.getByTestId('plan-submit')).toBeDisabled();
  await plan.getByTestId('replace-reason').fill('borrower prefers three installments');
  await plan.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan')).toBeVisible();

  // A payment that covers the first installment marks it kept and lowers the balance by exactly 300.00.
  const owed = () => readDb(dataDir, (db) => (db.prepare('SELECT balance_minor FROM cases WHERE id = ?').get(target.id) as { balance_minor: number }).balance_minor);
  const owedBefore = owed();
  await page.getByTestId('action-payment').click();
  const pay = page.getByTestId('payment-dialog');
  await expect(pay.getByTestId('payment-date-help')).toContainText('Asia/Shanghai');
  await pay.getByTestId('payment-amount').fill('300');
  await pay.getByTestId('payment-date').fill(today);
  await pay.getByTestId('payment-reference').fill(`BANK-${lang}-${Date.now()}`);
  await pay.getByTestId('payment-submit').click();
  await expect(page.getByTestId('plan').locator('[data-status="kept"]')).toHaveCount(1);
  expect(owed()).toBe(owedBefore - 30_000);
  const digits = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format((owedBefore - 30_000) / 100);
  await expect(page.getByTestId('balance-total')).toContainText(digits);

  // A letter from an approved template, into the timeline.
  await page.getByTestId('action-letter').click();
  const letterTemplate = page.getByTestId('letter-template');
  // The dialog loads its templates after it opens: wait for the letter ones, not for a fixed time.
  // Templates are named for people in the screen's language; the option says its kind and type.
  await expect(letterTemplate.locator('option[data-kind="letter"]').first()).toBeAttached();
  const options = await letterTemplate.locator('option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, kind: e.getAttribute('data-kind'), type: e.getAttribute('data-letter-type') })));
  const letter = options.find((o) => o.kind === 'letter' && o.type === 'collection' && o.value !== '');
  expect(letter, 'a letter template').toBeTruthy();
  await letterTemplate.selectOption(letter!.value);
  await expect(page.getByTestId('letter-preview')).toContainText(target.reference);
  // The letter states the balance after the payment.
  await expect(page.getByTestId('letter-preview')).toContainText(digits);
  await page.getByTestId('letter-send').click();
  // Once sent, the dialog offers the PDF of that letter.
  await expect(page.getByTestId('letter-pdf')).toBeVisible();
  const letters = readDb(dataDir, (db) => db.prepare("SELECT id FROM activities WHERE case_id = ? AND channel = 'letter'").all(target.id) as { id: string }[]);
  expect(letters).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="timeline-item"][data-kind="activity"]').first()).toBeVisible();

  // A complaint pauses the case.
  await page.getByTestId('action-complaint').click();
  await page.getByTestId('complaint-category').selectOption('conduct');
  await page.getByTestId('complaint-channel').selectOption('call');
  await page.getByTestId('complaint-description').fill('The borrower says calls came too often.');
  await page.getByTestId('complaint-submit').click();
  await expect(page.getByTestId('contactability')).toContainText(/complaint|投诉/i);
  const flag = readDb(dataDir, (db) => db.prepare('SELECT flag_complaint FROM cases WHERE id = ?').get(target.id) as { flag_complaint: number });
  expect(flag.flag_complaint).toBe(1);

  // Nothing personal leaked into the app's log along the way.
  const log = app.output();
  const pii = readDb(dataDir, (db) => db.prepare('SELECT b.full_name, b.national_id, cp.value FROM borrowers b JOIN contact_points cp ON cp.borrower_id = b.id WHERE b.id = (SELECT borrower_id FROM cases WHERE id = ?)').all(target.id) as { full_name: string; national_id: string; value: string }[]);
  for (const p of pii) {
    expect(log).not.toContain(p.full_name);
    expect(log).not.toContain(p.national_id);
    expect(log).not.toContain(p.value);
  }
}

test('a collector works a case from search to complaint, in English', async ({ app }, testInfo) => {
  await walkTheLoop(app, 'en', testInfo);
});

test('the same loop in zh-CN', async ({ app }, testInfo) => {
  await walkTheLoop(app, 'zh-CN', testInfo);
});
