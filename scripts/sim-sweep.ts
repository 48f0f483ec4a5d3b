/**
 * Runs many seeded fault schedules and reports every invariant violation with its seed.
 *
 *   npm run sim:sweep -- --seeds 1000 --managers 3,5,7 [--first-seed 1] [--jobs 2] [--stop]
 *
 * Every seed runs once per manager count, so the example runs 3,000 schedules. The last line is
 * `schedules: N, violations: V, seconds: S`; the exit code is 1 when V > 0. With --jobs the
 * seeds are split across child processes (same schedules, same results). With --stop each
 * process stops at its first schedule with a violation (`npm run sim:mutants` uses it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  formatViolation,
  scheduleKeys,
  sweep,
  type SweepResult,
  type SweepViolation,
} from '../src/sim/raft/sweep';

interface ShardReport {
  readonly schedules: number;
  readonly violations: readonly SweepViolation[];
  readonly electedAfterHealMs: readonly number[];
}

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '100' },
    managers: { type: 'string', default: '3,5,7' },
    'first-seed': { type: 'string', default: '1' },
    jobs: { type: 'string', default: '1' },
    stop: { type: 'boolean', default: false },
    shard: { type: 'boolean', default: false },
  },
  strict: true,
});

const seedCount = Number(values.seeds);
const firstSeed = Number(values['first-seed']);
const jobs = Number(values.jobs);
const managers = values.managers.split(',').map(Number);
if (
  !Number.isInteger(seedCount) ||
  seedCount < 1 ||
  !Number.isInteger(firstSeed) ||
  !Number.isInteger(jobs) ||
  jobs < 1 ||
  managers.some((n) => !Number.isInteger(n) || n < 1)
) {
  console.error(
    'usage: npm run sim:sweep -- --seeds K --managers 3,5,7 [--first-seed S] [--jobs J] [--stop]',
  );
  process.exit(2);
}

async function runShard(): Promise<ShardReport> {
  const result: SweepResult = await sweep(scheduleKeys({ firstSeed, seedCount, managers }), {
    stopAtFirstViolation: values.stop,
  });
  return result;
}

/** The shards still running: with --stop, the first violation ends the others. */
const running = new Set<ChildProcess>();
const NOTHING_RUN: ShardReport = { schedules: 0, violations: [], electedAfterHealMs: [] };

function runChild(first: number, count: number): Promise<ShardReport> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--seeds', String(count), '--first-seed', String(first)];
  args.push('--managers', values.managers, '--shard');
  if (values.stop) args.push('--stop');
  const child = fork(script, args, { execArgv: process.execArgv, stdio: 'pipe' });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (signal === 'SIGTERM' && values.stop) {
        resolve(NOTHING_RUN);
      } else if (code !== 0) {
        reject(new Error(`shard from seed ${first} exited with ${String(code ?? signal)}`));
      } else {
        const report = JSON.parse(output) as ShardReport;
        if (values.stop && report.violations.length > 0) {
          for (const other of running) other.kill('SIGTERM');
        }
        resolve(report);
      }
    });
  });
}

async function main(): Promise<void> {
  if (values.shard) {
    process.stdout.write(JSON.stringify(await runShard()));
    return;
  }
  const startedMs = performance.now();
  let reports: ShardReport[];
  if (jobs === 1) {
    reports = [await runShard()];
  } else {
    const per = Math.ceil(seedCount / jobs);
    const shards: Promise<ShardReport>[] = [];
    for (let first = firstSeed; first < firstSeed + seedCount; first += per) {
      shards.push(runChild(first, Math.min(per, firstSeed + seedCount - first)));
    }
    reports = await Promise.all(shards);
  }
  const seconds = (performance.now() - startedMs) / 1000;
  const violations = reports.flatMap((report) => report.violations);
  const schedules = reports.reduce((sum, report) => sum + report.schedules, 0);
  for (const found of violations) console.log(formatViolation(found));
  const elected = reports.flatMap((report) => report.electedAfterHealMs).sort((a, b) => a - b);
  const quantile = (q: number): number =>
    (elected[Math.floor(q * (elected.length - 1))] ?? 0) / 1000;
  // A schedule stopped by its budget has no heal phase; every other one must elect (liveness).
  console.log(
    `leader after healing in ${elected.length} schedules (virtual s): median ${quantile(0.5)}, ` +
      `p99 ${quantile(0.99)}, max ${quantile(1)}`,
  );
  console.log(
    `schedules: ${schedules}, violations: ${violations.length}, seconds: ${seconds.toFixed(1)}`,
  );
  process.exitCode = violations.length > 0 ? 1 : 0;
}

await main();
