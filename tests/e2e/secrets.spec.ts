import { expect, test, type Locator, type Page } from '@playwright/test';
import { encodeBase64 } from '../../src/lib/base64';
import { encodeText } from '../../src/lib/crypto';
import { collectErrors, openTerminal, runCommand } from './support';

/**
 * Docker's "Manage sensitive data with Docker secrets" recipe, typed into the machines'
 * terminals: create a secret, grant it to a service, read it in the task's container on the node
 * that runs it, fail to remove it while it is in use, rotate it, then remove the old one. The
 * graph and the event log follow each step by the secret's name and path, never its data.
 */

const FIRST = 'first-pass';
const SECOND = 'second-pass';
/** Each secret's data as it stands in clear, and in base64 as the Engine API carries it. */
const FORBIDDEN = [FIRST, SECOND].flatMap((data) => [
  data,
  encodeBase64(encodeText(data)).replace(/=+$/, ''),
]);
const HOSTS = ['manager1', 'manager2', 'manager3', 'worker1', 'worker2'] as const;

// Wide enough that no line the recipe prints wraps: a soft wrap loses the space it falls on.
test.use({ viewport: { width: 1800, height: 1000 } });

/**
 * Watches the page outside the terminals from now on, and records every text or attribute that
 * holds one of `words` as it appears: a leak that shows for one frame is caught too.
 */
async function watchForLeaks(page: Page, words: readonly string[]): Promise<void> {
  await page.evaluate((watched) => {
    const leaks: string[] = [];
    Reflect.set(window, 'leaksSeen', leaks);
    // The terminals echo what was typed, the printf of each secret included: that is the user's
    // own line, not the page telling it.
    const inTerminal = (node: Node): boolean =>
      (node instanceof Element ? node : node.parentElement)?.closest('.pane') != null;
    const check = (node: Node, text: string | null): void => {
      if (text === null || inTerminal(node)) return;
      for (const word of watched) if (text.includes(word)) leaks.push(text);
    };
    const outside = document.body.cloneNode(true);
    if (outside instanceof Element) {
      for (const pane of outside.querySelectorAll('.pane')) pane.remove();
      check(outside, outside.outerHTML);
    }
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element) {
          check(record.target, record.target.getAttribute(record.attributeName ?? ''));
        } else if (record.type === 'characterData') {
          check(record.target, record.target.textContent);
        }
        for (const added of record.addedNodes) {
          check(added, added instanceof Element ? added.outerHTML : added.textContent);
        }
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }, words);
}

function leaksSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const leaks: unknown = Reflect.get(window, 'leaksSeen');
    return Array.isArray(leaks) ? leaks.map(String) : ['the leak watch is not installed'];
  });
}

/** The event log's texts, one per event, without their times and machines. */
function eventTexts(page: Page): Promise<string[]> {
  return page.locator('.event-log li .text').allInnerTexts();
}

/** Which of the secrets' data, in clear or base64, `text` holds. */
function forbiddenIn(text: string): string[] {
  return FORBIDDEN.filter((word) => text.includes(word));
}

/** No secret's data is in the event log, nor anywhere the watch saw outside a terminal. */
async function expectNoPlaintext(page: Page): Promise<void> {
  expect(forbiddenIn((await eventTexts(page)).join('\n'))).toEqual([]);
  expect(await leaksSeen(page)).toEqual([]);
}

/** The rows of the Raft log panel that it marks as a secret's: each entry's index and words. */
function secretEntries(panel: Locator): Promise<{ index: number; entry: string }[]> {
  return panel.locator('tr.secret').evaluateAll((rows) =>
    rows.map((row) => ({
      index: Number(row.getAttribute('data-index')),
      entry: row.querySelectorAll('td')[2]?.textContent ?? '',
    })),
  );
}

/** The newest entry the panel marks as a secret's, once one is past `after`: its index. */
async function newestSecretEntry(panel: Locator, after: number, entry: string): Promise<number> {
  const seen = { index: 0 };
  await expect
    .poll(async () => {
      const [newest] = await secretEntries(panel);
      seen.index = newest?.index ?? 0;
      return newest !== undefined && newest.index > after ? newest.entry : null;
    })
    .toBe(entry);
  return seen.index;
}

/**
 * A table as docker's tabwriter prints it, read by the header's column starts: each row as a
 * record from header to cell. Cells hold no run of spaces where a column starts, as in
 * `docker service ps`.
 */
