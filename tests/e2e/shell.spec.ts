import { expect, test } from '@playwright/test';
import { collectErrors, pause, terminalText, typeLine, waitForPrompt } from './support';

test("an unknown command prints bash's error and sets $? to 127", async ({ page }) => {
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', 'dokcer ps');
  await typeLine(page, 'manager1', 'echo $?');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('bash: dokcer: command not found\nroot@manager1:~# echo $?\n127');
});

test('history survives a reload and Up recalls the last command', async ({ page }) => {
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', 'echo remembered');
  await expect.poll(() => terminalText(page, 'manager1')).toContain('\nremembered');
  await page.reload();
  await waitForPrompt(page, 'manager1');
  await page.locator('.pane[data-hostname="manager1"] .xterm').click();
  await page.keyboard.press('ArrowUp');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('root@manager1:~# echo remembered');
  await page.keyboard.press('Enter');
  await typeLine(page, 'manager1', 'history | tail -n 3');
  await expect.poll(() => terminalText(page, 'manager1')).toMatch(/\d+\s+echo remembered/);
});

test('pipes and a multi-line paste run line by line', async ({ page }) => {
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  await page.locator('.pane[data-hostname="manager1"] .xterm').click();
  // A paste reaches xterm as one input event with the lines separated by carriage returns.
  await page.locator('.pane[data-hostname="manager1"] textarea').evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'printf "b\\na\\nc\\n" | sort\necho done\n');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect.poll(() => terminalText(page, 'manager1')).toContain('a\nb\nc\n');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('root@manager1:~# echo done\ndone');
});

test('the automation API runs a command exactly as the terminal shows it', async ({ page }) => {
  await page.goto('/?preset=no-swarm&seed=7');
  await waitForPrompt(page, 'manager1');
  const result = await page.evaluate(() =>
    window.playground.exec('docker swram init', { machine: 'worker1' }),
  );
  expect(result).toEqual({
    output: "docker: 'swram' is not a docker command.\nSee 'docker --help'\n",
    exitCode: 1,
  });
  await page.getByRole('tab', { name: 'worker1' }).click();
  await expect
    .poll(() => terminalText(page, 'worker1'))
    .toContain("root@worker1:~# docker swram init\ndocker: 'swram' is not a docker command.");
  const state = await page.evaluate(() => window.playground.state());
  expect(state.preset).toBe('no-swarm');
  expect(state.seed).toBe(7);
});

test('advance and reset move the clock and change the preset', async ({ page }) => {
  await page.goto('/');
  await pause(page);
  const before = await page.evaluate(() => window.playground.state().timeMs);
  await page.evaluate(() => window.playground.advance(90));
  const after = await page.evaluate(() => window.playground.state().timeMs);
  expect(after - before).toBe(90_000);
  await page.evaluate(() => window.playground.reset({ preset: '7m3w', seed: 3 }));
  await expect(page.locator('.graph .machine')).toHaveCount(10);
  await expect(page.getByRole('tab', { name: 'worker3' })).toBeVisible();
});

test('Tab completes docker subcommands and Ctrl+C cancels the line', async ({ page }) => {
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  // Tab offers nothing until the docker CLI's chunk is in, which on a loaded machine can take
  // longer than typing; a first command waits for it.
  await page.evaluate(() => window.playground.exec('docker --version', { machine: 'manager1' }));
  await page.locator('.pane[data-hostname="manager1"] .xterm').click();
  await page.keyboard.type('docker no');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ls --fo');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('root@manager1:~# docker node ls --format');
  await page.keyboard.press('Control+C');
  await page.keyboard.type('echo $?');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('root@manager1:~# docker node ls --format ^C\nroot@manager1:~# echo $?\n130');
});

test('Ctrl+Shift+V pastes and Ctrl+Shift+C copies the selection', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-text'));
  await page.locator('.pane[data-hostname="manager1"] .xterm').click();
  await page.keyboard.press('Control+Shift+V');
  // The clipboard is read asynchronously: the text lands on the line before Enter is pressed.
  await expect
    .poll(async () => (await terminalText(page, 'manager1')).split('\n').at(-1))
    .toBe('root@manager1:~# echo pasted-text');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('root@manager1:~# echo pasted-text\npasted-text\n');
  // Drag across the output row to select it, then copy it.
  const row = page
    .locator('.pane[data-hostname="manager1"] .xterm-rows > div')
    .filter({ hasText: /^pasted-text\s*$/ });
  const box = await row.boundingBox();
  if (box === null) throw new Error('the output row is not on screen');
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Control+Shift+C');
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/^pasted-text/);
});

test('machines can be added from the control bar and removed with the playground command', async ({
  page,
}) => {
  await page.goto('/?preset=1m2w&seed=4');
  await waitForPrompt(page, 'manager1');
  await page.getByRole('button', { name: '+ worker' }).click();
  await expect(page.getByRole('tab', { name: 'worker3' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.graph .machine[data-hostname="worker3"]')).toBeVisible();
  await waitForPrompt(page, 'worker3');
  await page.getByRole('tab', { name: 'manager1' }).click();
  await typeLine(page, 'manager1', 'playground rm worker3');
  await expect.poll(() => terminalText(page, 'manager1')).toContain('Removed worker3.');
  await expect(page.getByRole('tab', { name: 'worker3' })).toHaveCount(0);
  await expect(page.locator('.graph .machine')).toHaveCount(3);
});

test('a here-document typed into a terminal makes a file that survives a reload', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', "cat > db_password.txt <<'EOF'");
  await expect.poll(() => terminalText(page, 'manager1')).toContain("<<'EOF'\n>");
  await typeLine(page, 'manager1', 's3cret $HOME');
  await typeLine(page, 'manager1', 'EOF');
  await typeLine(page, 'manager1', 'cat db_password.txt');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('root@manager1:~# cat db_password.txt\ns3cret $HOME\n');
  // No wait: the write was an input, saved before the shell showed its next prompt.
  await page.reload();
  await waitForPrompt(page, 'manager1');
  await typeLine(page, 'manager1', 'ls; cat db_password.txt');
  await expect
    .poll(() => terminalText(page, 'manager1'))
    .toContain('ls; cat db_password.txt\ndb_password.txt\ns3cret $HOME\n');
  // The file is manager1's: worker1 has an empty home.
  await page.getByRole('tab', { name: 'worker1' }).click();
  await waitForPrompt(page, 'worker1');
  await typeLine(page, 'worker1', 'cat db_password.txt');
  await expect
    .poll(() => terminalText(page, 'worker1'))
    .toContain('cat: db_password.txt: No such file or directory');
  expect(errors).toEqual([]);
});
