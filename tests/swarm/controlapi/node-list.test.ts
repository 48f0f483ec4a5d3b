import { describe, expect, it } from 'vitest';
import { listNodes } from '../../../src/swarm';
import { swarmOf } from '../../support/builders';

describe('node ls', () => {
  it('fills ManagerStatus from the member list, Leader only on the leader', () => {
    const swarm = swarmOf(2, 1);
    swarm.unreachable.add('manager2');
    const nodes = new Map(listNodes(swarm.store, swarm.members()).map((node) => [node.ID, node]));
    expect(nodes.get(swarm.id('manager1'))?.ManagerStatus).toEqual({
      Leader: true,
      Reachability: 'reachable',
      Addr: '192.168.0.10:2377',
    });
    expect(nodes.get(swarm.id('manager2'))?.ManagerStatus).toEqual({
      Reachability: 'unreachable',
      Addr: '192.168.0.12:2377',
    });
    expect(nodes.get(swarm.id('worker1'))).not.toHaveProperty('ManagerStatus');
  });
});
