import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from '../../../src/api/service';
import { updateNode } from '../../../src/swarm/controlapi/node-update';
import { PENDING_SHOWN_MAX, pendingTaskViews } from '../../../src/swarm/scheduler';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { create, settle } from '../../support/leader-loops';
import { serviceSpec } from '../../support/service-specs';

function place(swarm: TestSwarm, name: string, parts: Partial<ServiceSpec> = {}): void {
  create(swarm, name, parts);
  settle(swarm);
}

function drain(swarm: TestSwarm, hostname: string): void {
  const node = swarm.node(hostname).node;
  const drained = updateNode(swarm.leaderContext(), {
    nodeId: node.ID,
    version: node.Version.Index,
    spec: { ...node.Spec, Availability: 'drain' },
  });
  if (!drained.ok) throw new Error(drained.error.message);
  swarm.apply(drained.value);
}

describe('pendingTaskViews', () => {
  it('says, for each node, the first filter that turned the task away', () => {
    const swarm = swarmOf(1, 2);
    drain(swarm, 'worker2');
    const template = serviceSpec('db').TaskTemplate;
    place(swarm, 'db', {
      TaskTemplate: { ...template, Placement: { Constraints: ['node.labels.disk==ssd'] } },
    });
    const [view, ...rest] = pendingTaskViews(swarm.store);
    expect(rest).toEqual([]);
    expect(view?.taskId).toMatch(/^[0-9a-z]{25}$/);
    expect(view).toEqual({
      taskId: view?.taskId,
      name: 'db.1',
      error:
        'no suitable node (scheduling constraints not satisfied on 2 nodes; 1 node not available for new tasks)',
      nodes: [
        { hostname: 'manager1', reason: 'scheduling constraints not satisfied' },
        { hostname: 'worker1', reason: 'scheduling constraints not satisfied' },
        // The drained node fails the ready filter first, as the pipeline's order has it.
        { hostname: 'worker2', reason: 'not available for new tasks' },
      ],
    });
  });

  it('lists nothing once every task is placed', () => {
    const swarm = swarmOf(1, 1);
    place(swarm, 'web', { Mode: { Replicated: { Replicas: 2 } } });
    expect(pendingTaskViews(swarm.store)).toEqual([]);
  });

  it('tells the graph of a bounded number of tasks', () => {
    const swarm = swarmOf(1, 0);
    drain(swarm, 'manager1');
    place(swarm, 'many', { Mode: { Replicated: { Replicas: PENDING_SHOWN_MAX + 6 } } });
    const views = pendingTaskViews(swarm.store);
    expect(views).toHaveLength(PENDING_SHOWN_MAX);
    expect(views.every((view) => view.nodes[0]?.reason === 'not available for new tasks')).toBe(
      true,
    );
  });
});
