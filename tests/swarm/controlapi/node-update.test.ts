import { describe, expect, it } from 'vitest';
import type { NodeSpecUpdate } from '../../../src/api/swarm';
import { updateNode } from '../../../src/swarm';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { errorOf, valueOf } from '../../support/outcome';

function specUpdate(
  swarm: TestSwarm,
  hostname: string,
  changes: Partial<NodeSpecUpdate>,
): NodeSpecUpdate {
  return { ...swarm.node(hostname).node.Spec, ...changes };
}

function update(swarm: TestSwarm, hostname: string, changes: Partial<NodeSpecUpdate>) {
  return updateNode(swarm.leaderContext(), {
    nodeId: swarm.id(hostname),
    version: swarm.node(hostname).node.Version.Index,
    spec: specUpdate(swarm, hostname, changes),
  });
}

describe('node update', () => {
  it('changes availability and labels', () => {
    const swarm = swarmOf(1, 1);
    swarm.apply(
      valueOf(update(swarm, 'worker1', { Availability: 'DRAIN', Labels: { zone: 'a' } })),
    );
    expect(swarm.node('worker1').node.Spec).toEqual({
      Labels: { zone: 'a' },
      Role: 'worker',
      Availability: 'drain',
    });
  });

  it('sets the desired role on promotion and leaves the role to the role manager', () => {
    const swarm = swarmOf(1, 1);
    swarm.apply(valueOf(update(swarm, 'worker1', { Role: 'manager' })));
    expect(swarm.node('worker1').node.Spec.Role).toBe('manager');
    expect(swarm.node('worker1').role).toBe('worker');
  });

  it.each([
    [{ Role: 'boss' }, 'invalid Role: "boss"'],
    [{ Availability: 'sleep' }, 'invalid Availability: "sleep"'],
    [{ Role: 'boss', Availability: 'sleep' }, 'invalid Role: "boss"'],
  ])('refuses the spec %j', (changes, message) => {
    const swarm = swarmOf(1, 1);
    expect(errorOf(update(swarm, 'worker1', changes))).toBe(message);
  });

  it('refuses a stale version', () => {
    const swarm = swarmOf(1, 1);
    const result = updateNode(swarm.leaderContext(), {
      nodeId: swarm.id('worker1'),
      version: 1,
      spec: specUpdate(swarm, 'worker1', {}),
    });
    expect(errorOf(result)).toBe('rpc error: code = Unknown desc = update out of sequence');
  });

  it('refuses an unknown node', () => {
    const swarm = swarmOf(1, 0);
    const result = updateNode(swarm.leaderContext(), {
      nodeId: 'nope',
      version: 1,
      spec: { Labels: {}, Role: 'worker', Availability: 'active' },
    });
    expect(errorOf(result)).toBe('rpc error: code = NotFound desc = node nope not found');
  });
});

describe('node demote', () => {
  it('refuses to demote the last manager', () => {
    const swarm = swarmOf(1, 2);
    expect(errorOf(update(swarm, 'manager1', { Role: 'worker' }))).toBe(
      'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
    );
  });

  it.each([
    [3, ['manager3'], 'manager2', false],
    [3, ['manager2'], 'manager2', true],
    [3, [], 'manager2', true],
    [2, ['manager2'], 'manager2', true],
    [2, [], 'manager2', true],
    [3, ['manager3'], 'manager1', false],
    [5, ['manager4', 'manager5'], 'manager2', false],
    [5, ['manager5'], 'manager2', true],
  ])(
    'with %i managers, %j unreachable, demoting %s is allowed: %s',
    (managers, down, target, allowed) => {
      const swarm = swarmOf(managers, 0);
      for (const hostname of down) swarm.unreachable.add(hostname);
      const result = update(swarm, target, { Role: 'worker' });
      if (allowed) expect(result.ok).toBe(true);
      else {
        expect(errorOf(result)).toBe(
          "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum",
        );
      }
    },
  );

  it('refuses a manager missing from the member list', () => {
    const swarm = swarmOf(2, 0);
    swarm.raftIds.delete('manager2');
    expect(errorOf(update(swarm, 'manager2', { Role: 'worker' }))).toBe(
      "rpc error: code = NotFound desc = can't find manager in raft memberlist",
    );
  });
});
