import { expect, test, type Page } from '@playwright/test';
import { collectErrors, waitForPrompt } from './support';

test('a service runs its tasks as chips inside their nodes, and the event log tells it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=3m2w&seed=4');
  await waitForPrompt(page, 'manager1');
  await page.evaluate(() => window.playground.advance(15));
  // Time runs at 1×: the first docker command loads the CLI first, and its Raft round needs
  // virtual time to pass while it waits.
  const created = await page.evaluate(async () => {
    const answer = window.playground.exec(
      'docker service create -d --name web --replicas 3 nginx',
      {
        machine: 'manager1',
      },
    );
    await window.playground.advance(2);
    return answer;
  });
  expect(created.exitCode).toBe(0);
  await page.evaluate(() => window.playground.advance(10));
  const running = page.locator('.graph rect.chip[data-state="running"]');
  await expect(running).toHaveCount(3);
  // One chip per node: the scheduler spreads the replicas.
  const hosts = await running.evaluateAll((chips) =>
    chips.map((chip) => chip.closest('.machine')?.getAttribute('data-hostname') ?? ''),
  );
  expect(new Set(hosts).size).toBe(3);
  await expect(page.locator('.graph rect.chip[data-task="web.1"] title')).toHaveText(
    'web.1: Running',
  );
  await expect(page.locator('.event-log')).toContainText('service web created with 3 replicas');
  await expect(page.locator('.event-log')).toContainText('web.1 running on');

  const scaled = await page.evaluate(async () => {
    const answer = window.playground.exec('docker service scale -d web=1', { machine: 'manager1' });
    await window.playground.advance(2);
    return answer;
  });
  expect(scaled.output).toContain('web scaled to 1');
  await page.evaluate(() => window.playground.advance(10));
  await expect(running).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a task no node takes waits at the leader and says, node by node, why not there', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=1m2w&seed=2');
  await waitForPrompt(page, 'manager1');
  await page.evaluate(() => window.playground.advance(15));
  const created = await page.evaluate(async () => {
    const answer = window.playground.exec(
      'docker service create -d --name db --constraint node.labels.disk==ssd redis',
      { machine: 'manager1' },
    );
    await window.playground.advance(2);
    return answer;
  });
  expect(created.exitCode).toBe(0);
  await page.evaluate(() => window.playground.advance(5));
  const chip = page.locator('.graph .scheduler rect.chip[data-pending-task="db.1"]');
  await expect(chip).toHaveCount(1);
  await expect(chip.locator('title')).toHaveText(
    [
      'db.1: Pending, no suitable node (scheduling constraints not satisfied on 3 nodes)',
      'manager1: scheduling constraints not satisfied',
      'worker1: scheduling constraints not satisfied',
      'worker2: scheduling constraints not satisfied',
    ].join('\n'),
  );
  // The keyboard reaches it too, with the same words.
  await chip.focus();
  await expect(chip).toBeFocused();
  await expect(chip).toHaveAttribute('aria-label', /^db\.1: Pending, no suitable node/);

  // Once a node qualifies, the task leaves the scheduler for that node.
  await page.evaluate(async () => {
    const answer = window.playground.exec('docker node update --label-add disk=ssd worker2', {
      machine: 'manager1',
    });
    await window.playground.advance(2);
    return answer;
  });
  await page.evaluate(() => window.playground.advance(10));
  await expect(chip).toHaveCount(0);
  await expect(
    page.locator('.graph .machine[data-hostname="worker2"] rect.chip[data-task="db.1"]'),
  ).toHaveAttribute('data-state', 'running');
  expect(errors).toEqual([]);
});

/** Records the tasks of every flying chip the graph draws from now on. */
async function recordFlights(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    Reflect.set(window, 'flightsSeen', seen);
    const graph = document.querySelector('.graph');
    if (graph === null) throw new Error('no graph');
    new MutationObserver(() => {
      for (const chip of graph.querySelectorAll('.flights rect.flight')) {
        seen.add(chip.getAttribute('data-task') ?? '');
      }
    }).observe(graph, { subtree: true, childList: true });
  });
}

function flightsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen: unknown = Reflect.get(window, 'flightsSeen');
    return seen instanceof Set ? [...seen].map(String).sort() : [];
  });
}

async function createWeb(page: Page): Promise<void> {
  await page.goto('/?preset=3m2w&seed=4');
  await waitForPrompt(page, 'manager1');
  await page.evaluate(() => window.playground.advance(15));
  await recordFlights(page);
  const created = await page.evaluate(async () => {
    const answer = window.playground.exec(
      'docker service create -d --name web --replicas 3 nginx',
      { machine: 'manager1' },
    );
    await window.playground.advance(2);
    return answer;
  });
  expect(created.exitCode).toBe(0);
  await page.evaluate(() => window.playground.advance(10));
  await expect(page.locator('.graph .machine rect.chip[data-state="running"]')).toHaveCount(3);
}

test('a placed task flies from the leader to its node, unless motion is reduced', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await createWeb(page);
  // Each of the three chips was drawn in the air on its way from the scheduler.
  await expect.poll(() => flightsSeen(page)).toEqual(['web.1', 'web.2', 'web.3']);
  // Landed: nothing is left in the air, and every chip shows in its node.
  await expect(page.locator('.graph .flights rect.flight')).toHaveCount(0);
  await expect(page.locator('.graph .machine rect.chip.arriving')).toHaveCount(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await createWeb(page);
  expect(await flightsSeen(page)).toEqual([]);
  expect(errors).toEqual([]);
});
