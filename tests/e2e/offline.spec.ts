import { expect, test } from '@playwright/test';
import { collectErrors, serveCopyOfBuild, terminalText, typeLine, waitForPrompt } from './support';

test('after one visit the page reloads offline, and docker commands answer', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  // The service worker is active once it has precached the whole build.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (link === null) return null;
    const response = await fetch(link.href);
    return (await response.json()) as { name: string; icons: { sizes: string }[] };
  });
  expect(manifest?.name).toBe('Swarm Playground');
  expect(manifest?.icons.map((icon) => icon.sizes)).toContain('512x512');

  await context.setOffline(true);
  await page.reload();
  await waitForPrompt(page, 'manager1');
  // The docker CLI is a lazy chunk and the managers run in worker scripts: all from the cache.
  await typeLine(page, 'manager1', 'docker node ls');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toMatch(/manager1 +Ready +Active +Leader/);
  await expect.poll(() => page.workers().length).toBe(4);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(errors).toEqual([]);
});

test('a new version is offered with a notice, and its reload keeps the cluster', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // A deployment of its own, so that the test can deploy the next version under the page.
  const site = await serveCopyOfBuild();
  try {
    await page.goto(site.url);
    await waitForPrompt(page, 'manager1');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await typeLine(page, 'manager1', 'docker node update --label-add kept=yes worker2');
    await expect.poll(() => terminalText(page, 'manager1')).toContain('kept=yes worker2\nworker2');

    // The next version: the same build with a service worker that differs by one comment.
    site.deploy('sw.js', (text) => `${text}\n// the next version\n`);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const notice = page.getByRole('status', { name: 'Notices' });
    await expect(notice).toContainText('A new version of the playground is ready.');
    // The running session goes on meanwhile: commands still answer.
    await typeLine(page, 'manager1', 'docker node ls -q | wc -l');
    await expect.poll(() => terminalText(page, 'manager1')).toMatch(/wc -l\n5$/m);

    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await waitForPrompt(page, 'manager1');
    await expect(page.getByRole('status', { name: 'Notices' })).toHaveCount(0);
    await typeLine(page, 'manager1', "docker node inspect -f '{{.Spec.Labels.kept}}' worker2");
    await expect.poll(() => terminalText(page, 'manager1')).toContain('worker2\nyes');
    expect(errors).toEqual([]);
  } finally {
    await site.close();
  }
});
