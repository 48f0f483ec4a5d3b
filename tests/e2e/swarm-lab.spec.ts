import { expect, test, type Page } from '@playwright/test';
import { collectErrors, terminalText, typeLine, waitForPrompt } from './support';

const NO_LEADER =
  "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";

/** Brings a machine's terminal to the front, as a click on its tab does. */
async function open(page: Page, hostname: string): Promise<void> {
  await page.getByRole('tab', { name: hostname }).click();
  await waitForPrompt(page, hostname);
}

/**
 * Types a command and waits until it has finished: the screen changed, and after the last echo
 * of the command comes its output and then one prompt, and nothing else. Rows are joined first,
 * since long lines wrap and a full screen scrolls.
 */
async function type(page: Page, hostname: string, line: string): Promise<string> {
  const before = await terminalText(page, hostname);
  await typeLine(page, hostname, line);
  await expect
    .poll(async () => {
      const text = await terminalText(page, hostname);
      if (text === before) return false;
      const unwrapped = text.replace(/\n/g, '');
      const at = unwrapped.lastIndexOf(line);
      if (at < 0) return false;
      const after = unwrapped.slice(at + line.length);
      return after.indexOf('root@') === after.lastIndexOf('root@') && /root@\w+:~# ?$/.test(after);
    })
    .toBe(true);
  return terminalText(page, hostname);
}

/** Moves the page's virtual clock on while a command waits, as the Play button would. */
async function advance(page: Page, seconds: number): Promise<void> {
  await page.evaluate((s) => window.playground.advance(s), seconds);
}

/**
 * What the last command printed, with the terminal's soft wraps undone (a token is longer than
 * the pane is wide).
 */
function lastOutput(text: string, command: string): string {
  const start = text.lastIndexOf(command.slice(-20));
  const rest = text.slice(start + Math.min(20, command.length));
  const end = rest.lastIndexOf('root@');
  return rest.slice(0, end).replace(/\n/g, '').trim();
}

test('the classic lab, typed: build a swarm, lose quorum, get it back', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto('/?preset=no-swarm&seed=1');
  await open(page, 'manager1');
  const init = await type(page, 'manager1', 'docker swarm init --advertise-addr 192.168.0.11');
  expect(init).toContain('Swarm initialized: current node (');

  const askManager = 'docker swarm join-token -q manager';
  const managerToken = lastOutput(await type(page, 'manager1', askManager), askManager);
  const askWorker = 'docker swarm join-token -q worker';
  const workerToken = lastOutput(await type(page, 'manager1', askWorker), askWorker);
  expect(managerToken).toMatch(/^SWMTKN-1-\w+-\w+$/);
  expect(workerToken).toMatch(/^SWMTKN-1-\w+-\w+$/);
  expect(workerToken).not.toBe(managerToken);

  for (const [host, token, said] of [
    ['manager2', managerToken, 'This node joined a swarm as a manager.'],
    ['manager3', managerToken, 'This node joined a swarm as a manager.'],
    ['worker1', workerToken, 'This node joined a swarm as a worker.'],
    ['worker2', workerToken, 'This node joined a swarm as a worker.'],
  ] as const) {
    await open(page, host);
    const text = await type(page, host, `docker swarm join --token ${token} 192.168.0.11:2377`);
    expect(text).toContain(said);
  }
  // Let every agent register with the dispatcher.
  await advance(page, 8);

  await open(page, 'manager1');
  const ls = await type(page, 'manager1', 'docker node ls');
  const table = ls.slice(ls.lastIndexOf('docker node ls'));
  expect(table.match(/\bLeader\b/g)).toHaveLength(1);
  expect(table.match(/\bReachable\b/g)).toHaveLength(2);
  expect(table.match(/\bReady\b/g)).toHaveLength(5);

  for (const host of ['manager2', 'manager3']) {
    await open(page, host);
    await type(page, host, 'systemctl stop docker.socket docker');
  }
  // CheckQuorum (10–20 s), then more than 10 leaderless ticks: calls fail at once.
  await advance(page, 35);
  await open(page, 'manager1');
  const failed = await type(page, 'manager1', 'docker node update --label-add a=b worker1');
  expect(failed.replace(/\n/g, '')).toContain(NO_LEADER);
  await expect(page.locator('.graph .machine[data-hostname="manager2"]')).toHaveClass(/stopped/);

  await open(page, 'manager2');
  await type(page, 'manager2', 'systemctl start docker');
  // A new election (10–19 s of election timeout at most), then the write goes through.
  await advance(page, 25);
  await open(page, 'manager1');
  const written = await type(page, 'manager1', 'docker node update --label-add a=b worker1');
  expect(written.split('\n').slice(-3)).toEqual([
    'root@manager1:~# docker node update --label-add a=b worker1',
    'worker1',
    'root@manager1:~#',
  ]);
  const inspect = await type(page, 'manager1', "docker node inspect -f '{{.Spec.Labels}}' worker1");
  expect(inspect).toContain('map[a:b]');
  await expect(
    page.locator('.graph .machine[data-hostname="manager3"] .node-status.alarm'),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
