// `npm run bench:load`: the gzipped size of the JavaScript the page loads at start, and the
// median time over 5 cold loads of the production build until the first terminal's prompt
// accepts input. Prints figures; never fails on them (benchmarks are not tests:
// docs/architecture.md).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const LOADS = 5;
const PORT = 4327;
const TARGET_KB = 200;
const TARGET_MS = 1000;

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const initialScripts = initialJavaScript('dist');
const gzippedBytes = initialScripts.reduce(
  (sum, file) => sum + gzipSync(readFileSync(join('dist', file)), { level: 9 }).length,
  0,
);

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    // A new context has an empty cache: every load is cold.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const rows = document.querySelectorAll('.pane:not([hidden]) .xterm-rows > div');
        const text = [...rows].map((row) => row.textContent ?? '').join('\n');
        const ready = /root@manager1:~#/.test(text) && typeof window.playground === 'object';
        return ready ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    times.push(await handle.jsonValue());
    await context.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`initial JavaScript: ${initialScripts.join(', ')}`);
  console.log(
    `initial JavaScript gzipped: ${(gzippedBytes / 1024).toFixed(1)} KB (target ≤ ${TARGET_KB} KB)`,
  );
  console.log(
    `cold loads until the prompt accepts input (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`,
  );
  console.log(
    `median time to prompt: ${median.toFixed(0)} ms over ${LOADS} cold loads (target < ${TARGET_MS} ms)`,
  );
} finally {
  process.kill(-server.pid);
}

/** The module scripts and modulepreloads that index.html names: what loads before any import(). */
function initialJavaScript(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const match of html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)) {
    files.add(match[1]);
  }
  return [...files];
}

async function waitForServer(url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}
