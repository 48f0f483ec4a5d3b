import { describe, expect, it } from 'vitest';
import { forceNewCluster } from '../../../src/swarm';
import { swarmOf } from '../../support/builders';

describe('force-new-cluster', () => {
  it('keeps every node and leaves this manager the only member', () => {
    const swarm = swarmOf(3, 2);
    const nodesBefore = Object.keys(swarm.store.nodes).sort();
    const self = swarm.raftIds.get('manager2') ?? 0;
    const result = forceNewCluster(swarm.context(), self);
    expect(result.removedRaftIds).toHaveLength(2);
    swarm.apply(result.proposal);
    expect(Object.keys(swarm.store.nodes).sort()).toEqual(nodesBefore);
    expect(Object.values(swarm.store.members).map((m) => m.raftId)).toEqual([self]);
    expect([...swarm.store.removedRaftIds].sort()).toEqual([...result.removedRaftIds].sort());
    expect(forceNewCluster(swarm.context(), self).proposal).toBeNull();
  });
});
