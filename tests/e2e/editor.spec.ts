import { expect, test } from '@playwright/test';
import { collectErrors, openTerminal, runCommand, terminalText, typeLine } from './support';

test('nano writes a compose file typed in the terminal, and the shell comes back as it was', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await openTerminal(page, 'manager1');
  await runCommand(page, 'manager1', 'echo before');
  await typeLine(page, 'manager1', 'nano stack.yml');
  await expect.poll(() => terminalText(page, 'manager1')).toMatch(/GNU nano 7\.2 +stack\.yml/);
  await expect.poll(() => terminalText(page, 'manager1')).toContain('[ New File ]');
  // Enter after the last line would add a blank one, as it does in nano.
  for (const [index, line] of ['services:', '  web:', '    image: nginx:alpine'].entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  await expect.poll(() => terminalText(page, 'manager1')).toMatch(/Modified/);
  await page.keyboard.press('Control+O');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('File Name to Write: stack.yml');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 'manager1')).toContain('[ Wrote 3 lines ]');
  await page.keyboard.press('Control+X');
  // Off the alternate screen: what was there before nano is back, and the prompt follows.
  await expect.poll(() => terminalText(page, 'manager1')).toContain('before');
  await expect.poll(() => terminalText(page, 'manager1')).not.toContain('GNU nano');
  expect(await runCommand(page, 'manager1', 'cat stack.yml')).toBe(
    'services:\n  web:\n    image: nginx:alpine',
  );
  expect(errors).toEqual([]);
});

test('vi inserts, leaves insert mode with Escape, and writes with :wq', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await openTerminal(page, 'manager1');
  await typeLine(page, 'manager1', 'vi notes.txt');
  await expect.poll(() => terminalText(page, 'manager1')).toContain('"notes.txt" [New]');
  await page.keyboard.type('ihello');
  await expect.poll(() => terminalText(page, 'manager1')).toContain('-- INSERT --');
  await page.keyboard.press('Escape');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  expect(await runCommand(page, 'manager1', 'cat notes.txt')).toBe('hello');
  expect(errors).toEqual([]);
});
