import { expect, test, type Page } from '@playwright/test';
import type { ClusterView } from '../../src/sim/read-model';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { savedRun } from './saved-records';
import { collectErrors, pause, terminalText, typeLine, waitForPrompt } from './support';

function leaderOf(view: ClusterView): string | undefined {
  return view.machines.find((machine) => machine.raft?.role === 'leader')?.hostname;
}

async function state(page: Page): Promise<ClusterView> {
  return page.evaluate(() => window.playground.state());
}

/** Deletes every checkpoint the page's coordinator wrote, leaving the head that names one. */
async function deleteCheckpoints(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('swarm-playground');
        request.onsuccess = () => {
          const database = request.result;
          const store = database.transaction('runs', 'readwrite').objectStore('runs');
          const range = IDBKeyRange.bound('checkpoint:', 'checkpoint;', false, true);
          const keys = store.getAllKeys(range);
          keys.onsuccess = () => {
            const remove = store.delete(range);
            remove.onsuccess = () => {
              database.close();
              resolve(keys.result.length);
            };
          };
        };
      }),
  );
}

test('managers run in Web Workers, elect a leader on their own, and the graph shows RPCs', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=3m2w&seed=5');
  await expect(page.locator('.graph .machine')).toHaveCount(5);
  // One worker for the coordinator, one for each of the three managers.
  await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(4);
  await page.evaluate(() => window.playground.advance(25));
  const view = await state(page);
  const leader = leaderOf(view);
  expect(leader).toMatch(/^manager[123]$/);
  expect(view.machines.filter((m) => m.raft !== null)).toHaveLength(3);
  await expect(page.locator(`.graph .machine.leader[data-hostname="${leader}"]`)).toBeVisible();
  await expect(page.locator('.graph .crown')).toHaveCount(1);
  // Heartbeats fly every second of virtual time: dots appear while time runs.
  await expect.poll(() => page.locator('.graph .rpcs circle').count()).toBeGreaterThan(0);
  await expect(page.locator('.event-log')).toContainText(`became the Raft leader in term`);
  expect(errors).toEqual([]);
});

test('a promotion moves a worker machine into a Web Worker of its own; a demotion moves it back', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=3m2w&seed=5');
  await page.waitForFunction(() => 'playground' in window);
  // Time runs at 1×: the commands below wait on virtual time, as typed ones do.
  await page.evaluate(() => window.playground.advance(10));
  const threadOf = async (hostname: string): Promise<string | undefined> =>
    (await state(page)).machines.find((machine) => machine.hostname === hostname)?.thread;
  // The coordinator's worker and one per manager; the worker machines share the coordinator's.
  await expect.poll(() => page.workers().length).toBe(4);
  expect(await threadOf('worker1')).toBe('shared');
  const exec = (line: string) =>
    page.evaluate((command) => window.playground.exec(command, { machine: 'manager1' }), line);

  expect(await exec('docker node promote worker1')).toEqual({
    output: 'Node worker1 promoted to a manager in the swarm.\n',
    exitCode: 0,
  });
  await expect.poll(() => threadOf('worker1'), { timeout: 20_000 }).toBe('own-worker');
  await expect.poll(() => page.workers().length).toBe(5);
  await expect(page.locator('.graph .machine[data-hostname="worker1"]')).toHaveAttribute(
    'data-thread',
    'own-worker',
  );
  // It moved without a restart: a Raft member that follows the leader.
  await expect
    .poll(
      async () => (await state(page)).machines.find((m) => m.hostname === 'worker1')?.raft?.role,
    )
    .toBe('follower');
  await expect(page.locator('.event-log')).toContainText('moved into a Web Worker of its own');

  expect((await exec('docker node demote worker1')).exitCode).toBe(0);
  await expect.poll(() => threadOf('worker1'), { timeout: 20_000 }).toBe('shared');
  await expect.poll(() => page.workers().length).toBe(4);
  await expect(page.locator('.event-log')).toContainText('moved back to the shared worker thread');
  expect(errors).toEqual([]);
});

test('stopping the leader daemon gives a new election with swarmkit timing', async ({ page }) => {
  await page.goto('/?preset=3m2w&seed=8');
  await pause(page);
  await page.evaluate(() => window.playground.advance(25));
  const first = leaderOf(await state(page));
  if (first === undefined) throw new Error('no leader after 25 s');
  await page.locator(`.graph .machine[data-hostname="${first}"]`).click();
  await page.getByRole('button', { name: 'Stop docker' }).click();
  await expect(page.getByRole('button', { name: 'Start docker' })).toBeVisible();
  const stoppedAt = (await state(page)).timeMs;
  await page.evaluate(() => window.playground.advance(30));
  const after = await state(page);
  const second = leaderOf(after);
  expect(second).toBeDefined();
  expect(second).not.toBe(first);
  const elected = after.events.find(
    (event) =>
      event.timeMs > stoppedAt &&
      event.machine === second &&
      event.text.startsWith('became the Raft leader'),
  );
  if (elected === undefined) throw new Error('no election event');
  const seconds = (elected.timeMs - stoppedAt) / 1000;
  // ElectionTick 10 with jitter: 10–20 ticks after the last heartbeat, which can be up to a
  // second older than the stop.
  expect(seconds).toBeGreaterThanOrEqual(8);
  expect(seconds).toBeLessThanOrEqual(21);
  await expect(page.locator('.event-log')).toContainText('docker daemon stopped');
});

