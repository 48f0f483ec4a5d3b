// Finds a Chromium for the end-to-end tests and benchmarks, or installs one, and says which.
// Order: $PLAYWRIGHT_CHROMIUM_PATH, /usr/bin/chromium, Playwright's own download; otherwise
// install it: Debian's package when running as root on Debian, else `npx playwright install`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function playwrightsOwn() {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${fromEnv}, but no file is there`);
    }
    return { path: fromEnv, how: 'from PLAYWRIGHT_CHROMIUM_PATH' };
  }
  for (const path of SYSTEM_PATHS) {
    if (existsSync(path)) return { path, how: 'the system Chromium' };
  }
  const own = playwrightsOwn();
  return own ? { path: own, how: "Playwright's own Chromium" } : null;
}

function isRootOnDebian() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version');
}

function install() {
  if (isRootOnDebian()) {
    console.log(
      "No Chromium found: installing Debian's chromium package (apt-get install -y chromium).",
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.log(
      "No Chromium found: installing Playwright's Chromium (npx playwright install chromium).",
    );
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  }
}

/** Returns the path of a Chromium, installing one if needed, and prints what it did. */
export function ensureChromium() {
  let found = findChromium();
  if (!found) {
    install();
    found = findChromium();
    if (!found) throw new Error('Chromium could not be installed; set PLAYWRIGHT_CHROMIUM_PATH');
    found = { ...found, how: `${found.how}, installed just now` };
  }
  console.log(`Chromium for the browser tests: ${found.path} (${found.how})`);
  return found.path;
}
