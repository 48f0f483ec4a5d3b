import { describe, expect, it } from 'vitest';
import { removeNode, updateNode } from '../../../src/swarm';
import { cluster, swarmOf } from '../../support/builders';
import { errorOf, valueOf } from '../../support/outcome';

describe('node rm', () => {
  it('refuses a Ready node without --force, naming the full ID', () => {
    const swarm = swarmOf(1, 1);
    const id = swarm.id('worker1');
    expect(errorOf(removeNode(swarm.leaderContext(), { nodeId: id, force: false }))).toBe(
      `rpc error: code = FailedPrecondition desc = node ${id} is not down and can't be removed`,
    );
  });

  it('refuses a manager in the Raft cluster even with --force', () => {
    const swarm = swarmOf(3, 0);
    const id = swarm.id('manager2');
    expect(errorOf(removeNode(swarm.leaderContext(), { nodeId: id, force: true }))).toBe(
      `rpc error: code = FailedPrecondition desc = node ${id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
    );
  });

  it('removes a Ready node with --force and blacklists it', () => {
    const swarm = swarmOf(1, 1);
    const id = swarm.id('worker1');
    swarm.apply(valueOf(removeNode(swarm.leaderContext(), { nodeId: id, force: true })));
    expect(swarm.store.nodes[id]).toBeUndefined();
    expect(cluster(swarm).blacklistedNodeIds).toEqual([id]);
  });

  it.each(['down', 'unknown', 'disconnected'] as const)(
    'removes a %s node without --force',
    (state) => {
      const swarm = swarmOf(1, 1);
      const record = swarm.node('worker1');
      swarm.store = {
        ...swarm.store,
        nodes: {
          ...swarm.store.nodes,
          [record.node.ID]: { ...record, node: { ...record.node, Status: { State: state } } },
        },
      };
      expect(removeNode(swarm.leaderContext(), { nodeId: record.node.ID, force: false }).ok).toBe(
        true,
      );
    },
  );

  it('refuses an unknown node', () => {
    expect(errorOf(removeNode(swarmOf(1, 0).leaderContext(), { nodeId: 'x', force: false }))).toBe(
      'rpc error: code = NotFound desc = node x not found',
    );
  });
});

describe('a manager that left with --force', () => {
  it('stays a member until demoted, then can be removed once Down', () => {
    const swarm = swarmOf(3, 0);
    swarm.unreachable.add('manager3');
    const id = swarm.id('manager3');
    expect(errorOf(removeNode(swarm.leaderContext(), { nodeId: id, force: true }))).toMatch(
      /must be demoted to worker before removal$/,
    );
    const record = swarm.node('manager3');
    swarm.apply(
      valueOf(
        updateNode(swarm.leaderContext(), {
          nodeId: id,
          version: record.node.Version.Index,
          spec: { ...record.node.Spec, Role: 'worker' },
        }),
      ),
    );
    // The role manager removes it from Raft; it is then no longer in the member list.
    swarm.raftIds.delete('manager3');
    const demoted = swarm.node('manager3');
    swarm.store = {
      ...swarm.store,
      nodes: {
        ...swarm.store.nodes,
        [id]: { ...demoted, node: { ...demoted.node, Status: { State: 'down' } } },
      },
    };
    swarm.apply(valueOf(removeNode(swarm.leaderContext(), { nodeId: id, force: false })));
    expect(swarm.store.nodes[id]).toBeUndefined();
  });
});
