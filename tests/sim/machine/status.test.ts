import type { SwarmStatusView } from '../../../src/machine-api';
import { describe, expect, it } from 'vitest';
import { defaultRaftOptions } from '../../../src/raft';
import {
  Machine,
  kvStateMachine,
  newMachineSnapshot,
  type KvCommand,
  type KvState,
} from '../../../src/sim/machine';
import type { NoDaemon } from '../../../src/machine-api';
import { swarmViewMatches } from '../../../src/sim/machine/status';

function singleManager(): Machine<KvCommand, KvState, NoDaemon> {
  return Machine.fromSnapshot(
    newMachineSnapshot({
      spec: { hostname: 'manager1', address: '192.168.0.11', role: 'manager', nodeId: 1 },
      voters: [1],
      raftOptions: defaultRaftOptions,
      seed: 3,
      stateMachine: kvStateMachine,
    }),
    kvStateMachine,
  );
}

describe('machine status', () => {
  it('keeps the same object while nothing in it changes, and a new one when something does', () => {
    const machine = singleManager();
    const stopped = machine.status();
    expect(machine.status()).toBe(stopped);
    machine.setDaemon(0, 'running');
    const booted = machine.status();
    expect(booted).not.toBe(stopped);
    expect(booted.daemon).toBe('running');
    let nowMs = 0;
    while (machine.status().raft?.role !== 'leader') {
      nowMs += 1000;
      machine.step(nowMs, [], true);
      expect(nowMs).toBeLessThan(30_000);
    }
    const leading = machine.status();
    expect(leading.raft?.term).toBeGreaterThan(0);
    // A tick of a leader alone changes nothing it reports.
    machine.step(nowMs + 1000, [], true);
    expect(machine.status()).toBe(leading);
    machine.propose(nowMs + 1000, 'p1', { type: 'kv-set', key: 'a', value: '1' });
    const wrote = machine.status();
    expect(wrote).not.toBe(leading);
    expect(wrote.raft?.applied).toBe((leading.raft?.applied ?? 0) + 1);
    expect(wrote.durable?.lastIndex).toBe((leading.durable?.lastIndex ?? 0) + 1);
  });

  it('compares swarm views field by field', () => {
    const view: SwarmStatusView = {
      localNodeState: 'active',
      nodeId: 'n1',
      role: 'manager',
      controlAvailable: true,
      nodes: null,
      tasks: [],
      pending: null,
    };
    expect(swarmViewMatches(view, { ...view })).toBe(true);
    expect(swarmViewMatches(view, { ...view, controlAvailable: false })).toBe(false);
    // The worker keeps its chips while no task changed: a new list is a change.
    expect(swarmViewMatches(view, { ...view, tasks: [] })).toBe(false);
    expect(swarmViewMatches(view, { ...view, pending: [] })).toBe(false);
    expect(swarmViewMatches(undefined, undefined)).toBe(true);
    expect(swarmViewMatches(null, view)).toBe(false);
  });
});