function readTable(text: string): Record<string, string>[] {
  const [header = '', ...rows] = text.split('\n');
  const starts = [...header.matchAll(/(?:^|(?<=\s{2}))\S+(?: \S+)*/g)].map((match) => ({
    name: match[0],
    at: match.index,
  }));
  return rows.map((row) =>
    Object.fromEntries(
      starts.map(({ name, at }, i) => [
        name,
        row.slice(at, starts[i + 1]?.at ?? row.length).trim(),
      ]),
    ),
  );
}

/** Where `web.1`'s running task is, as `docker service ps web` on the manager tells it. */
async function runningTask(page: Page): Promise<{ id: string; node: string }> {
  const tasks = readTable(await runCommand(page, 'manager1', 'docker service ps web'));
  const running = tasks.filter((task) => task['DESIRED STATE'] === 'Running');
  expect(running).toHaveLength(1);
  const [task] = running;
  expect(task).toMatchObject({
    NAME: 'web.1',
    IMAGE: 'nginx:alpine',
    'CURRENT STATE': expect.stringMatching(/^Running /),
  });
  const id = task?.ID ?? '';
  const node = task?.NODE ?? '';
  expect(id).toMatch(/^[0-9a-z]{12}$/);
  expect(HOSTS).toContain(node);
  return { id, node };
}

/**
 * On the node that runs the task, `docker ps` lists its container and the container reads the
 * secret at its target; every other node runs no container of the service.
 */
async function expectSecretIn(
  page: Page,
  task: { id: string; node: string },
  data: string,
): Promise<void> {
  await openTerminal(page, task.node);
  const containers = readTable(await runCommand(page, task.node, 'docker ps'));
  expect(containers).toEqual([
    expect.objectContaining({
      IMAGE: 'nginx:alpine',
      NAMES: expect.stringMatching(new RegExp(`^web\\.1\\.${task.id}[0-9a-z]{13}$`)),
    }),
  ]);
  // The docs' own line: the container found by name, the file read where the target put it.
  const cat = 'docker exec $(docker ps --filter name=web -q) cat /run/secrets/db_pass';
  // cat prints the data as it was given, with no newline, so bash's prompt follows it directly.
  expect(await runCommand(page, task.node, cat)).toBe(data);
  for (const host of HOSTS.filter((host) => host !== task.node)) {
    await openTerminal(page, host);
    expect(await runCommand(page, host, 'docker ps --filter name=web -q'), host).toBe('');
  }
  await openTerminal(page, 'manager1');
}

/** The files badge on the task's chip, in the node that runs it, names the secret and its path. */
async function expectBadge(page: Page, node: string, secret: string): Promise<void> {
  const badges = page.locator('.graph .machine g.files[data-task="web.1"]');
  await expect
    .poll(
      () =>
        badges.evaluateAll((found) =>
          found.map((badge) => ({
            node: badge.closest('.machine')?.getAttribute('data-hostname'),
            glyph: badge.getAttribute('data-glyph'),
            files: badge.getAttribute('data-files'),
            label: badge.getAttribute('aria-label'),
          })),
        ),
      { timeout: 15_000 },
    )
    .toEqual([
      {
        node,
        glyph: 'secret',
        files: '/run/secrets/db_pass',
        label: `web.1 mounts:\nsecret ${secret} at /run/secrets/db_pass`,
      },
    ]);
}

