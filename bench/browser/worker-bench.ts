// Runs in Chromium (served by bench/browser/run.mjs): the coordinator in its Web Worker with one
// nested worker per manager, exactly as the page runs it. Publishes its figures on
// `window.benchResults` for the runner to print.
import type { CoordinatorConfig } from '../../src/sim/coordinator';
import { swarmStateMachine } from '../../src/swarm/node/state-machine';
import { Machine, newMachineSnapshot } from '../../src/sim/machine';
import { defaultRaftOptions } from '../../src/raft';
import { spawnManagerHost } from '../../src/sim-worker/spawn';
import { spawnCoordinator } from '../../src/sim-worker/spawn-coordinator';

interface Results {
  throughput: { managers: number; virtualSecondsPerWallSecond: number }[];
  proposeToCommit: { medianMs: number; p99Ms: number; samples: number } | null;
  memory: { managers: number; bytesPerManagerWorker: number | null; note: string } | null;
  move: { medianMs: number; p95Ms: number; samples: number; stateKiB: number } | null;
  restore: { virtualSeconds: number; wallMs: number } | null;
  error: string | null;
}

declare global {
  interface Window {
    benchResults?: Results;
  }
}

function config(managers: number, zeroLatency: boolean): CoordinatorConfig {
  return {
    seed: 1,
    epochMs: 0,
    machines: Array.from({ length: managers }, (_, i) => ({
      hostname: `manager${i + 1}`,
      address: `192.168.0.${11 + i}`,
      role: 'manager' as const,
    })),
    ...(zeroLatency
      ? {
          link: {
            latencyMsMin: 0,
            latencyMsMax: 0,
            lossProbability: 0,
            duplicationProbability: 0,
            delaySpikeProbability: 0,
            delaySpikeMsMax: 0,
          },
        }
      : {}),
  };
}

async function throughput(managers: number): Promise<number> {
  const { api, dispose } = spawnCoordinator();
  await api.create(config(managers, false));
  await api.advanceBy(30_000);
  await api.frame();
  const virtualMs = 300_000;
  const start = performance.now();
  // One virtual second per call and a frame after each, as the page asks at high speed.
  for (let done = 0; done < virtualMs; done += 1000) {
    await api.advanceBy(1000);
    await api.frame();
  }
  const wallMs = performance.now() - start;
  dispose();
  return virtualMs / wallMs;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function proposeToCommit(samples: number): Promise<Results['proposeToCommit']> {
  const { api, dispose } = spawnCoordinator();
  await api.create(config(5, true));
  await api.advanceBy(30_000);
  const leader = (await api.frame()).machines.find((m) => m.raft?.role === 'leader')?.hostname;
  if (leader === undefined) throw new Error('no leader after 30 s');
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const result = await api.propose(leader, { requestId: `k${i}`, actions: [] });
    if (!result.accepted) throw new Error(`proposal rejected: ${result.reason}`);
    // Zero latency: every message of the round is due now; advancing by 0 runs them all.
    await api.advanceBy(0);
    const frame = await api.frame();
    const applied = frame.machines.find((m) => m.hostname === leader)?.raft?.applied ?? 0;
    if (applied < result.index) throw new Error('not committed within the instant');
    latencies.push(performance.now() - start);
  }
  dispose();
  latencies.sort((a, b) => a - b);
  return { medianMs: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), samples };
}

interface MemoryBreakdown {
  bytes: number;
  attribution: { scope?: string; url?: string }[];
}
interface MemoryMeasurement {
  breakdown: MemoryBreakdown[];
}
type MeasureMemory = () => Promise<MemoryMeasurement>;

