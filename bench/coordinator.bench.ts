// Coordinator throughput in Node, in process (the lead measures the Chromium-worker figures).
// 1. Virtual seconds per wall second at full speed for 3, 5 and 7 managers.
// 2. Propose-to-commit latency through 5 LocalHosts with zero simulated latency.
// Prints plain lines; it never fails on a figure.
import { Coordinator } from '../src/sim/coordinator';
import { LocalHost, kvStateMachine } from '../src/sim/machine';
import { defaultLinkOptions } from '../src/sim/network';

const local = LocalHost.factory(kvStateMachine);

function managers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    hostname: `manager${i + 1}`,
    address: `192.168.0.${11 + i}`,
    role: 'manager' as const,
  }));
}

async function throughput(count: number): Promise<void> {
  const coordinator = await Coordinator.create(
    { machines: managers(count), seed: 1, epochMs: 0, stateMachine: kvStateMachine },
    local,
  );
  await coordinator.advanceBy(30_000);
  const virtualMs = 600_000;
  const startMs = performance.now();
  // Chunks of one virtual second, as the page's frames would ask, and a drain per chunk.
  for (let doneMs = 0; doneMs < virtualMs; doneMs += 1000) {
    await coordinator.advanceBy(1000);
    coordinator.drainTrace();
    coordinator.drainRpcs();
  }
  const wallMs = performance.now() - startMs;
  const rate = virtualMs / 1000 / (wallMs / 1000);
  const calls = coordinator.hostCallCount;
  console.log(
    `throughput managers=${count} virtual_s_per_wall_s=${rate.toFixed(0)} ` +
      `wall_ms=${wallMs.toFixed(0)} host_calls=${calls} leader=${coordinator.leader() ?? '-'}`,
  );
  coordinator.dispose();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function proposeToCommit(samples: number): Promise<void> {
  const coordinator = await Coordinator.create(
    {
      machines: managers(5),
      seed: 2,
      epochMs: 0,
      stateMachine: kvStateMachine,
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
    const result = await coordinator.propose(leader, { type: 'kv-set', key: `k${i}`, value: 'v' });
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
  for (const count of [3, 5, 7]) await throughput(count);
  await proposeToCommit(2000);
}

await main();
