import { describe, expect, it } from 'vitest';
import { defaultRaftOptions } from '../../../src/raft';
import {
  LocalHost,
  Machine,
  kvStateMachine,
  newMachineSnapshot,
  type KvCommand,
  type KvState,
  type MachineSnapshot,
} from '../../../src/sim/machine';
import type { NoDaemon } from '../../../src/machine-api';

function managerSnapshot(voters: number[]): MachineSnapshot<KvCommand, KvState, NoDaemon> {
  return newMachineSnapshot({
    spec: { hostname: 'manager1', address: '192.168.0.11', role: 'manager', nodeId: 1 },
    voters,
    raftOptions: defaultRaftOptions,
    seed: 7,
    stateMachine: kvStateMachine,
  });
}

/** Ticks a single-voter manager until it leads (it needs no votes but its own). */
function electAlone(machine: Machine<KvCommand, KvState, NoDaemon>): number {
  let nowMs = 0;
  machine.setDaemon(nowMs, 'running');
  while (machine.status().raft?.role !== 'leader') {
    nowMs += 1000;
    machine.step(nowMs, [], true);
    expect(nowMs).toBeLessThan(30_000);
  }
  return nowMs;
}

describe('Machine', () => {
  it('a worker machine runs no Raft member and has no durable Raft state', () => {
    const machine = Machine.fromSnapshot(
      newMachineSnapshot({
        spec: { hostname: 'worker1', address: '192.168.0.21', role: 'worker', nodeId: 4 },
        voters: [],
        raftOptions: defaultRaftOptions,
        seed: 1,
        stateMachine: kvStateMachine,
      }),
      kvStateMachine,
    );
    const started = machine.setDaemon(0, 'running');
    expect(started.events.map((event) => event.type)).toEqual(['member-started']);
    expect(machine.step(1000, [], true)).toEqual({
      messages: [],
      events: [],
      wires: [],
      answers: [],
      // A tick of an agent writes nothing to disk.
      durable: [],
      durableAfterEvents: [],
    });
    expect(machine.status()).toMatchObject({ daemon: 'running', raft: null, durable: null });
  });

  it('a manager elects itself alone within swarmkit election timeout (10 to 19 ticks)', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const electedAtMs = electAlone(machine);
    expect(electedAtMs).toBeGreaterThanOrEqual(10_000);
    expect(electedAtMs).toBeLessThan(20_000);
  });

  it('applies committed proposals to the key-value state and traces them', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const nowMs = electAlone(machine);
    const proposed = machine.propose(nowMs, 'p1', { type: 'kv-set', key: 'a', value: '1' });
    expect(proposed.accepted).toBe(true);
    expect(machine.appState.pairs).toEqual([['a', '1']]);
    expect(proposed.events.map((event) => event.type)).toContain('entry-applied');
    machine.propose(nowMs, 'p2', { type: 'kv-delete', key: 'a' });
    expect(machine.appState.pairs).toEqual([]);
  });

  it('keeps the durable state across a daemon stop and resumes from it on start', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const nowMs = electAlone(machine);
    machine.propose(nowMs, 'p1', { type: 'kv-set', key: 'a', value: '1' });
    const before = machine.status();
    machine.setDaemon(nowMs + 1, 'stopped');
    const stopped = machine.status();
    expect(stopped.raft).toBeNull();
    expect(stopped.durable).toEqual(before.durable);
    expect(machine.appState.pairs).toEqual([]);
    const restarted = machine.setDaemon(nowMs + 2, 'running');
    expect(restarted.events[0]?.type).toBe('member-restarted');
    const after = machine.status();
    expect(after.raft?.term).toBe(before.raft?.term);
    expect(after.raft?.lastIndex).toBe(before.raft?.lastIndex);
    // The committed entries are applied again from the log, as a restarting manager replays.
    expect(machine.appState.pairs).toEqual([['a', '1']]);
  });

  it('rebuilds from its plain-data snapshot, through structuredClone', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const nowMs = electAlone(machine);
    machine.propose(nowMs, 'p1', { type: 'kv-set', key: 'b', value: '2' });
    const snapshot = structuredClone(machine.snapshot());
    const host = new LocalHost({ kind: 'disk', snapshot }, kvStateMachine);
    const status = host.status();
    expect(status.durable).toEqual(machine.status().durable);
    expect(status.daemon).toBe('running');
  });

  it('rejects proposals while the daemon is down', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const result = machine.propose(0, 'p1', { type: 'kv-set', key: 'a', value: '1' });
    expect(result).toMatchObject({ accepted: false, reason: 'daemon-not-running' });
  });
});