/** Needs cross-origin isolation (the runner's server sends COOP and COEP). */
async function memoryPerManager(managers: number): Promise<Results['memory']> {
  const measure = (performance as Performance & { measureUserAgentSpecificMemory?: MeasureMemory })
    .measureUserAgentSpecificMemory;
  if (!crossOriginIsolated || measure === undefined) {
    return {
      managers,
      bytesPerManagerWorker: null,
      note: 'measureUserAgentSpecificMemory unavailable',
    };
  }
  const { api, dispose } = spawnCoordinator();
  await api.create(config(managers, false));
  await api.advanceBy(120_000);
  await api.frame();
  const result = await measure.call(performance);
  dispose();
  const managerBytes = result.breakdown
    .filter((entry) => entry.attribution.some((a) => (a.url ?? '').includes('manager.worker')))
    .map((entry) => entry.bytes);
  if (managerBytes.length === 0) {
    return { managers, bytesPerManagerWorker: null, note: 'no manager worker in the breakdown' };
  }
  const total = managerBytes.reduce((sum, bytes) => sum + bytes, 0);
  return {
    managers,
    bytesPerManagerWorker: total / managerBytes.length,
    note: `${managerBytes.length} manager workers attributed`,
  };
}

/**
 * What a promotion costs the coordinator: the time to move a running manager, with a log of
 * 2,000 entries, into a new worker (spawn the worker, load its module, build the machine from the
 * exported state, first answer). The coordinator waits for it between two instants.
 */
async function moveCost(samples: number): Promise<Results['move']> {
  const spec = {
    hostname: 'manager1',
    address: '192.168.0.11',
    role: 'manager' as const,
    nodeId: 1,
  };
  const machine = Machine.fromSnapshot(
    {
      ...newMachineSnapshot({
        spec,
        voters: [1],
        raftOptions: defaultRaftOptions,
        seed: 7,
        stateMachine: swarmStateMachine,
      }),
      daemon: 'running',
    },
    swarmStateMachine,
  );
  let nowMs = 0;
  for (; nowMs < 30_000 && machine.status().raft?.role !== 'leader'; nowMs += 1000) {
    machine.step(nowMs, [], true);
  }
  for (let i = 0; i < 2000; i++) {
    machine.propose(nowMs, `p${i}`, { requestId: `r${i}`, actions: [] });
  }
  machine.step(nowMs + 1000, [], true);
  const state = machine.exportState();
  if (state === null) throw new Error('the bench machine cannot be exported');
  const timings: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const host = await spawnManagerHost({ kind: 'moved', state });
    const status = await host.status();
    timings.push(performance.now() - start);
    host.dispose();
    if (status.raft?.role !== 'leader') throw new Error('the moved machine is not the leader');
  }
  timings.sort((a, b) => a - b);
  return {
    medianMs: percentile(timings, 0.5),
    p95Ms: percentile(timings, 0.95),
    samples,
    stateKiB: JSON.stringify(state).length / 1024,
  };
}

/**
 * What a reload costs after a long session: restore a 3-manager save of one virtual hour. The
 * save takes a checkpoint at its end, which is rebuilt in the coordinator's worker; then the
 * managers move into their workers, which is most of the figure (each worker has to start).
 */
async function restoreCost(): Promise<Results['restore']> {
  const virtualSeconds = 3600;
  const first = spawnCoordinator();
  await first.api.create(config(3, false));
  await first.api.advanceBy(virtualSeconds * 1000);
  const save = await first.api.snapshot();
  first.dispose();
  const second = spawnCoordinator();
  const start = performance.now();
  await second.api.restore(save);
  const wallMs = performance.now() - start;
  second.dispose();
  return { virtualSeconds, wallMs };
}

async function run(): Promise<Results> {
  const results: Results = {
    throughput: [],
    proposeToCommit: null,
    memory: null,
    move: null,
    restore: null,
    error: null,
  };
  try {
    for (const managers of [3, 5, 7]) {
      results.throughput.push({
        managers,
        virtualSecondsPerWallSecond: await throughput(managers),
      });
    }
    results.proposeToCommit = await proposeToCommit(500);
    results.memory = await memoryPerManager(5);
    results.move = await moveCost(20);
    results.restore = await restoreCost();
  } catch (error) {
    results.error = error instanceof Error ? error.message : String(error);
  }
  return results;
}

const results = await run();
window.benchResults = results;
const out = document.getElementById('out');
if (out !== null) out.textContent = JSON.stringify(results, null, 2);
