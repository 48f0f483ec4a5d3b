import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Collects console errors and page errors; a test asserts the list is empty at the end. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The visible text of a machine's terminal, one string per screen row, trailing spaces cut. */
export async function terminalText(page: Page, hostname: string): Promise<string> {
  const rows = page.locator(`.pane[data-hostname="${hostname}"] .xterm-rows > div`);
  const lines = await rows.allInnerTexts();
  return lines
    .map((line) => line.replace(/\u00a0/g, ' ').trimEnd())
    .join('\n')
    .trimEnd();
}

/** Waits until the machine's terminal shows a prompt on its last non-empty line. */
export async function waitForPrompt(page: Page, hostname: string): Promise<void> {
  await expect
    .poll(async () => (await terminalText(page, hostname)).split('\n').at(-1) ?? '')
    .toMatch(new RegExp(`^root@${hostname}:~# $|^root@${hostname}:~#$`));
}

/**
 * Pauses virtual time with the control bar's button, then waits for the advance already in
 * flight to land: pausing stops the page asking for more, not what it asked for already.
 */
export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await expect.poll(() => timeStandsStill(page)).toBe(true);
}

/** Whether virtual time stays where it is over a fifth of a wall second. */
async function timeStandsStill(page: Page): Promise<boolean> {
  const before = await page.evaluate(() => window.playground.state().timeMs);
  await page.waitForTimeout(200);
  return (await page.evaluate(() => window.playground.state().timeMs)) === before;
}

/** Clicks into the machine's terminal and types a line, as a user would. */
export async function typeLine(page: Page, hostname: string, line: string): Promise<void> {
  await page.locator(`.pane[data-hostname="${hostname}"] .xterm`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/**
 * Brings a machine's terminal to the front, as a click on its tab does, and waits for its prompt
 * (after output with no final newline, bash's prompt follows on the same row).
 */
export async function openTerminal(page: Page, hostname: string): Promise<void> {
  await page.getByRole('tab', { name: hostname }).click();
  await expect
    .poll(async () => (await terminalText(page, hostname)).split('\n').at(-1) ?? '')
    .toMatch(new RegExp(`root@${hostname}:~#$`));
}

/**
 * Types a command into a machine's terminal, waits until it has finished (after the newest echo
 * of the line come its output and one prompt, and nothing else), and returns what it printed:
 * the rows between the echo and the prompt, joined by newlines. After output that does not end
 * in a newline, bash's prompt follows on the same row: that output comes back too.
 * Rows are read as the screen shows them, so the terminal must be wide enough that neither the
 * line nor its output wraps.
 */
export async function runCommand(
  page: Page,
  hostname: string,
  line: string,
  { timeout = 30_000 }: { timeout?: number } = {},
): Promise<string> {
  const prompt = `root@${hostname}:~#`;
  const before = await terminalText(page, hostname);
  await typeLine(page, hostname, line);
  const finished = async (): Promise<string | null> => {
    const text = await terminalText(page, hostname);
    if (text === before) return null;
    const rows = text.split('\n');
    const echo = `${prompt} ${line}`;
    const at = rows.findLastIndex((row) => row.endsWith(echo));
    const after = rows.slice(at + 1);
    const last = after.at(-1);
    if (at < 0 || last === undefined || !last.endsWith(prompt)) return null;
    const printed = after.slice(0, -1);
    if (printed.some((row) => row.includes(prompt))) return null;
    const tail = last.slice(0, -prompt.length);
    return [...printed, ...(tail === '' ? [] : [tail])].join('\n');
  };
  const seen: { output: string | null } = { output: null };
  await expect
    .poll(
      async () => {
        seen.output = await finished();
        return seen.output !== null;
      },
      { timeout, message: `${hostname}: ${line}` },
    )
    .toBe(true);
  return seen.output ?? '';
}

/** A copy of the production build on its own HTTP server, whose files a test can change. */
export interface Deployment {
  readonly url: string;
  /** Rewrites one file of the copy, as the next deployment would. */
  deploy(file: string, change: (text: string) => string): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

export async function serveCopyOfBuild(): Promise<Deployment> {
  const root = mkdtempSync(join(tmpdir(), 'playground-site-'));
  cpSync('dist', root, { recursive: true });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(root, path === '/' ? 'index.html' : normalize(path));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    deploy(file, change) {
      const path = join(root, file);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
