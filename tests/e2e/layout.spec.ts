import { expect, test, type Page } from '@playwright/test';
import { collectErrors, terminalText, typeLine, waitForPrompt } from './support';

/** The terminal's width in columns, as a user sees it: where a long word wraps. */
async function columns(page: Page, hostname: string): Promise<number> {
  await typeLine(page, hostname, `echo ${'x'.repeat(400)}`);
  await expect.poll(() => terminalText(page, hostname)).toMatch(/\nx+\n/);
  const rows = (await terminalText(page, hostname)).split('\n');
  return Math.max(...rows.filter((row) => /^x+$/.test(row)).map((row) => row.length));
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const [width, height] of [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} the terminal has 100 columns and no panel covers a machine`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width, height });
    await page.goto('/?preset=7m3w&seed=2');
    await waitForPrompt(page, 'manager1');
    const wide = await columns(page, 'manager1');
    expect(wide).toBeGreaterThanOrEqual(100);
    // The line typed wraps where the output does: the shell knows the width too.
    const rows = (await terminalText(page, 'manager1')).split('\n');
    expect(rows.find((row) => row.startsWith('root@manager1:~# echo x'))).toHaveLength(wide);
    // Let the force layout settle before the graph is measured.
    await page.waitForTimeout(1500);
    const machines = await page.locator('.graph .machine').evaluateAll((nodes) =>
      nodes.map((node) => {
        const { x, y, width: w, height: h } = node.getBoundingClientRect();
        return { name: node.getAttribute('data-hostname'), box: { x, y, width: w, height: h } };
      }),
    );
    expect(machines).toHaveLength(10);
    const panels = page.locator('.graph-area .quorum, .graph-area .partition, .machine-controls');
    for (const panel of await panels.all()) {
      const box = await panel.boundingBox();
      if (box === null) continue;
      const covered = machines.filter((machine) => overlaps(machine.box, box));
      expect(covered.map((machine) => machine.name)).toEqual([]);
    }
    await page.screenshot({ path: `test-results/e2e/layout-${width}x${height}.png` });
    expect(errors).toEqual([]);
  });
}

test('the split drags and keeps across a reload; the terminal can have the whole width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  const before = await columns(page, 'manager1');
  const splitter = page.getByRole('separator', { name: 'Terminal and graph' });
  const box = await splitter.boundingBox();
  if (box === null) throw new Error('no splitter');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await splitter.getAttribute('aria-valuenow'));
  expect(dragged).toBeLessThan(60);
  await splitter.press('ArrowLeft');
  expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(dragged - 2);

  await page.reload();
  await waitForPrompt(page, 'manager1');
  expect(Number(await page.getByRole('separator').getAttribute('aria-valuenow'))).toBe(dragged - 2);
  expect(await columns(page, 'manager1')).toBeLessThan(before);

  await page.getByRole('button', { name: 'Terminal only' }).click();
  await expect(page.locator('.graph-area')).toBeHidden();
  expect(await columns(page, 'manager1')).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Event log' }).click();
  await expect(page.getByRole('heading', { name: 'Event log' })).toHaveCount(0);
  await page.reload();
  await waitForPrompt(page, 'manager1');
  await expect(page.locator('.graph-area')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Event log' })).toHaveCount(0);
});
