import { expect, test } from '@playwright/test';
import { collectErrors, terminalText, typeLine, waitForPrompt } from './support';

test.describe('on a tall screen', () => {
  // docker version prints 29 lines; the whole of it must be on screen to be read back.
  test.use({ viewport: { width: 1400, height: 1300 } });

  test('the page loads, and docker version typed on the keyboard prints its version', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto('/');
    await expect(page.getByRole('tab', { name: 'manager1' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('.graph .machine')).toHaveCount(5);
    await expect(page.getByRole('heading', { name: 'Event log' })).toBeVisible();
    await waitForPrompt(page, 'manager1');

    await typeLine(page, 'manager1', 'docker version');
    await expect.poll(() => terminalText(page, 'manager1')).toContain('Server: Docker Engine');
    const text = await terminalText(page, 'manager1');
    expect(text).toContain('root@manager1:~# docker version');
    expect(text).toMatch(/Client:.*\n Version:\s+27\.5\.1/);
    expect(text).toMatch(/Server: Docker Engine - Community\n Engine:\n {2}Version:\s+27\.5\.1/);
    await waitForPrompt(page, 'manager1');

    await page.screenshot({ path: 'test-results/e2e/docker-version.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});

test('clicking a machine in the graph opens its terminal', async ({ page }) => {
  await page.goto('/');
  await page.locator('.graph .machine[data-hostname="worker2"]').click();
  await expect(page.getByRole('tab', { name: 'worker2' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.pane[data-hostname="worker2"]')).toBeVisible();
  await waitForPrompt(page, 'worker2');
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => terminalText(page, 'worker2'))
    .toContain('root@worker2:~# hostname\nworker2');
});
