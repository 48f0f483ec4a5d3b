// Coordinator throughput in Node, in process: the same clusters, seeds, state machine and
// chunking as bench/browser/worker-bench.ts runs in Chromium workers, so the two figures make a
// ratio.
// 1. Virtual seconds per wall second at full speed for 3, 5 and 7 managers.
// 2. Propose-to-commit latency through 5 LocalHosts with zero simulated latency.
// Prints plain lines; it never fails on a figure.
import { Coordinator } from '../src/sim/coordinator';
import { swarmStateMachine } from '../src/swarm/node/state-machine';
import { LocalHost } from '../src/sim/machine';
import { defaultLinkOptions } from '../src/sim/network';

const local = LocalHost.factory(swarmStateMachine);
/** As the browser bench: 300 virtual seconds after a 30 s start, one second per call. */
const MEASURED_MS = 300_000;

function managers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    hostname: `manager${i + 1}`,
    address: `192.168.0.${11 + i}`,
    role: 'manager' as const,
  }));
}

/** Virtual seconds per wall second over MEASURED_MS, after a 30 s start. */
async function measureRate(
  count: number,
): Promise<{ rate: number; calls: number; leader: string }> {
  const coordinator = await Coordinator.create(
    { machines: managers(count), seed: 1, epochMs: 0, stateMachine: swarmStateMachine },
    local,
  );
  await coordinator.advanceBy(30_000);
  const startMs = performance.now();
  // Chunks of one virtual second, as the page's frames would ask, and a drain per chunk.
  for (let doneMs = 0; doneMs < MEASURED_MS; doneMs += 1000) {
    await coordinator.advanceBy(1000);
    coordinator.drainTrace();
    coordinator.drainRpcs();
  }
  const wallMs = performance.now() - startMs;
  const result = {
    rate: MEASURED_MS / wallMs,
    calls: coordinator.hostCallCount,
    leader: coordinator.leader() ?? '-',
  };
  coordinator.dispose();
  return result;
}

/** A run takes about 0.1 s, so one run is mostly noise: the median of RUNS is printed. */
const RUNS = 7;

async function throughput(count: number): Promise<void> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureRate(count));
  const rates = runs.map((run) => run.rate).sort((a, b) => a - b);
  const last = runs.at(-1);
  console.log(
    `throughput managers=${count} virtual_s_per_wall_s=${percentile(rates, 0.5).toFixed(0)} ` +
      `(median of ${RUNS}, ${rates[0]?.toFixed(0)}-${rates.at(-1)?.toFixed(0)}) ` +
      `host_calls=${last?.calls} leader=${last?.leader}`,
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function proposeToCommit(samples: number): Promise<void> {
  const coordinator = await Coordinator.create(
    {
      machines: managers(5),
      seed: 1,
      epochMs: 0,
      stateMachine: swarmStateMachine,
      link: { ...defaultLinkOptions, latencyMsMin: 0, latencyMsMax: 0 },
    },
    local,
  );
  await coordinator.advanceBy(30_000);
  const leader = coordinator.leader();
  if (leader === undefined) throw new Error('no leader after 30 s');
  const latenciesMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const startMs = performance.now();
    const result = await coordinator.propose(leader, { requestId: `k${i}`, actions: [] });
    if (!result.accepted) throw new Error(`proposal rejected: ${result.reason}`);
    // Zero latency: every message of the round is due now; advancing by 0 runs them all.
    await coordinator.advanceBy(0);
    const applied = coordinator.status().find((m) => m.hostname === leader)?.raft?.applied ?? 0;
    if (applied < result.index) throw new Error('not committed within the instant');
    latenciesMs.push(performance.now() - startMs);
    coordinator.drainTrace();
    coordinator.drainRpcs();
  }
  latenciesMs.sort((a, b) => a - b);
  console.log(
    `propose_to_commit managers=5 hosts=LocalHost samples=${samples} ` +
      `median_ms=${percentile(latenciesMs, 0.5).toFixed(3)} ` +
      `p99_ms=${percentile(latenciesMs, 0.99).toFixed(3)}`,
  );
  coordinator.dispose();
}

async function main(): Promise<void> {
  // One untimed run first: the first figures otherwise measure the JIT warming up.
  await measureRate(3);
  for (const count of [3, 5, 7]) await throughput(count);
  await proposeToCommit(2000);
}

await main();
