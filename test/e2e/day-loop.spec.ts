/**
 * The collector's day loop by keyboard, in English and zh-CN (issue 14): n → c → 0 (no answer) →
 * Ctrl+Enter → n moves to a different case each time, and the case says why it was next.
 */
import { expect, test, type RunningApp } from './support/app';

test.use({ signInAs: 'zhang.wei' });

async function loop(app: RunningApp, lang: 'en' | 'zh-CN', rounds: number): Promise<string[]> {
  const { page } = app;
  await page.getByTestId('language-switch').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const seen: string[] = [];
  for (let i = 0; i < rounds; i++) {
    await page.locator('body').click({ position: { x: 2, y: 2 } }); // the keyboard belongs to the page, not a field
    await page.keyboard.press('n');
    const ref = page.getByTestId('case-reference');
    await expect(ref).toBeVisible();
    if (seen.length > 0) await expect(ref).not.toHaveText(seen[seen.length - 1]!);
    const reference = (await ref.textContent()) ?? '';
    expect(seen).not.toContain(reference);
    seen.push(reference);
    await expect(page.getByTestId('why-next')).toContainText(reference);

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
