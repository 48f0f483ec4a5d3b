import { describe, expect, it } from 'vitest';
import {
  Coordinator,
  SnapshotError,
  type CheckpointPolicy,
  type MachineInit,
  type MachineStatus,
} from '../../../src/sim/coordinator';
import {
  LocalHost,
  kvStateMachine,
  type HostFactory,
  type KvCommand,
  type KvState,
  type MachineHost,
} from '../../../src/sim/machine';
import type { TraceEvent } from '../../../src/sim/trace';
import type { NoDaemon } from '../../../src/machine-api';

type Kv = Coordinator<KvCommand, KvState, NoDaemon>;

const local = LocalHost.factory(kvStateMachine);

function managers(count: number): MachineInit[] {
  return Array.from({ length: count }, (_, i) => ({
    hostname: `manager${i + 1}`,
    address: `192.168.0.${11 + i}`,
    role: 'manager' as const,
  }));
}

function create(
  seed: number,
  count = 3,
  factory: HostFactory<KvCommand, KvState, NoDaemon> = local,
) {
  return Coordinator.create(
    { machines: managers(count), seed, epochMs: 0, stateMachine: kvStateMachine },
    factory,
  );
}

function leaderElections(events: readonly TraceEvent[]): TraceEvent[] {
  return events.filter((event) => event.type === 'role-changed' && event.role === 'leader');
}

function statusOf(coordinator: Kv, hostname: string): MachineStatus {
  const status = coordinator.status().find((machine) => machine.hostname === hostname);
  if (status === undefined) throw new Error(`no machine ${hostname}`);
  return status;
}

