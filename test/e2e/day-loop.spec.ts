/**
 * The collector's day loop by keyboard, in English and zh-CN (issue 14): n → c → 0 (no answer) →
 * Ctrl+Enter → n moves to a different case each time, and the case says why it was next.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './support/app';
import { readDb } from './support/db';

test.use({ signInAs: 'zhang.wei' });

async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `${what}: axe serious/critical violations`).toEqual([]);
}

async function loop(app: RunningApp, lang: 'en' | 'zh-CN', rounds: number): Promise<string[]> {
  const { page } = app;
  await page.getByTestId('language-switch').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const seen: string[] = [];
  for (let i = 0; i < rounds; i++) {
    await page.locator('body').click({ position: { x: 2, y: 2 } }); // the keyboard belongs to the page, not a field
    await page.keyboard.press('n');
    const ref = page.getByTestId('case-reference');
    const why = page.getByTestId('why-next');
    await expect(ref).toBeVisible();
    if (seen.length > 0) await expect(ref).not.toHaveText(seen[seen.length - 1]!);
    // The case on screen settles on the one `n` chose (a slow machine may still show the one before).
    await expect
      .poll(async () => {
        const shown = (await ref.textContent()) ?? '';
        return shown !== '' && ((await why.textContent()) ?? '').includes(shown);
      })
      .toBe(true);
    const reference = (await ref.textContent()) ?? '';
    expect(seen).not.toContain(reference);
    seen.push(reference);

    await page.keyboard.press('c');
    const panel = page.getByTestId('log-contact');
    await expect(panel).toBeVisible();
    // No default result: Submit waits for one; `0` is "no answer".
    await expect(panel.getByTestId('contact-submit')).toBeDisabled();
    await page.keyboard.press('0');
    await expect(panel.getByTestId('contact-result')).toHaveValue('no_answer');
    await expect(panel.getByTestId('contact-submit')).toBeEnabled();
    await page.keyboard.press('Control+Enter');
    await expect(panel).toBeHidden();
  }
  return seen;
}

test('n → c → 0 → Ctrl+Enter → n moves through cases, in English and in zh-CN', async ({ app }) => {
  const en = await loop(app, 'en', 3);
  const zh = await loop(app, 'zh-CN', 3);
  expect(new Set([...en, ...zh]).size).toBe(6);
});

test('the help overlay lists the day-loop keys', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('language-switch').selectOption('en');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toContainText('Schedule a callback');
  await expect(help).toContainText('Inbound call');
  await expect(help).toContainText('no answer');
});

test('an inbound caller is found by the last four digits (t), and a callback is scheduled on the case (b)', async ({ app }) => {
  test.setTimeout(240_000); // four axe scans on a shared, loaded machine
  const { page, dataDir } = app;
  await page.getByTestId('language-switch').selectOption('zh-CN');
  const target = readDb(dataDir, (db) =>
    db
      .prepare(
        `SELECT c.id, c.reference, cp.value FROM cases c JOIN users u ON u.id = c.assignee_id JOIN contact_points cp ON cp.borrower_id = c.borrower_id
         WHERE u.username = 'zhang.wei' AND c.status = 'open' AND cp.kind = 'mobile' AND c.reference LIKE 'AX-%' ORDER BY c.reference LIMIT 1`,
      )
      .get() as { id: string; reference: string; value: string },
  );
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('t');
  const lookup = page.getByTestId('inbound-lookup');
  await lookup.getByTestId('inbound-number').fill(target.value.replace(/\D/g, '').slice(-4));
  await page.keyboard.press('Control+Enter');
  const results = lookup.getByTestId('inbound-results');
  await expect(results).toContainText(target.reference);
  await expect(results).not.toContainText(target.value);
  await expectNoSeriousA11yViolations(page, 'inbound lookup');
  await results.locator('li', { hasText: target.reference }).getByRole('button').click();
  await expect(page.getByTestId('case-reference')).toHaveText(target.reference);
  const audited = readDb(dataDir, (db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'pii.phone_search'").get() as { n: number });
  expect(audited.n).toBeGreaterThan(0);

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('b');
  const dialog = page.getByTestId('callback-dialog');
  await expect(dialog.getByTestId('callback-both-zones')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'callback dialog');
  await dialog.getByTestId('callback-note').fill('回电确认还款日期');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-callback')).toContainText('回电确认还款日期');
  await expectNoSeriousA11yViolations(page, 'case with a callback');
  await page.keyboard.press('c');
  await expect(page.getByTestId('log-contact')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'contact form without a result');
});
