/**
 * The session and administration screens, in zh-CN: sign-out ends the session server-side; a wrong
 * password and a lock-out read in Chinese (the lock-out says until when); a password change; the
 * administrator's users, audit log and lender screens; axe on each. And the queue's search keys.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app';
import { DEMO_PASSWORD } from '../../main/backend/demo/password';

/** Two ASCII words in a row: an English phrase on a zh-CN screen. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}[\s,.;:'’-]+[A-Za-z]{2,}/;

async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `${what}: axe serious/critical violations`).toEqual([]);
}

/** Signs out from the top bar; the app reloads to a clean page (wait for it, so nothing typed is lost to it). */
async function signOut(page: Page) {
  await Promise.all([page.waitForEvent('load'), page.getByTestId('sign-out').click()]);
  await expect(page.getByTestId('auth-signIn')).toBeVisible();
}

test.describe('as the administrator', () => {
  test.use({ signInAs: 'admin' });

  // Several axe runs and password hashing on a shared machine: more than the default time.
  test.describe.configure({ timeout: 180_000 });

  test('users, audit log and lender screens, in zh-CN', async ({ app }) => {
    const { page } = app;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // Users: create one, disable them; every screen passes axe.
    await page.getByTestId('nav-admin').click();
    await expect(page.getByTestId('admin-users')).toBeVisible();
    await expect(page.getByTestId('user-row-zhang.wei')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'admin users');
    await page.getByTestId('new-user-username').fill('x');
    await page.getByTestId('new-user-name').fill('测试 员');
    await page.getByTestId('new-user-password').fill('a-new-password-1');
    await page.getByTestId('new-user-submit').click();
    // A username the policy refuses is explained per field, in Chinese.
    const refusal = page.locator('.adm-create .form-error');
    await expect(refusal).toContainText('用户名');
    expect(await refusal.textContent()).not.toMatch(ENGLISH_PHRASE);
    await page.getByTestId('new-user-username').fill('test.collector');
    await page.getByTestId('new-user-submit').click();
    const row = page.getByTestId('user-row-test.collector');
    await expect(row).toContainText('正常');
    await row.getByRole('button', { name: '停用 测试 员' }).click();
    await expect(row).toContainText('已停用');

    await page.getByTestId('adm-tab-audit').click();
    await expect(page.getByTestId('admin-audit')).toBeVisible();
    await expect(page.getByTestId('admin-audit')).toContainText('user.disable');
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verdict')).toContainText('审计链完整');
    await expectNoSeriousA11yViolations(page, 'admin audit');

    await page.getByTestId('adm-tab-lender').click();
    await expect(page.getByTestId('lender-status')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'admin lender');
  });

  test('a password change, then sign-out ends the session', async ({ app }) => {
    const { page } = app;
    await page.getByTestId('language-switch').selectOption('zh-CN');

    // Change password: a wrong current one is a field problem in Chinese (the session stays); then it works.
    await page.keyboard.press('Shift+P');
    await expect(page.getByTestId('change-password')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'change password');
    await page.getByTestId('password-current').fill('not-my-password');
    await page.getByTestId('password-next').fill('a-brand-new-password');
    await page.getByTestId('password-confirm').fill('a-brand-new-password');
    await page.getByTestId('password-submit').click();
    const wrong = page.getByTestId('change-password').getByRole('alert');
    await expect(wrong).toHaveText('当前密码不正确，未做任何更改。');
    await page.getByTestId('password-current').fill(DEMO_PASSWORD);
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('change-password')).toBeHidden();
    await expect(page.getByTestId('notice')).toContainText('密码已修改');

    // Sign-out ends the session on the server: a reload still shows the sign-in form.
    await signOut(page);
    await page.reload();
    await expect(page.getByTestId('auth-signIn')).toBeVisible();
    await page.getByTestId('auth-username').fill('admin');
    await page.getByTestId('auth-password').fill('a-brand-new-password');
    await page.getByTestId('auth-submit').click();
    await expect(page.getByTestId('queue')).toBeVisible();
  });
});

test('a wrong password and a lock-out read in Chinese, the lock-out with its end', async ({ app }) => {
  const { page } = app;
  await signOut(page);
  await page.getByTestId('auth-language').selectOption('zh-CN');
  await expectNoSeriousA11yViolations(page, 'sign-in');
  await page.getByTestId('auth-username').fill('li.na');
  await page.getByTestId('auth-password').fill('not-the-password');
  await page.getByTestId('auth-submit').click();
  const error = page.getByTestId('auth-error');
  await expect(error).toHaveText('用户名或密码错误。');
  // Failures until the account locks: the message then says until when, in Chinese.
  for (let i = 0; i < 6 && !((await error.textContent()) ?? '').includes('锁定至'); i++) {
    await page.getByTestId('auth-submit').click();
    await expect(page.getByTestId('auth-submit')).toBeEnabled();
  }
  await expect(error).toContainText(/锁定至 \d{4}年\d{1,2}月\d{1,2}日/);
  expect(await error.textContent()).not.toMatch(ENGLISH_PHRASE);
  // The right password while locked is refused the same way.
  await page.getByTestId('auth-password').fill(DEMO_PASSWORD);
  await page.getByTestId('auth-submit').click();
  await expect(error).toContainText('失败次数过多，该账户已锁定至');
  expect(await error.textContent()).not.toMatch(ENGLISH_PHRASE);
});

test('from the search box, ↓ moves into the results and Enter opens the first hit', async ({ app }) => {
  const { page } = app;
  const first = page.getByTestId('queue-row').first();
  await expect(first).toBeVisible();
  const reference = (await first.getAttribute('data-reference')) ?? '';
  await page.keyboard.press('/');
  await expect(page.getByTestId('queue-search')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('queue-grid')).toBeFocused();
  await page.keyboard.press('/');
  await page.keyboard.type(reference);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-reference')).toHaveText(reference);
});

test('the idle lock is opaque, hides the app, and keeps what was typed', async ({ app }) => {
  const { page } = app;
  // Fake timers from here on: a pointer move re-arms the idle timer on the fake clock.
  await page.clock.install();
  await page.getByTestId('queue-search').fill('unsaved words');
  await page.mouse.move(10, 10);
  await page.mouse.move(20, 20);
  await page.clock.fastForward('06:00');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  // Nothing of the app is readable: the cover is opaque and the app under it is hidden.
  const cover = await lock.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(cover).toMatch(/^rgb\(/); // rgb(), not rgba() with transparency
  expect(await page.locator('.auth-app').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  await expectNoSeriousA11yViolations(page, 'lock screen');
  await page.getByTestId('auth-password').fill(DEMO_PASSWORD);
  await page.getByTestId('auth-submit').click();
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('queue-search')).toHaveValue('unsaved words');
});
