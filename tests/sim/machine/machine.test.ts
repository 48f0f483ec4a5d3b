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
  DurableMirror,
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

  it('rebuilds from its plain-data snapshot, through structuredClone', async () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const nowMs = electAlone(machine);
    machine.propose(nowMs, 'p1', { type: 'kv-set', key: 'b', value: '2' });
    const snapshot = structuredClone(machine.snapshot());
    const host = new LocalHost({ kind: 'disk', snapshot }, kvStateMachine);
    const status = await host.status();
    expect(status.durable).toEqual(machine.status().durable);
    expect(status.daemon).toBe('running');
  });

  it('rejects proposals while the daemon is down', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    const result = machine.propose(0, 'p1', { type: 'kv-set', key: 'a', value: '1' });
    expect(result).toMatchObject({ accepted: false, reason: 'daemon-not-running' });
  });
});

describe('Machine files', () => {
  const write = { op: 'write', path: '/root/a.txt', text: 'hello\n', append: false } as const;
  const read = { op: 'read', path: '/root/a.txt' } as const;

  it('a machine built before files existed has the standard tree and an empty home', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    expect(machine.snapshot().files).toBeUndefined();
    expect(machine.files(0, { op: 'list', path: '/root' }).answer).toEqual({
      ok: true,
      value: { directory: true, entries: [] },
    });
    expect(machine.files(0, { op: 'read', path: '/etc/hostname' }).answer).toEqual({
      ok: true,
      value: 'manager1\n',
    });
  });

  it('reports a change as a disk write, and works with the daemon down', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    expect(machine.daemon).toBe('stopped');
    const emitted = machine.files(5, write);
    expect(emitted.answer).toEqual({ ok: true, value: null });
    expect(emitted.durable).toEqual([{ kind: 'files', request: write, nowMs: 5 }]);
    expect(machine.files(6, read).durable).toEqual([]);
  });

  it('keeps its files across a move and a rebuild from its mirrored disk', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    electAlone(machine);
    const emitted = machine.files(1, write);
    const state = machine.exportState();
    expect(state).not.toBeNull();
    if (state === null) return;
    const moved = Machine.fromState(structuredClone(state), kvStateMachine);
    expect(moved.files(2, read).answer).toEqual({ ok: true, value: 'hello\n' });

    const mirror = new DurableMirror(managerSnapshot([1]));
    mirror.apply(emitted.durable);
    const rebuilt = Machine.fromSnapshot(mirror.snapshot('crashed'), kvStateMachine);
    expect(rebuilt.files(3, read).answer).toEqual({ ok: true, value: 'hello\n' });
    expect(mirror.snapshot('crashed').files).toEqual(machine.snapshot().files);
  });

  it('puts the files in the machine snapshot', () => {
    const machine = Machine.fromSnapshot(managerSnapshot([1]), kvStateMachine);
    machine.files(0, write);
    expect(machine.snapshot().files?.nodes['/root/a.txt']?.text).toBe('hello\n');
  });
});
