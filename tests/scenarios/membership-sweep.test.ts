import { describe, expect, it } from 'vitest';
import type { Violation } from '../../src/sim/checkers';
import { Prng } from '../../src/lib/prng';
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { runDocker } from '../support/docker-run';
import { RaftSafety, TappedPort } from '../support/raft-safety';

/**
 * Safety of membership changes under faults. Each seed builds the default swarm (3 managers,
 * 2 workers), then drives random promotions, demotions, writes, daemon stops and starts,
 * partitions and heals through the docker CLI and the playground, and feeds every trace event
 * the coordinator emits to two checks: Election Safety (one leader per term) and agreement of
 * applied entries (no two members apply different entries at one index, Raft's State Machine
 * Safety). `--force-new-cluster` is left out on purpose: it discards entries by design.
 */
const SEEDS = 300;
const STEPS = 14;
const HOSTS = ['manager1', 'manager2', 'manager3', 'worker1', 'worker2'];

interface SeedResult {
  readonly violations: Violation[];
  readonly leaders: number;
  readonly applied: number;
  readonly ops: Record<string, number>;
}

async function runSeed(seed: number): Promise<SeedResult> {
  const safety = new RaftSafety();
  const options = { preset: '3m2w', seed, epochMs: DEFAULT_EPOCH_MS } as const;
  const port = new TappedPort(
    await LocalSimulation.create(coordinatorConfig(options)),
    safety.onEvents,
  );
  const playground = await Playground.start(options, port);
  const prng = new Prng(seed * 7919 + 1);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[prng.intInclusive(0, items.length - 1)];
    if (item === undefined) throw new Error('empty choice');
    return item;
  };
  const ops: Record<string, number> = {};
  const stopped = new Set<string>();
  // Fire and forget: a call may wait on a leaderless manager long after the step that made it.
  const docker = (host: string, line: string): void => {
    void runDocker(line.split(' '), { engine: playground.engine(host) }).catch(() => undefined);
  };
  for (let step = 0; step < STEPS; step++) {
    const op = pick(['promote', 'demote', 'write', 'stop', 'start', 'partition', 'heal', 'leave']);
    ops[op] = (ops[op] ?? 0) + 1;
    const host = pick(HOSTS);
    const manager = pick(['manager1', 'manager2', 'manager3']);
    switch (op) {
      case 'promote':
        docker(manager, `node promote ${host}`);
        break;
      case 'demote':
        docker(manager, `node demote ${host}`);
        break;
      case 'write':
        docker(manager, `node update --label-add step=${step} ${host}`);
        break;
      case 'stop':
        if (stopped.size < 2) {
          stopped.add(host);
          await playground.setDaemon(host, 'stopped');
        }
        break;
      case 'start':
        stopped.delete(host);
        await playground.setDaemon(host, 'running');
        break;
      case 'partition': {
        const cut = HOSTS.filter(() => prng.intInclusive(0, 1) === 1);
        const rest = HOSTS.filter((name) => !cut.includes(name));
        if (cut.length > 0 && rest.length > 0) await playground.partition([cut, rest]);
        break;
      }
      case 'heal':
        await playground.heal();
        break;
      case 'leave':
        docker(host, 'swarm leave --force');
        break;
    }
    await playground.advance(prng.intInclusive(200, 12_000));
  }
  // Heal everything and let the cluster settle: the checks keep watching.
  await playground.heal();
  for (const host of HOSTS) await playground.setDaemon(host, 'running');
  await playground.advance(40_000);
  const leaders = playground.view.machines.filter((m) => m.raft?.role === 'leader').length;
  playground.dispose();
  return { violations: safety.violations, leaders, applied: safety.applied, ops };
}

describe('membership operations under faults', () => {
  it(`keep Election Safety and State Machine Safety over ${SEEDS} seeds`, async () => {
    const failures: string[] = [];
    let applied = 0;
    let withLeader = 0;
    const ops: Record<string, number> = {};
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = await runSeed(seed);
      for (const violation of result.violations) {
        failures.push(
          `seed ${seed}: ${violation.invariant} at ${violation.timeMs} ms: ${violation.detail}`,
        );
      }
      applied += result.applied;
      if (result.leaders >= 1) withLeader++;
      for (const [op, count] of Object.entries(result.ops)) ops[op] = (ops[op] ?? 0) + count;
    }
    expect(failures).toEqual([]);
    // The sweep did something: entries applied, every kind of operation drawn.
    expect(applied).toBeGreaterThan(SEEDS * 10);
    expect(Object.keys(ops).sort()).toEqual(
      ['demote', 'heal', 'leave', 'partition', 'promote', 'start', 'stop', 'write'].sort(),
    );
    expect(withLeader).toBeGreaterThan(SEEDS / 2);
  }, 60_000);
});
