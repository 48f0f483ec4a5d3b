// Renders the app icons (PNG, for the web app manifest) from their SVG sources with the
// Chromium the browser tests use. Run it after changing public/favicon.svg or
// public/icons/maskable.svg, and commit the PNGs: the build only copies them.
//
//   node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium.mjs';

const ICONS = [
  { source: 'public/favicon.svg', size: 192, out: 'public/icons/icon-192.png' },
  { source: 'public/favicon.svg', size: 512, out: 'public/icons/icon-512.png' },
  { source: 'public/icons/maskable.svg', size: 512, out: 'public/icons/maskable-512.png' },
];

const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const { source, size, out } of ICONS) {
  const svg = readFileSync(source, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;background:transparent">` +
      `<img style="display:block;width:${size}px;height:${size}px" ` +
      `src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`,
  );
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`${out} (${size}×${size}) from ${source}`);
}
await browser.close();