test("the docs' secret rotation, typed: create, mount, refuse removal, rotate, remove", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  // Seed 2 places web.1 on a worker, so its container is read on another machine's terminal
  // than the manager's; the test finds the node as a user would, wherever it is.
  await page.goto('/?preset=3m2w&seed=2');
  await openTerminal(page, 'manager1');
  await watchForLeaks(page, FORBIDDEN);

  // 1. The secret, from standard input: its ID, then its line in the list.
  const id = await runCommand(
    page,
    'manager1',
    `printf "${FIRST}" | docker secret create db_pass_v1 -`,
  );
  expect(id).toMatch(/^[0-9a-z]{25}$/);
  const secrets = readTable(await runCommand(page, 'manager1', 'docker secret ls'));
  expect(secrets).toEqual([
    {
      ID: id,
      NAME: 'db_pass_v1',
      DRIVER: '',
      CREATED: expect.any(String),
      UPDATED: expect.any(String),
    },
  ]);
  await expect.poll(() => eventTexts(page)).toContain('secret db_pass_v1 created');
  await expectNoPlaintext(page);

  // The leader's Raft log holds the secret's entry, marked, as ciphertext only.
  await page
    .getByRole('group', { name: 'Machine manager1' })
    .getByRole('button', { name: 'Raft log' })
    .click();
  const raftLog = page.getByRole('region', { name: 'Raft log of manager1' });
  const created1 = await newestSecretEntry(raftLog, 0, 'create secret (its data never shown)');
  await expect(raftLog.locator(`tr[data-index="${created1}"] .cipher`)).toHaveText(
    /^[0-9a-f]{24}… \d+ B$/,
  );
  expect(forbiddenIn(await raftLog.innerText())).toEqual([]);
  await expectNoPlaintext(page);

  // 2. The service, granted the secret under the target the application reads.
  const create =
    'docker service create --name web --replicas 1 --secret source=db_pass_v1,target=db_pass nginx:alpine';
  const created = (await runCommand(page, 'manager1', create)).split('\n');
  const serviceId = created[0] ?? '';
  expect(serviceId).toMatch(/^[0-9a-z]{25}$/);
  expect(created.at(-1)).toBe(`verify: Service ${serviceId} converged`);
  await expectNoPlaintext(page);

  // 3. The task's node, from the manager; the data, in that node's container only.
  const first = await runningTask(page);
  await expect(
    page.locator(`.graph .machine[data-hostname="${first.node}"] rect.chip[data-task="web.1"]`),
  ).toHaveAttribute('data-state', 'running');
  await expectSecretIn(page, first, FIRST);
  await expectBadge(page, first.node, 'db_pass_v1');
  await expect
    .poll(() => eventTexts(page))
    .toContain(`secret db_pass_v1 mounted in web.1 on ${first.node} at /run/secrets/db_pass`);
  await expectNoPlaintext(page);

  // 4. In use: swarmkit's RemoveSecret refuses it, naming the service, and docker exits 1.
  expect(await runCommand(page, 'manager1', 'docker secret rm db_pass_v1')).toBe(
    "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'db_pass_v1' is in use by the following service: web",
  );
  expect(await runCommand(page, 'manager1', 'echo $?')).toBe('1');
  await expectNoPlaintext(page);

  // 5. The rotation: a new secret under the same target, the old one taken off the service.
  const id2 = await runCommand(
    page,
    'manager1',
    `printf "${SECOND}" | docker secret create db_pass_v2 -`,
  );
  expect(id2).toMatch(/^[0-9a-z]{25}$/);
  const created2 = await newestSecretEntry(
    raftLog,
    created1,
    'create secret (its data never shown)',
  );
  expect(forbiddenIn(await raftLog.innerText())).toEqual([]);
  const update =
    'docker service update --secret-rm db_pass_v1 --secret-add source=db_pass_v2,target=db_pass web';
  const updated = (await runCommand(page, 'manager1', update)).split('\n');
  expect(updated[0]).toBe('web');
  expect(updated.at(-1)).toBe('verify: Service web converged');
  await expectNoPlaintext(page);

  const second = await runningTask(page);
  expect(second.id).not.toBe(first.id);
  await expectSecretIn(page, second, SECOND);
  await expectBadge(page, second.node, 'db_pass_v2');
  await expect
    .poll(() => eventTexts(page))
    .toEqual(
      expect.arrayContaining([
        `secret db_pass_v1 unmounted from web.1 on ${first.node} at /run/secrets/db_pass`,
        `secret db_pass_v2 mounted in web.1 on ${second.node} at /run/secrets/db_pass`,
      ]),
    );
  await expectNoPlaintext(page);

  // No service uses the old secret now: it goes, and only the new one is left.
  expect(await runCommand(page, 'manager1', 'docker secret rm db_pass_v1')).toBe('db_pass_v1');
  expect(await runCommand(page, 'manager1', 'echo $?')).toBe('0');
  const left = readTable(await runCommand(page, 'manager1', 'docker secret ls'));
  expect(left.map((secret) => secret.NAME)).toEqual(['db_pass_v2']);
  await expect.poll(() => eventTexts(page)).toContain('secret db_pass_v1 removed');
  await newestSecretEntry(raftLog, created2, 'remove secret (its data never shown)');
  expect(forbiddenIn(await raftLog.innerText())).toEqual([]);
  await expectNoPlaintext(page);
  expect(errors).toEqual([]);
});
