// Runs the Playwright end-to-end tests against the production build, with a Chromium that
// scripts/chromium.mjs found or installed. Builds first when there is no build yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const executable = ensureChromium();
if (!existsSync('dist/index.html')) {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PLAYGROUND_CHROMIUM: executable },
});
process.exit(result.status ?? 1);
