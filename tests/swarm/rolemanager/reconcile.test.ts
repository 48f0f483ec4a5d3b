import { describe, expect, it } from 'vitest';
import {
  reconcileRoles,
  recordSendOutcome,
  updateNode,
  type RoleManagerInput,
  type RoleManagerStep,
  type TransportActivity,
} from '../../../src/swarm';
import { swarmOf, type TestSwarm } from '../../support/builders';

function input(swarm: TestSwarm, activity: TransportActivity = {}): RoleManagerInput {
  return { ...swarm.leaderContext(), activity };
}

function setDesiredRole(swarm: TestSwarm, hostname: string, role: 'worker' | 'manager'): void {
  const record = swarm.node(hostname);
  const result = updateNode(swarm.leaderContext(), {
    nodeId: record.node.ID,
    version: record.node.Version.Index,
    spec: { ...record.node.Spec, Role: role },
  });
  if (!result.ok) throw new Error(result.error.message);
  swarm.apply(result.value);
}

function only(steps: readonly RoleManagerStep[]): RoleManagerStep {
  expect(steps).toHaveLength(1);
  const [step] = steps;
  if (step === undefined) throw new Error('no step');
  return step;
}

describe('role manager', () => {
  it('does nothing when every role is as desired', () => {
    expect(reconcileRoles(input(swarmOf(3, 2)))).toEqual({ steps: [], pending: false });
  });

  it('promotes at once by flipping the role', () => {
    const swarm = swarmOf(1, 1);
    setDesiredRole(swarm, 'worker1', 'manager');
    const step = only(reconcileRoles(input(swarm)).steps);
    expect(step.kind).toBe('propose');
    if (step.kind === 'propose') swarm.apply(step.proposal);
    expect(swarm.node('worker1').role).toBe('manager');
    expect(reconcileRoles(input(swarm)).steps).toEqual([]);
  });

  it('demotes a follower: Raft removal first, then the role', () => {
    const swarm = swarmOf(3, 0);
    setDesiredRole(swarm, 'manager3', 'worker');
    const result = reconcileRoles(input(swarm));
    expect(result.pending).toBe(true);
    const step = only(result.steps);
    expect(step).toMatchObject({ kind: 'remove-member', raftId: swarm.raftIds.get('manager3') });
    expect(swarm.node('manager3').role).toBe('manager');
    // The host applies the ConfChange, then the member record removal.
    if (step.kind === 'remove-member') swarm.apply(step.recordRemoval);
    swarm.raftIds.delete('manager3');
    const flip = only(reconcileRoles(input(swarm)).steps);
    expect(flip.kind).toBe('propose');
    if (flip.kind === 'propose') swarm.apply(flip.proposal);
    expect(swarm.node('manager3').role).toBe('worker');
  });

  it('demoting the leader transfers leadership to the longest-active member', () => {
    const swarm = swarmOf(3, 0);
    setDesiredRole(swarm, 'manager1', 'worker');
    const m2 = swarm.raftIds.get('manager2') ?? 0;
    const m3 = swarm.raftIds.get('manager3') ?? 0;
    let activity = recordSendOutcome({}, { raftId: m3, outcome: 'delivered', atMs: 1_000 });
    activity = recordSendOutcome(activity, { raftId: m2, outcome: 'delivered', atMs: 2_000 });
    expect(only(reconcileRoles(input(swarm, activity)).steps)).toEqual({
      kind: 'transfer-leadership',
      nodeId: swarm.id('manager1'),
      toRaftId: m3,
    });
  });

  it('waits while a removal would lose quorum, and says so', () => {
    const swarm = swarmOf(3, 0);
    setDesiredRole(swarm, 'manager3', 'worker');
    swarm.unreachable.add('manager2');
    expect(reconcileRoles(input(swarm))).toEqual({ steps: [], pending: true });
  });

  it('evicts the Raft member of a deleted node', () => {
    const swarm = swarmOf(3, 0);
    const id = swarm.id('manager3');
    const nodes = Object.fromEntries(
      Object.entries(swarm.store.nodes).filter(([nodeId]) => nodeId !== id),
    );
    swarm.store = { ...swarm.store, nodes };
    expect(only(reconcileRoles(input(swarm)).steps)).toMatchObject({
      kind: 'remove-member',
      nodeId: id,
    });
  });
});
