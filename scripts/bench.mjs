// `npm run bench`: every bench/*.bench.ts (run with tsx, in Node), then the page-load benchmark.
// Each prints its own figures. Benchmarks never fail on a figure: compare them as ratios.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const benches = existsSync('bench')
  ? readdirSync('bench')
      .filter((file) => file.endsWith('.bench.ts'))
      .sort()
  : [];
let failed = false;
for (const file of benches) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
console.log('\n=== the simulation in Chromium workers (scripts/bench-browser.mjs)');
const browserBench = spawnSync('node', ['scripts/bench-browser.mjs'], { stdio: 'inherit' });
failed ||= browserBench.status !== 0;
console.log('\n=== page load (scripts/bench-load.mjs)');
const load = spawnSync('node', ['scripts/bench-load.mjs'], { stdio: 'inherit' });
failed ||= load.status !== 0;
process.exit(failed ? 1 : 0);