function requireLeader(coordinator: Kv): string {
  const leader = coordinator.leader();
  if (leader === undefined) throw new Error('no leader');
  return leader;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('Coordinator: elections in virtual time', () => {
  it.each(SEEDS)('seed %i: 3 managers elect one leader on their own in 9 to 20 s', async (seed) => {
    const coordinator = await create(seed);
    await coordinator.advanceBy(30_000);
    const elected = leaderElections(coordinator.drainTrace());
    expect(elected).toHaveLength(1);
    // Swarmkit: election tick 10 of 1 s ticks, randomised to [10, 19] ticks; the first tick of
    // each daemon falls within its first second, so the earliest timeout is just over 9 s.
    expect(elected[0]?.timeMs).toBeGreaterThan(9_000);
    expect(elected[0]?.timeMs).toBeLessThan(20_000);
    const leader = requireLeader(coordinator);
    for (const machine of coordinator.status()) {
      expect(machine.raft?.lead).toBe(leader);
      expect(machine.raft?.term).toBe(1);
    }
    coordinator.dispose();
  });

  it.each(SEEDS)(
    'seed %i: stopping the leader gives a new election, and storage survives',
    async (seed) => {
      const coordinator = await create(seed);
      await coordinator.advanceBy(25_000);
      const oldLeader = requireLeader(coordinator);
      await coordinator.propose(oldLeader, { type: 'kv-set', key: 'a', value: '1' });
      await coordinator.advanceBy(2_000);
      const before = statusOf(coordinator, oldLeader);
      const stoppedAtMs = coordinator.nowMs;
      coordinator.drainTrace();
      expect(await coordinator.stopDaemon(oldLeader)).toBe(true);
      await coordinator.advanceBy(30_000);
      const first = leaderElections(coordinator.drainTrace())[0];
      if (first === undefined) throw new Error('no new election');
      // The followers time out 10 to 19 ticks after the last heartbeat they got, which came up
      // to 1 s before the stop, on ticks that fall anywhere within the second.
      const delayMs = first.timeMs - stoppedAtMs;
      expect(delayMs).toBeGreaterThanOrEqual(8_000);
      expect(delayMs).toBeLessThanOrEqual(20_000);
      const newLeader = requireLeader(coordinator);
      expect(newLeader).not.toBe(oldLeader);

      const stopped = statusOf(coordinator, oldLeader);
      expect(stopped.daemon).toBe('stopped');
      expect(stopped.raft).toBeNull();
      expect(stopped.durable).toEqual(before.durable);

      expect(await coordinator.startDaemon(oldLeader)).toBe(true);
      const resumed = statusOf(coordinator, oldLeader).raft;
      expect(resumed?.term).toBe(before.durable?.term);
      expect(resumed?.lastIndex).toBe(before.durable?.lastIndex);
      await coordinator.advanceBy(5_000);
      const rejoined = statusOf(coordinator, oldLeader).raft;
      expect(rejoined?.lead).toBe(newLeader);
      expect(rejoined?.applied).toBeGreaterThanOrEqual(before.raft?.applied ?? Infinity);
      coordinator.dispose();
    },
  );
});

describe('Coordinator: an advance with limits', () => {
  it('stops at the first instant past a limit, and a save replays to that instant', async () => {
    const coordinator = await create(3);
    await coordinator.advanceBy(20_000);
    const calls = coordinator.hostCallCount;
    const messages = coordinator.messagesSentCount;
    await coordinator.advanceBy(60_000, { hostCalls: calls + 40, messagesSent: Infinity });
    const stoppedAtMs = coordinator.nowMs;
    expect(stoppedAtMs).toBeLessThan(80_000);
    // One instant calls each of the three machines at most once.
    expect(coordinator.hostCallCount).toBeGreaterThan(calls + 40);
    expect(coordinator.hostCallCount).toBeLessThanOrEqual(calls + 43);
    expect(coordinator.inputs().at(-1)).toEqual({ type: 'advance', toMs: stoppedAtMs });

    await coordinator.advanceBy(60_000, {
      hostCalls: Infinity,
      messagesSent: coordinator.messagesSentCount,
    });
    expect(coordinator.messagesSentCount).toBeGreaterThan(messages);
    expect(coordinator.nowMs).toBeLessThan(stoppedAtMs + 60_000);

    const saved = await coordinator.snapshot();
    const restored = await Coordinator.restore(saved, local, kvStateMachine);
    expect(restored.nowMs).toBe(coordinator.nowMs);
    expect(restored.traceHash()).toBe(coordinator.traceHash());
    // Without limits the same advance runs to its end.
    await coordinator.advanceBy(60_000);
    expect(coordinator.nowMs).toBe(saved.nowMs + 60_000);
    restored.dispose();
    coordinator.dispose();
  });
});

describe('Coordinator: idle time costs nothing', () => {
  it('calls hosts only at instants with a delivery or a tick', async () => {
    const coordinator = await create(3);
    await coordinator.advanceBy(30_000);
    coordinator.drainTrace();
    const callsBefore = coordinator.hostCallCount;
    await coordinator.advanceBy(60_000);
    const calls = coordinator.hostCallCount - callsBefore;
    const delivered = coordinator.drainTrace().filter((event) => event.type === 'rpc-delivered');
    const ticks = 3 * 60;
    // Each call is a tick, or at least one delivery, or both.
    expect(calls).toBeGreaterThanOrEqual(ticks);
    expect(calls).toBeLessThanOrEqual(ticks + delivered.length);
    coordinator.dispose();
  });

  it('makes no host call at all while every daemon is down, however long', async () => {
    const coordinator = await create(4);
    for (const machine of coordinator.status()) await coordinator.stopDaemon(machine.hostname);
    await coordinator.advanceBy(1_000);
    const callsBefore = coordinator.hostCallCount;
    await coordinator.advanceBy(24 * 3600 * 1000);
    expect(coordinator.hostCallCount).toBe(callsBefore);
    expect(coordinator.nowMs).toBe(24 * 3600 * 1000 + 1_000 + 0);
    coordinator.dispose();
  });
});

/** A save that replays every input from time 0. */
const NEVER: CheckpointPolicy = { afterMs: Infinity, afterInputs: Infinity };
/** A save that takes a checkpoint whenever the run is quiet. */
const ALWAYS: CheckpointPolicy = { afterMs: 0, afterInputs: 0 };

/**
 * The same fixed sequence of inputs, optionally saved and restored after step `breakAt`. With
 * `checkpointAt`, a save there takes a checkpoint (and the run goes on), and the save at
 * `breakAt` holds that checkpoint and the inputs since; without, it holds every input.
 */
async function runWithBreak(
  seed: number,
  breakAt: number | undefined,
  checkpointAt?: number,
): Promise<string> {
  let coordinator = await Coordinator.create(
    {
      machines: managers(5),
      seed,
      epochMs: 1_700_000_000_000,
      stateMachine: kvStateMachine,
      link: {
        latencyMsMin: 1,
        latencyMsMax: 40,
        lossProbability: 0.05,
        duplicationProbability: 0.02,
        delaySpikeProbability: 0,
        delaySpikeMsMax: 0,
      },
    },
    local,
  );
  const steps: ((c: Kv) => Promise<unknown>)[] = [
    (c) => c.advanceBy(21_337),
    (c) => c.propose(c.leader() ?? 'manager1', { type: 'kv-set', key: 'x', value: '1' }),
    (c) => c.propose(c.leader() ?? 'manager1', { type: 'kv-set', key: 'y', value: '2' }),
    (c) => c.advanceBy(1_234),
    (c) => c.stopDaemon(c.leader() ?? 'manager1'),
    (c) => c.advanceBy(7_000),
    (c) =>
      c.partition([
        ['manager1', 'manager2'],
        ['manager3', 'manager4', 'manager5'],
      ]),
    (c) => c.advanceBy(15_500),
    (c) => c.heal(),
    (c) => c.startDaemon('manager1'),
    (c) => c.startDaemon('manager2'),
    (c) => c.advanceBy(20_000),
    (c) => c.blockLink('manager3', 'manager4'),
    (c) =>
      c.setLinkWeather({
        latencyMsMin: 5,
        latencyMsMax: 200,
        lossProbability: 0.1,
        duplicationProbability: 0.05,
        delaySpikeProbability: 0.02,
        delaySpikeMsMax: 3_000,
      }),
    (c) => c.advanceBy(9_000),
    (c) => c.raftAdmin(c.leader() ?? 'manager1', { kind: 'transfer-leadership', to: 2 }),
    (c) => c.advanceBy(6_000),
    (c) => c.heal(),
    (c) =>
      c.raftAdmin(c.leader() ?? 'manager1', {
        kind: 'conf-change',
        change: { kind: 'remove-voter', nodeId: 5 },
      }),
    (c) => c.advanceBy(10_000),
  ];
  for (const [i, step] of steps.entries()) {
    if (i === checkpointAt) {
      const checkpointed = await coordinator.snapshot(ALWAYS);
      expect(checkpointed.checkpoint?.nowMs).toBe(coordinator.nowMs);
      expect(checkpointed.inputs).toEqual([]);
    }
    if (i === breakAt) {
      const snapshot = await coordinator.snapshot(NEVER);
      expect(snapshot.checkpoint === null).toBe(checkpointAt === undefined);
      const saved: unknown = JSON.parse(JSON.stringify(snapshot));
      coordinator.dispose();
      coordinator = await Coordinator.restore(saved, local, kvStateMachine);
    }
    await step(coordinator);
  }
  const hash = coordinator.traceHash();
  coordinator.dispose();
  return hash;
}

describe('Coordinator: snapshot and restore', () => {
  it.each([
    [11, 1],
    [12, 4],
    [13, 6],
    [14, 9],
    [15, 11],
    [16, 13],
    [17, 15],
    [18, 18],
  ])('seed %i broken at step %i gives the uninterrupted trace hash', async (seed, breakAt) => {
    const uninterrupted = await runWithBreak(seed, undefined);
    expect(await runWithBreak(seed, breakAt)).toBe(uninterrupted);
  });

  it.each([
    [11, 1, 1],
    [12, 6, 3],
    [13, 9, 6],
    [14, 13, 9],
    [15, 15, 12],
    [16, 18, 14],
    [17, 19, 17],
    [18, 19, 0],
  ])(
    'seed %i broken at step %i from a checkpoint at step %i gives the uninterrupted hash',
    async (seed, breakAt, checkpointAt) => {
      const uninterrupted = await runWithBreak(seed, undefined);
      expect(await runWithBreak(seed, breakAt, checkpointAt)).toBe(uninterrupted);
    },
  );

  it('a checkpoint holds the fabric, the names and every machine, and a save needs only the inputs since', async () => {
    const coordinator = await create(41, 3);
    await coordinator.advanceBy(20_000);
    await coordinator.stopDaemon('manager2');
    await coordinator.partition([['manager1'], ['manager3']]);
    await coordinator.advanceBy(3_000);
    const checkpointed = await coordinator.snapshot(ALWAYS);
    const checkpoint = checkpointed.checkpoint;
    if (checkpoint === null) throw new Error('a quiet run takes a checkpoint');
    expect(checkpoint.machines.map((machine) => machine.status.hostname)).toEqual([
      'manager1',
      'manager2',
      'manager3',
    ]);
    // A stopped daemon never ticks: JSON has no Infinity, so it is saved as null.
    expect(checkpoint.machines[1]?.nextTickMs).toBeNull();
    expect(checkpoint.network.blocked.length).toBeGreaterThan(0);
    await coordinator.heal();
    await coordinator.advanceBy(4_000);
    const saved = await coordinator.snapshot();
    expect(saved.checkpoint).toBe(checkpoint);
    expect(saved.inputs.map((input) => input.type)).toEqual(['heal', 'advance']);
    const restored = await Coordinator.restore(
      JSON.parse(JSON.stringify(saved)),
      local,
      kvStateMachine,
    );
    expect(restored.traceHash()).toBe(saved.trace.hash);
    expect(restored.traceCount).toBe(saved.trace.count);
    expect(restored.status()).toEqual(saved.machines);
    expect(restored.inputs()).toEqual(saved.inputs);
    await Promise.all([coordinator.advanceBy(30_000), restored.advanceBy(30_000)]);
    expect(restored.traceHash()).toBe(coordinator.traceHash());
    coordinator.dispose();
    restored.dispose();
  });

  it('gives back the trace events not drained yet when a checkpoint was taken', async () => {
    const coordinator = await create(42, 3);
    await coordinator.advanceBy(20_000);
    coordinator.drainTrace();
    await coordinator.stopDaemon('manager3');
    await coordinator.advanceBy(2_000);
    // The page had not drained these when the save took its checkpoint: a reload shows them.
    const saved = await coordinator.snapshot(ALWAYS);
    const undrained = coordinator.drainTrace();
    expect(undrained.map((event) => event.type)).toContain('member-stopped');
    const restored = await Coordinator.restore(
      JSON.parse(JSON.stringify(saved)),
      local,
      kvStateMachine,
    );
    expect(restored.drainTrace()).toEqual(undrained);
    coordinator.dispose();
    restored.dispose();
  });

  it('rejects a checkpoint it cannot read, or one the inputs replay elsewhere from', async () => {
    const coordinator = await create(43, 3);
    await coordinator.advanceBy(15_000);
    await coordinator.snapshot(ALWAYS);
    await coordinator.advanceBy(2_000);
    const saved = await coordinator.snapshot();
    coordinator.dispose();
    const checkpoint = saved.checkpoint;
    if (checkpoint === null) throw new Error('a quiet run takes a checkpoint');
    const restore = (value: unknown) => Coordinator.restore(value, local, kvStateMachine);
    await expect(restore({ ...saved, checkpoint: 'yesterday' })).rejects.toThrow(
      'the save has an unreadable checkpoint',
    );
    await expect(
      restore({ ...saved, checkpoint: { ...checkpoint, machines: [{ status: {} }] } }),
    ).rejects.toThrow("the save's checkpoint holds a machine it cannot read");
    await expect(
      restore({ ...saved, checkpoint: { ...checkpoint, network: { inFlight: 3 } } }),
    ).rejects.toThrow("the save's checkpoint has no network");
    // Another seed for the fabric: the inputs since replay to another trace.
    await expect(
      restore({
        ...saved,
        checkpoint: {
          ...checkpoint,
          network: { ...checkpoint.network, prngState: checkpoint.network.prngState ^ 1 },
        },
      }),
    ).rejects.toThrow('the save replays to a different cluster');
    const restored = await restore(saved);
    expect(restored.traceHash()).toBe(saved.trace.hash);
    restored.dispose();
  });

  it('a bare Raft member whose removal the leader applied is retired, and a save says so', async () => {
    const coordinator = await create(31, 3);
    await coordinator.advanceBy(30_000);
    const leader = coordinator.leader() ?? 'manager1';
    const victim = leader === 'manager3' ? 'manager2' : 'manager3';
    const removal = await coordinator.raftAdmin(leader, {
      kind: 'conf-change',
      change: { kind: 'remove-voter', nodeId: Number(victim.slice(-1)) },
    });
    expect(removal.accepted).toBe(true);
    await coordinator.advanceBy(5_000);
    expect(coordinator.status().map((status) => status.hostname)).not.toContain(victim);
    expect(coordinator.drainTrace()).toContainEqual(
      expect.objectContaining({ type: 'member-removed', member: Number(victim.slice(-1)) }),
    );
    // Derived from the run, the retirement is no input: the removal is.
    expect(coordinator.inputs().map((input) => input.type)).toEqual([
      'advance',
      'raft-admin',
      'advance',
    ]);
    coordinator.dispose();
  });

  it('different seeds give different runs (the hash can tell them apart)', async () => {
    expect(await runWithBreak(21, undefined)).not.toBe(await runWithBreak(22, undefined));
  });

  it('rejects a corrupt, foreign or tampered save with a SnapshotError', async () => {
    const coordinator = await create(5);
    await coordinator.advanceBy(15_000);
    const saved = await coordinator.snapshot();
    coordinator.dispose();
    const restore = (value: unknown) => Coordinator.restore(value, local, kvStateMachine);
    await expect(restore(null)).rejects.toBeInstanceOf(SnapshotError);
    // Version 1 saves predate machine-moved events; a newer version is unknown to this page.
    await expect(restore({ ...saved, version: 1 })).rejects.toThrow(
      'the save was made by an older version of the playground (save format 1; this page reads 3)',
    );
    await expect(restore({ ...saved, version: 4 })).rejects.toThrow(
      'the save was made by another version of the playground (save format 4; this page reads 3)',
    );
    await expect(restore({ ...saved, inputs: [{ type: 'jump' }] })).rejects.toBeInstanceOf(
      SnapshotError,
    );
    await expect(
      restore({ ...saved, trace: { ...saved.trace, hash: 'ffffffffffffffff' } }),
    ).rejects.toBeInstanceOf(SnapshotError);
    const restored = await restore(saved);
    expect(restored.traceHash()).toBe(saved.trace.hash);
    expect(restored.status()).toEqual(saved.machines);
    restored.dispose();
  });

  it('takes up a version 2 save, which is one without a checkpoint', async () => {
    const coordinator = await create(6);
    await coordinator.advanceBy(15_000);
    const { checkpoint, ...rest } = await coordinator.snapshot(NEVER);
    expect(checkpoint).toBeNull();
    coordinator.dispose();
    const restored = await Coordinator.restore({ ...rest, version: 2 }, local, kvStateMachine);
    expect(restored.traceHash()).toBe(rest.trace.hash);
    restored.dispose();
    await expect(
      Coordinator.restore({ ...rest, version: 2, checkpoint: {} }, local, kvStateMachine),
    ).rejects.toThrow('save format 2; this page reads 3');
  });
});

/** A host that throws on one chosen step call, as a worker whose code hits a bug would. */
function flakyFactory(
  victim: string,
  failOnStep: number,
): HostFactory<KvCommand, KvState, NoDaemon> {
  let steps = 0;
  let failed = false;
  return (source) => {
    const inner = new LocalHost(source, kvStateMachine);
    if (source.kind !== 'disk' || source.snapshot.spec.hostname !== victim || failed) return inner;
    const host: MachineHost<KvCommand, KvState, NoDaemon> = {
      step: (input) => {
        steps++;
        if (steps === failOnStep) {
          failed = true;
          return Promise.reject(new Error('worker threw: boom'));
        }
        return inner.step(input);
      },
      propose: (input) => inner.propose(input),
      raftAdmin: (input) => inner.raftAdmin(input),
      call: (input) => inner.call(input),
      files: (input) => inner.files(input),
      setDaemon: (input) => inner.setDaemon(input),
      status: () => inner.status(),
      snapshot: () => inner.snapshot(),
      exportState: () => inner.exportState(),
      dispose: () => {
        inner.dispose();
      },
    };
    return host;
  };
}

describe('Coordinator: a host that throws', () => {
  it('shows the machine as crashed, keeps running, and starts it again', async () => {
    const coordinator = await create(6, 3, flakyFactory('manager2', 15));
    await coordinator.advanceBy(60_000);
    const crashed = coordinator.status().find((machine) => machine.hostname === 'manager2');
    expect(crashed?.daemon).toBe('crashed');
    expect(crashed?.failure).toContain('boom');
    expect(coordinator.drainTrace().some((event) => event.type === 'member-crashed')).toBe(true);
    expect(coordinator.leader()).toBeDefined();
    const durable = crashed?.durable;

    expect(await coordinator.startDaemon('manager2')).toBe(true);
    const started = coordinator.status().find((machine) => machine.hostname === 'manager2');
    expect(started?.daemon).toBe('running');
    expect(started?.failure).toBeNull();
    expect(started?.raft?.term).toBe(durable?.term);
    await coordinator.advanceBy(5_000);
    const rejoined = coordinator.status().find((machine) => machine.hostname === 'manager2');
    expect(rejoined?.raft?.lead).toBe(coordinator.leader());
    coordinator.dispose();
  });

  it('a save taken after a host failure replays to the same trace', async () => {
    const coordinator = await create(7, 3, flakyFactory('manager1', 12));
    await coordinator.advanceBy(40_000);
    await coordinator.startDaemon('manager1');
    await coordinator.advanceBy(10_000);
    const saved = await coordinator.snapshot();
    coordinator.dispose();
    expect(saved.inputs.some((input) => input.type === 'host-failed')).toBe(true);
    const restored = await Coordinator.restore(saved, local, kvStateMachine);
    expect(restored.traceHash()).toBe(saved.trace.hash);
    restored.dispose();
  });
});