test('pause, step and speed control virtual time', async ({ page }) => {
  await page.goto('/?preset=1m2w&seed=2');
  await pause(page);
  const paused = (await state(page)).timeMs;
  await page.waitForTimeout(400);
  expect((await state(page)).timeMs).toBe(paused);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(async () => (await state(page)).timeMs).toBe(paused + 1000);
  await page.getByLabel('Speed').selectOption('50');
  await page.getByRole('button', { name: /Play/ }).click();
  await page.waitForTimeout(500);
  // Half a wall second at 50× is many virtual seconds; at 1× it would be half of one.
  expect((await state(page)).timeMs - paused).toBeGreaterThan(5000);
});

test('a reload straight after a command keeps what it changed', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', 'docker node update --label-add keep=me worker1');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('docker node update --label-add keep=me worker1\nworker1');
  // No wait: the answer was shown only once the save that holds the command was written.
  await page.reload();
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', "docker node inspect -f '{{json .Spec.Labels}}' worker1");
  await expect.poll(() => terminalText(page, 'manager1')).toContain('\n{"keep":"me"}');
  expect(errors).toEqual([]);
});

test('a reload brings back the same cluster and log, and the save replays identically in Node', async ({
  page,
}) => {
  await page.goto('/?preset=3m2w&seed=21');
  await pause(page);
  await page.evaluate(() => window.playground.advance(25));
  const first = leaderOf(await state(page));
  await page.locator(`.graph .machine[data-hostname="${first ?? ''}"]`).click();
  await page.getByRole('button', { name: 'Stop docker' }).click();
  // Past a virtual minute, a save holds a checkpoint that the manager workers exported.
  await page.evaluate(() => window.playground.advance(90));
  const before = await state(page);
  // The page saves every 2 s while the cluster changes.
  await expect.poll(async () => (await savedRun(page)) !== null, { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(2500);
  const saved = await savedRun(page);
  if (saved === null) throw new Error('nothing saved');
  expect(saved.simulation).toMatchObject({ checkpoint: { machines: expect.any(Array) } });

  // The browser ran the managers in Web Workers; replaying the saved inputs in-process must reach
  // the same trace hash, or restore refuses it.
  const replayed = await LocalSimulation.restore(saved.simulation);
  const frame = await replayed.frame();
  replayed.dispose();
  expect(frame.traceHash).toBe(before.traceHash);

  await page.goto('/');
  await expect(page.locator('.graph .machine')).toHaveCount(5);
  const after = await state(page);
  expect(after.preset).toBe('3m2w');
  expect(after.seed).toBe(21);
  expect(after.timeMs).toBeGreaterThanOrEqual(before.timeMs);
  expect(after.timeMs - before.timeMs).toBeLessThan(3000);
  expect(leaderOf(after)).toBe(leaderOf(before));
  // The log comes back as it was told, though the restore replayed only the last inputs.
  expect(after.events.slice(0, before.events.length)).toEqual(before.events);
  expect(after.machines.map((m) => [m.hostname, m.daemon, m.raft?.term])).toEqual(
    before.machines.map((m) => [m.hostname, m.daemon, m.raft?.term]),
  );
  // The replay ran in the coordinator's worker; the managers then moved into workers of their
  // own, the stopped one too.
  await expect.poll(() => page.workers().length).toBe(4);
  expect(after.machines.map((m) => [m.hostname, m.thread])).toEqual([
    ['manager1', 'own-worker'],
    ['manager2', 'own-worker'],
    ['manager3', 'own-worker'],
    ['worker1', 'shared'],
    ['worker2', 'shared'],
  ]);
});

test('a corrupt save is reported and replaced by a fresh cluster', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=1m2w');
  await expect.poll(async () => (await savedRun(page)) !== null, { timeout: 10_000 }).toBe(true);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('swarm-playground');
        request.onsuccess = () => {
          const database = request.result;
          const put = database
            .transaction('runs', 'readwrite')
            .objectStore('runs')
            .put(
              { formatVersion: 1, preset: '1m2w', seed: 1, epochMs: 0, simulation: { bogus: 1 } },
              'current',
            );
          put.onsuccess = () => {
            database.close();
            resolve();
          };
        };
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'The saved cluster could not be restored',
  );
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'A fresh cluster was started.',
  );
  await expect(page.locator('.graph .machine')).toHaveCount(5);
  expect(errors).toEqual([]);
});

test('a save whose checkpoint is missing is reported and replaced by a fresh cluster', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=1m2w&seed=3');
  await pause(page);
  // Past a virtual minute, the next save takes a checkpoint, written apart from the head.
  await page.evaluate(() => window.playground.advance(70));
  await expect
    .poll(
      async () =>
        (await savedRun(page))?.simulation as { checkpoint: { machines?: unknown } | null } | null,
      { timeout: 10_000 },
    )
    .toMatchObject({ checkpoint: { machines: expect.any(Array) } });
  // The page is paused: no save runs while the checkpoints are removed and the page reloads.
  expect(await deleteCheckpoints(page)).toBeGreaterThan(0);
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    "The saved cluster could not be restored: the save's checkpoint is missing from the browser's storage.",
  );
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'A fresh cluster was started.',
  );
  // The fresh cluster is the default one, as the URL names none.
  await expect(page.locator('.graph .machine')).toHaveCount(5);
  expect(errors).toEqual([]);
});
