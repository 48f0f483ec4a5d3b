import { describe, expect, it } from 'vitest';
import { allTasks } from '../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { changeNode, create, hostnames, settle } from '../../support/leader-loops';
import { serviceSpec } from '../../support/service-specs';

function label(swarm: TestSwarm, hostname: string, labels: Record<string, string>): void {
  changeNode(swarm, hostname, (node) => ({ ...node, Spec: { ...node.Spec, Labels: labels } }));
}

function spread(...descriptors: string[]): {
  TaskTemplate: ReturnType<typeof serviceSpec>['TaskTemplate'];
} {
  return {
    TaskTemplate: {
      ...serviceSpec('web').TaskTemplate,
      Placement: {
        Preferences: descriptors.map((SpreadDescriptor) => ({ Spread: { SpreadDescriptor } })),
      },
    },
  };
}

/** How many tasks each value of `key` got: a node without the label counts as "". */
function byLabel(swarm: TestSwarm, key: string): Record<string, number> {
  const names = hostnames(swarm);
  const counts: Record<string, number> = {};
  for (const { task } of allTasks(swarm.store)) {
    const node = swarm.store.nodes[task.NodeID ?? ''];
    const value = node?.node.Spec.Labels[key] ?? '';
    if (names.has(task.NodeID ?? '')) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

describe('placement preferences', () => {
  it('splits the tasks evenly between label values, however many nodes each has', () => {
    const swarm = swarmOf(1, 3);
    label(swarm, 'manager1', { zone: 'a' });
    label(swarm, 'worker1', { zone: 'b' });
    label(swarm, 'worker2', { zone: 'b' });
    label(swarm, 'worker3', { zone: 'b' });
    create(swarm, 'web', { Mode: { Replicated: { Replicas: 6 } }, ...spread('node.labels.zone') });
    settle(swarm);
    expect(byLabel(swarm, 'zone')).toEqual({ a: 3, b: 3 });
  });

  it('gives the nodes without the label a branch of their own', () => {
    const swarm = swarmOf(1, 2);
    label(swarm, 'worker1', { zone: 'a' });
    label(swarm, 'worker2', { zone: 'b' });
    create(swarm, 'web', { Mode: { Replicated: { Replicas: 3 } }, ...spread('node.labels.zone') });
    settle(swarm);
    expect(byLabel(swarm, 'zone')).toEqual({ '': 1, a: 1, b: 1 });
  });

  it('nests a second preference inside each branch of the first', () => {
    const swarm = swarmOf(1, 3);
    label(swarm, 'manager1', { dc: 'east', rack: '1' });
    label(swarm, 'worker1', { dc: 'east', rack: '2' });
    label(swarm, 'worker2', { dc: 'west', rack: '1' });
    label(swarm, 'worker3', { dc: 'west', rack: '1' });
    create(swarm, 'web', {
      Mode: { Replicated: { Replicas: 8 } },
      ...spread('node.labels.dc', 'node.labels.rack'),
    });
    settle(swarm);
    const names = hostnames(swarm);
    const perHost: Record<string, number> = {};
    for (const { task } of allTasks(swarm.store)) {
      const host = names.get(task.NodeID ?? '') ?? '-';
      perHost[host] = (perHost[host] ?? 0) + 1;
    }
    // east: racks 1 and 2 two each; west: one rack, its two nodes two each.
    expect(perHost).toEqual({ manager1: 2, worker1: 2, worker2: 2, worker3: 2 });
  });

  it('skips a branch with no node that passes the filters: never a reason to stay pending', () => {
    const swarm = swarmOf(1, 2);
    label(swarm, 'manager1', { zone: 'a' });
    label(swarm, 'worker1', { zone: 'b' });
    label(swarm, 'worker2', { zone: 'b' });
    changeNode(swarm, 'manager1', (node) => ({
      ...node,
      Spec: { ...node.Spec, Availability: 'drain' },
    }));
    create(swarm, 'web', { Mode: { Replicated: { Replicas: 4 } }, ...spread('node.labels.zone') });
    settle(swarm);
    expect(byLabel(swarm, 'zone')).toEqual({ b: 4 });
  });
});
