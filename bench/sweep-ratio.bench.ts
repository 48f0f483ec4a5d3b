/**
 * The fault sweep against the harness it replaced (issue 14: a sweep on the coordinator takes
 * at most 1.5 times as long as the old in-process harness, on the same machine). Prints both
 * wall times and their ratio; it never fails on a figure.
 *
 *   npx tsx bench/sweep-ratio.bench.ts [--schedules 10000] [--baseline 62cc04c~1]
 *
 * The old harness is the tree before the sweeps moved onto the coordinator (commit 62cc04c),
 * taken out with `git archive` into a scratch directory beside the repo's node_modules. Both
 * sweeps run the same schedule keys (seeds 1.., each with 3, 5 and 7 managers) in a child
 * process of their own, one after the other, through tsx, as `npm run sim:sweep` runs them.
 * The schedules are not the same runs (the new ones add targeted histories and the
 * availability check), so the ratio is of what each harness does for the same keys.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    schedules: { type: 'string', default: '10000' },
    baseline: { type: 'string', default: '62cc04c~1' },
  },
  strict: true,
});

const schedules = Number(values.schedules);
const repo = resolve('.');

/** Runs one tree's sweep in a child process and returns its wall seconds. */
function timeSweep(
  tree: string,
  driver: string,
): { seconds: number; cpuSeconds: number; line: string } {
  const result = spawnSync('npx', ['tsx', driver, tree, String(schedules)], {
    cwd: tree,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the sweep in ${tree} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = Number(/ seconds: ([\d.]+)/.exec(line)?.[1]);
  const cpuSeconds = Number(/cpu seconds: ([\d.]+)/.exec(line)?.[1]);
  return { seconds, cpuSeconds, line };
}

// The driver imports the tree's own sweep; the old one is synchronous, the new one async.
const DRIVER = `
const [tree, count] = process.argv.slice(2);
const { sweep, scheduleKeys } = await import(tree + '/src/sim/raft/sweep.ts');
const total = Number(count);
const keys = scheduleKeys({ firstSeed: 1, seedCount: Math.ceil(total / 3), managers: [3, 5, 7] })
  .slice(0, total);
const startedMs = performance.now();
const cpuBefore = process.cpuUsage();
const result = await sweep(keys);
const seconds = (performance.now() - startedMs) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log('schedules: ' + result.schedules + ', violations: ' + result.violations.length +
  ', seconds: ' + seconds.toFixed(1) + ', cpu seconds: ' + ((cpu.user + cpu.system) / 1e6).toFixed(1));
`;

const scratch = mkdtempSync(join(tmpdir(), 'sweep-baseline-'));
try {
  const baseline = join(scratch, 'tree');
  mkdirSync(baseline);
  const archive = join(scratch, 'baseline.tar');
  execFileSync('git', ['archive', '-o', archive, values.baseline, 'src', 'package.json']);
  execFileSync('tar', ['-x', '-f', archive, '-C', baseline]);
  symlinkSync(join(repo, 'node_modules'), join(baseline, 'node_modules'));
  const driver = join(scratch, 'driver.mts');
  writeFileSync(driver, DRIVER);

  const old = timeSweep(baseline, driver);
  console.log(`old harness (${values.baseline}): ${old.line}`);
  const now = timeSweep(repo, driver);
  console.log(`coordinator with LocalHost (this tree): ${now.line}`);
  console.log(
    `sweep of ${schedules} schedules: ${now.seconds.toFixed(1)} s against ${old.seconds.toFixed(1)} s, ` +
      `ratio ${(now.seconds / old.seconds).toFixed(2)} (issue 14's bound: 1.5)`,
  );
  // On a shared machine the wall ratio moves with the load; the CPU ratio moves less.
  console.log(
    `CPU time: ${now.cpuSeconds.toFixed(1)} s against ${old.cpuSeconds.toFixed(1)} s, ` +
      `ratio ${(now.cpuSeconds / old.cpuSeconds).toFixed(2)}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
