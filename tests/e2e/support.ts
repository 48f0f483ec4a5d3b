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

/** Clicks into the machine's terminal and types a line, as a user would. */
export async function typeLine(page: Page, hostname: string, line: string): Promise<void> {
  await page.locator(`.pane[data-hostname="${hostname}"] .xterm`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
