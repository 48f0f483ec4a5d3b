import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, terminalText, waitForPrompt } from './support';

/**
 * The serious and critical rules axe-core breaks on the page as it is now, one line each. The
 * experimental `label-content-name-mismatch` is on: issue 13's audit found it broken.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** The region (`data-region`) the keyboard focus is in, or null outside them all. */
function focusedRegion(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('[data-region]')?.getAttribute('data-region') ?? null,
  );
}

function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('aria-label') ?? element?.textContent.trim() ?? '';
  });
}

async function leaderElected(page: Page): Promise<boolean> {
  const view = await page.evaluate(() => window.playground.state());
  return view.machines.some((machine) => machine.raft?.role === 'leader');
}

/** Presses F6 until the focus is in `region`; fails after a full round. */
async function f6To(page: Page, region: string): Promise<void> {
  for (let presses = 0; presses < 6; presses++) {
    if ((await focusedRegion(page)) === region) return;
    await page.keyboard.press('F6');
  }
  expect(await focusedRegion(page)).toBe(region);
}

test('no serious or critical violation: loaded, with a dialog open, after a quorum loss', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=3m2w&seed=5');
  await waitForPrompt(page, 'manager1');
  await page.evaluate(() => window.playground.advance(25));
  await expect.poll(() => leaderElected(page)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);

  // The help panel, a modal dialog, from the keyboard: `?` outside the terminal.
  await page.keyboard.press('F6');
  expect(await focusedRegion(page)).toBe('graph');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard and screen reader' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Escape, then Tab / Shift+Tab');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(await focusedRegion(page)).toBe('graph');

  // The Raft log panel of a manager.
  await page.locator('.graph .machine[data-hostname="manager1"] .machine-button').click();
  await page.getByRole('button', { name: 'Raft log' }).click();
  await expect(page.getByRole('region', { name: 'Raft log of manager1' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close the Raft log' }).click();

  // Two of the three managers stopped: no quorum, no leader, and the page says so.
  for (const hostname of ['manager2', 'manager3']) {
    await page.locator(`.graph .machine[data-hostname="${hostname}"] .machine-button`).click();
    await page.getByRole('button', { name: 'Stop docker' }).click();
    await expect(page.getByRole('button', { name: 'Start docker' })).toBeVisible();
  }
  await page.evaluate(() => window.playground.advance(30));
  await expect(page.locator('.no-leader')).toBeVisible();
  await expect(page.locator('.quorum .verdict')).toHaveText('no quorum');
  await expect(page.getByRole('log', { name: 'Cluster announcements' })).toContainText(
    'Quorum lost',
  );
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('F6 cycles the regions; Escape then Tab leaves the terminal, Tab alone completes', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=3m2w&seed=5');
  await waitForPrompt(page, 'manager1');
  expect(await focusedRegion(page)).toBe('terminal');
  const order: (string | null)[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('F6');
    order.push(await focusedRegion(page));
  }
  expect(order).toEqual(['graph', 'log', 'controls', 'tabs', 'terminal']);
  await page.keyboard.press('Shift+F6');
  expect(await focusedRegion(page)).toBe('tabs');
  await page.keyboard.press('F6');
  expect(await focusedRegion(page)).toBe('terminal');

  // Tab completes and keeps the focus; `?` is typed, not a request for help.
  await page.keyboard.type('docker no');
  await page.keyboard.press('Tab');
  await expect.poll(() => terminalText(page, 'manager1')).toMatch(/# docker node$/);
  expect(await focusedRegion(page)).toBe('terminal');
  await page.keyboard.type('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => terminalText(page, 'manager1')).toMatch(/# docker node \?$/);

  // Escape, Tab: out to the next control (the splitter); Escape, Shift+Tab: back to the tabs.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focusedRegion(page)).not.toBe('terminal');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('separator');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedRegion(page)).toBe('terminal');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedRegion(page)).toBe('tabs');
  expect(errors).toEqual([]);
});

test('a lab with the keyboard only: pause, a machine, its terminal, a command, the log', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=3m2w&seed=5');
  await waitForPrompt(page, 'manager1');

  // The control bar: its first stop is the help, then Pause.
  await f6To(page, 'controls');
  expect(await focusedName(page)).toBe('Keyboard help (?)');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/Pause/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Play/ })).toBeFocused();
  // Step, one Raft tick a press, until the managers have elected a leader.
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Step');
  for (let steps = 0; steps < 40 && !(await leaderElected(page)); steps++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(50);
  }
  await expect.poll(() => leaderElected(page)).toBe(true);

  // The graph: the selected machine holds its tab stop; the arrows move on.
  await f6To(page, 'graph');
  expect(await focusedName(page)).toMatch(/^manager1, manager, /);
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toMatch(
    /^manager2, manager, (Leader|Reachable), Ready, term \d+, commit \d+$/,
  );
  // Space selects it and leaves the focus here; its actions are one Shift+Tab away.
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'Machine manager2' })).toBeVisible();
  expect(await focusedRegion(page)).toBe('graph');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page)).toBe('Remove');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/^manager2, /);

  // Enter opens its terminal, with the focus in it.
  await page.keyboard.press('Enter');
  await expect(page.locator('.pane[data-hostname="manager2"]')).toBeVisible();
  expect(await focusedRegion(page)).toBe('terminal');
  await waitForPrompt(page, 'manager2');
  await page.keyboard.type('docker node update --availability drain worker1');
  await page.keyboard.press('Enter');

  // Out of the terminal, and time on by a few ticks from the control bar.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focusedRegion(page)).not.toBe('terminal');
  await f6To(page, 'controls');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Step');
  for (let steps = 0; steps < 3; steps++) await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 'manager2')).toMatch(/\nworker1\n/);

  // The event log takes the focus, and its newest line says what the command did.
  await f6To(page, 'log');
  const log = page.getByRole('list', { name: 'Event log' });
  await expect(log).toBeFocused();
  await expect(log.locator('li').last()).toContainText('worker1 availability is now Drain');
  expect(errors).toEqual([]);
});

