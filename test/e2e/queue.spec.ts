/** Foundation: the demo agency's queue is served from the real database and a case opens with its balance. */
import { expect, test } from './support/app';

test('the queue shows the demo agency and a case opens with its balance', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('queue-total')).toContainText(/5[,.\s]?000/);
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  // Virtualized: far fewer rows in the DOM than cases in the queue.
  expect(await rows.count()).toBeLessThan(200);

  const firstRef = (await rows.first().getAttribute('data-reference')) ?? '';
  expect(firstRef).toMatch(/^(AX|NB-US|NB-UK)-\d+$/);
  await rows.first().click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-reference')).toHaveText(firstRef);
  await expect(page.getByTestId('balance-total')).toHaveText(/\d/);
  await expect(page.getByTestId('timeline')).toBeVisible();

  // The balance shown is the database's: principal + interest + penalty + fees of that case.
  const detail = await app.call<{ balance: { minor: number } }>('cases.get', { caseId: await page.getByTestId('case-view').getAttribute('data-case-id') });
  expect(detail.ok).toBe(true);
  const shown = (await page.getByTestId('balance-total').textContent()) ?? '';
  const digits = shown.replace(/[^\d]/g, '');
  expect(Number(digits)).toBe(detail.value?.balance.minor);
});
