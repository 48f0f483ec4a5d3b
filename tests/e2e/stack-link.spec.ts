import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { terminalText, waitForPrompt } from './support';

const COMPOSE = `services:
  web:
    image: nginx:alpine
    deploy:
      replicas: 2
`;

/**
 * A compose file served from localhost, once with the CORS header a cross-site fetch needs
 * (as raw.githubusercontent.com sends it) and once without.
 */
async function composeServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/open/demo/docker-compose.yml') {
      response.writeHead(200, {
        'content-type': 'text/yaml',
        'access-control-allow-origin': '*',
      });
      response.end(COMPOSE);
    } else if (path === '/closed/docker-compose.yml') {
      response.writeHead(200, { 'content-type': 'text/yaml' });
      response.end(COMPOSE);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

test('?stack= starts a fresh 3m2w swarm, writes the file to manager1 and deploys it there', async ({
  page,
}) => {
  const { url, server } = await composeServer();
  try {
    const file = `${url}/open/demo/docker-compose.yml`;
    await page.goto(`/?stack=${encodeURIComponent(file)}`);
    const notices = page.getByRole('status', { name: 'Notices' });
    await expect(notices).toContainText(
      `This swarm is simulated in your browser: the stack "demo" from ${file}`,
    );
    expect(
      await page.evaluate(() =>
        window.playground.state().machines.map((machine) => machine.hostname),
      ),
    ).toEqual(['manager1', 'manager2', 'manager3', 'worker1', 'worker2']);
    await expect
      .poll(() => terminalText(page, 'manager1'))
      .toContain('root@manager1:~# docker stack deploy -c docker-compose.yml demo');
    await waitForPrompt(page, 'manager1');
    const cat = await page.evaluate(() =>
      window.playground.exec('cat docker-compose.yml', { machine: 'manager1' }),
    );
    expect(cat.output).toBe(COMPOSE);
  } finally {
    server.close();
  }
});

test('a compose file whose server refuses other sites gives a clear notice, and a working swarm', async ({
  page,
}) => {
  const { url, server } = await composeServer();
  try {
    const file = `${url}/closed/docker-compose.yml`;
    await page.goto(`/?stack=${encodeURIComponent(file)}`);
    await expect(page.getByRole('status', { name: 'Notices' })).toContainText(
      `The compose file at ${file} could not be fetched: the network refused it, or its server does not let other sites read it (CORS).`,
    );
    await waitForPrompt(page, 'manager1');
    const ls = await page.evaluate(() =>
      window.playground.exec('ls docker-compose.yml', { machine: 'manager1' }),
    );
    expect(ls.exitCode).toBe(2);
  } finally {
    server.close();
  }
});

test('the badge page builds the link and the README snippets from the address typed, as text', async ({
  page,
}) => {
  await page.goto('/try-a-stack.html');
  const field = page.getByLabel("Your compose file's address");
  await field.fill('https://example.com/a b/<x>.yml');
  const origin = new URL(page.url()).origin;
  const link = `${origin}/?stack=${encodeURIComponent('https://example.com/a b/<x>.yml')}`;
  await expect(page.locator('#markdown')).toHaveText(
    `[![Try in Swarm Playground](${origin}/badge.svg)](${link})`,
  );
  await expect(page.getByRole('link', { name: 'Open this link' })).toHaveAttribute('href', link);
  await expect(page.getByRole('img', { name: 'Try in Swarm Playground' })).toBeVisible();
});