test("the terminals' screen-reader mode is switched in the help and kept across a reload", async ({
  page,
}) => {
  await page.goto('/?preset=3m2w&seed=5');
  await waitForPrompt(page, 'manager1');
  const tree = page.locator('.pane[data-hostname="manager1"] .xterm-accessibility-tree');
  await expect(tree).toHaveCount(0);
  await f6To(page, 'graph');
  await page.keyboard.press('?');
  const mode = page.getByRole('checkbox', { name: /Screen-reader mode/ });
  await mode.check();
  await expect(tree).toHaveCount(1);
  await page.keyboard.press('Escape');

  await page.reload();
  await waitForPrompt(page, 'manager1');
  await expect(tree).toHaveCount(1);
  await f6To(page, 'graph');
  await page.keyboard.press('?');
  await expect(mode).toBeChecked();
});

/** Whether any RPC dot moved over a tenth of a second, and whether any stayed to be seen. */
function dotsMove(page: Page): Promise<{ moved: boolean; seen: boolean }> {
  return page.evaluate(async () => {
    const dots = [...document.querySelectorAll('.graph .rpcs circle')];
    const before = new Map(dots.map((dot) => [dot, dot.getAttribute('cx')]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const kept = dots.filter((dot) => dot.isConnected);
    return {
      moved: kept.some((dot) => dot.getAttribute('cx') !== before.get(dot)),
      seen: kept.length > 0,
    };
  });
}

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test(`RPC dots ${reducedMotion === 'reduce' ? 'stay still with' : 'fly without'} reduced motion`, async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion });
    await page.goto('/?preset=3m2w&seed=5');
    await page.waitForFunction(() => 'playground' in window);
    await page.evaluate(() => window.playground.advance(25));
    // Heartbeats fly every virtual second while time runs at 1×.
    await expect
      .poll(async () => {
        const { moved, seen } = await dotsMove(page);
        return seen ? moved : null;
      })
      .toBe(reducedMotion !== 'reduce');
  });
}
