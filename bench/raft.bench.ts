/**
 * Raft benchmarks. Prints plain text lines:
 *
 *   npx tsx bench/raft.bench.ts [--sweep-schedules 10000] [--elections 400]
 *
 * 1. Virtual seconds simulated per wall second, 5 managers, steady proposals (target >= 2000x).
 * 2. Wall time of a sweep of seeded fault schedules (10,000 by default), in-process, and of the
 *    CI seed list that the test suite runs.
 * 3. Time to elect a new leader after the leader crashes, for 3, 5 and 7 managers, in virtual
 *    seconds, next to swarmkit's expected 10 to 20 s.
 */
import { parseArgs } from 'node:util';
import { TICK_MS } from '../src/sim/coordinator';
import { RaftRun } from '../src/sim/raft/raft-run';
import { CI_SCHEDULES, scheduleKeys, sweep } from '../src/sim/raft/sweep';

const { values } = parseArgs({
  options: {
    'sweep-schedules': { type: 'string', default: '10000' },
    elections: { type: 'string', default: '400' },
    'virtual-seconds': { type: 'string', default: '20000' },
  },
  strict: true,
});

async function throughput(options: { checkers: boolean; virtualSeconds: number }): Promise<number> {
  const cluster = await RaftRun.start({ seed: 1, managers: 5, checkers: options.checkers });
  await cluster.runUntil(30 * TICK_MS);
  const startedMs = performance.now();
  const endMs = cluster.nowMs + options.virtualSeconds * TICK_MS;
  // Ten client writes per virtual second, in two batches, always to the current leader.
  while (cluster.nowMs < endMs) {
    const leader = cluster.leader();
    if (leader !== undefined) for (let i = 0; i < 5; i++) await cluster.propose(leader);
    await cluster.runForMs(500);
  }
  const wallSeconds = (performance.now() - startedMs) / 1000;
  cluster.dispose();
  if (cluster.acknowledged < options.virtualSeconds * 5) {
    throw new Error(`only ${cluster.acknowledged} writes were acknowledged`);
  }
  return options.virtualSeconds / wallSeconds;
}

async function electionTimes(managers: number, trials: number): Promise<number[]> {
  const timesMs: number[] = [];
  for (let seed = 1; seed <= trials; seed++) {
    const cluster = await RaftRun.start({
      seed: seed * 7919 + managers,
      managers,
      checkers: false,
    });
    while (cluster.stableLeader() === undefined) await cluster.runForMs(100);
    await cluster.runForMs(5 * TICK_MS);
    const leader = cluster.stableLeader();
    if (leader === undefined) {
      cluster.dispose();
      continue;
    }
    await cluster.crash(leader);
    const crashedAtMs = cluster.nowMs;
    while (cluster.stableLeader() === undefined && cluster.nowMs - crashedAtMs < 300_000) {
      await cluster.runForMs(100);
    }
    timesMs.push(cluster.nowMs - crashedAtMs);
    cluster.dispose();
  }
  return timesMs.sort((a, b) => a - b);
}

function quantileSeconds(sortedMs: readonly number[], q: number): string {
  const value = sortedMs[Math.min(sortedMs.length - 1, Math.floor(q * sortedMs.length))] ?? 0;
  return (value / 1000).toFixed(1);
}

const virtualSeconds = Number(values['virtual-seconds']);
const plain = await throughput({ checkers: false, virtualSeconds });
console.log(
  `raft throughput, 5 managers, 10 writes/s: ${Math.round(plain)}x real time ` +
    `(${virtualSeconds} virtual s; target >= 2000x)`,
);
const checked = await throughput({ checkers: true, virtualSeconds: virtualSeconds / 4 });
console.log(`raft throughput with the safety checkers on: ${Math.round(checked)}x real time`);

const sweepCount = Number(values['sweep-schedules']);
const keys = scheduleKeys({
  firstSeed: 1,
  seedCount: Math.ceil(sweepCount / 3),
  managers: [3, 5, 7],
}).slice(0, sweepCount);
const sweepStartedMs = performance.now();
const result = await sweep(keys);
const sweepSeconds = (performance.now() - sweepStartedMs) / 1000;
console.log(
  `sweep of ${result.schedules} fault schedules (3, 5, 7 managers): ${sweepSeconds.toFixed(1)} s wall, ` +
    `${result.violations.length} violations`,
);

const ciStartedMs = performance.now();
const ci = await sweep(CI_SCHEDULES);
console.log(
  `the CI seed list (${ci.schedules} schedules, tests/scenarios/ci-sweep.test.ts): ` +
    `${((performance.now() - ciStartedMs) / 1000).toFixed(1)} s wall, ${ci.violations.length} violations`,
);

const trials = Number(values.elections);
for (const managers of [3, 5, 7]) {
  const times = await electionTimes(managers, trials);
  console.log(
    `time to elect after the leader crashes, ${managers} managers: median ${quantileSeconds(times, 0.5)} s, ` +
      `p99 ${quantileSeconds(times, 0.99)} s, max ${quantileSeconds(times, 1)} s ` +
      `(${times.length} trials; swarmkit expects 10-20 s)`,
  );
}
