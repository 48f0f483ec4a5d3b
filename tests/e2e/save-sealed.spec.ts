import { expect, test } from '@playwright/test';
import { encodeBase64 } from '../../src/lib/base64';
import { encodeText } from '../../src/lib/crypto';
import { storedTexts } from '../support/memory-saves';
import { savedRecords, savedRun } from './saved-records';
import { collectErrors, pause, typeLine, waitForPrompt } from './support';

const PLAINTEXT = 'hunter2-plaintext';
const BASE64 = encodeBase64(encodeText(PLAINTEXT)).replace(/=+$/, '');

/** The save's checkpoint as the page last wrote it, opened; null before the first. */
async function savedCheckpoint(page: Parameters<typeof savedRun>[0]): Promise<unknown> {
  const run = await savedRun(page);
  const simulation = run?.simulation;
  return typeof simulation === 'object' && simulation !== null
    ? (Reflect.get(simulation, 'checkpoint') ?? null)
    : null;
}

test("no record of the browser's save holds a secret, in clear or in base64", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=1m2w&seed=3');
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', `printf '${PLAINTEXT}' | docker secret create s -`);
  await waitForPrompt(page, 'manager1');
  await typeLine(
    page,
    'manager1',
    'docker service create -d --name web --replicas 2 --secret s nginx',
  );
  await waitForPrompt(page, 'manager1');
  await pause(page);
  // Past a virtual minute the tasks run with the secret mounted, and a save takes a checkpoint.
  await page.evaluate(() => window.playground.advance(70));
  await expect
    .poll(() => savedCheckpoint(page), { timeout: 10_000 })
    .toMatchObject({ machines: expect.any(Array) });

  const records = await savedRecords(page);
  expect([...records.keys()].some((key) => key.startsWith('checkpoint:'))).toBe(true);
  // Opened, the save holds the secret (the inputs carry its creation, the checkpoint its data)...
  expect(JSON.stringify(await savedRun(page))).toMatch(new RegExp(`${PLAINTEXT}|${BASE64}`));
  // ...and no record as stored does.
  for (const [key, record] of records) {
    const found = storedTexts(record).filter(
      (text) => text.includes(PLAINTEXT) || text.includes(BASE64),
    );
    expect(found.length, `record ${key}`).toBe(0);
  }
  expect(errors).toEqual([]);
});

test('a save whose sealed bytes were changed is corrupt, reported, and replaced', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=1m2w&seed=4');
  await expect.poll(async () => (await savedRun(page)) !== null, { timeout: 10_000 }).toBe(true);
  await pause(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('swarm-playground');
        request.onsuccess = () => {
          const database = request.result;
          const store = database.transaction('runs', 'readwrite').objectStore('runs');
          const get = store.get('current');
          get.onsuccess = () => {
            const run: unknown = get.result;
            const sealed: unknown =
              typeof run === 'object' && run !== null ? Reflect.get(run, 'sealed') : undefined;
            const bytes: unknown =
              typeof sealed === 'object' && sealed !== null
                ? Reflect.get(sealed, 'sealed')
                : undefined;
            if (!(bytes instanceof Uint8Array)) {
              reject(new Error('the head is not sealed'));
              return;
            }
            bytes[3] = (bytes[3] ?? 0) ^ 0x01;
            const put = store.put(run, 'current');
            put.onsuccess = () => {
              database.close();
              resolve();
            };
          };
        };
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
    'The saved cluster could not be restored: the saved state is corrupt (it fails authentication). A fresh cluster was started.',
  );
  await expect(page.locator('.graph .machine')).toHaveCount(5);
  expect(errors).toEqual([]);
});
