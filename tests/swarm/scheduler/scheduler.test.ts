import { describe, expect, it } from 'vitest';
import { allocateTasks } from '../../../src/swarm/allocator';
import { createService } from '../../../src/swarm/controlapi/service-create';
import { updateNode } from '../../../src/swarm/controlapi/node-update';
import { orchestrate, EMPTY_ORCHESTRATOR } from '../../../src/swarm/orchestrator/orchestrate';
import { scheduleTasks } from '../../../src/swarm/scheduler';
import { allTasks } from '../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { serviceSpec } from '../../support/service-specs';

/** Creates a service and runs the orchestrator, the allocator and the scheduler once each. */
function place(swarm: TestSwarm, name: string, parts = {}): void {
  const created = createService(swarm.context(), serviceSpec(name, parts));
  if (!created.ok) throw new Error(created.error.message);
  swarm.apply(created.value.proposal);
  swarm.apply({
    requestId: `o-${name}`,
    actions: orchestrate(swarm.context(), EMPTY_ORCHESTRATOR).actions,
  });
  swarm.apply({ requestId: `a-${name}`, actions: allocateTasks(swarm.context()) });
  const scheduled = scheduleTasks(swarm.context());
  if (scheduled.length > 0) swarm.apply({ requestId: `s-${name}`, actions: scheduled });
}

function perNode(swarm: TestSwarm, service: string): number[] {
  const counts = new Map<string, number>();
  for (const { task, serviceName } of allTasks(swarm.store)) {
    if (serviceName !== service || task.NodeID === undefined) continue;
    counts.set(task.NodeID, (counts.get(task.NodeID) ?? 0) + 1);
  }
  return [...counts.values()].sort();
}

describe('scheduleTasks', () => {
  it('fills nodes evenly, six tasks on three nodes two each', () => {
    const swarm = swarmOf(1, 2);
    place(swarm, 'web', { Mode: { Replicated: { Replicas: 6 } } });
    expect(perNode(swarm, 'web')).toEqual([2, 2, 2]);
  });

  it('prefers the nodes with fewer tasks in all once the service is even', () => {
    const swarm = swarmOf(1, 2);
    place(swarm, 'big', { Mode: { Replicated: { Replicas: 2 } } });
    place(swarm, 'one', { Mode: { Replicated: { Replicas: 1 } } });
    const bigNodes = new Set(
      allTasks(swarm.store)
        .filter((r) => r.serviceName === 'big')
        .map((r) => r.task.NodeID),
    );
    const [oneTask] = allTasks(swarm.store).filter((r) => r.serviceName === 'one');
    expect(bigNodes.has(oneTask?.task.NodeID)).toBe(false);
  });

  it('explains a drained node and the max-replicas limit, most failing first', () => {
    const swarm = swarmOf(1, 2);
    for (const hostname of ['worker1', 'worker2']) {
      const worker = swarm.node(hostname).node;
      const drained = updateNode(swarm.leaderContext(), {
        nodeId: worker.ID,
        version: worker.Version.Index,
        spec: { ...worker.Spec, Availability: 'drain' },
      });
      if (!drained.ok) throw new Error(drained.error.message);
      swarm.apply(drained.value);
    }
    const template = serviceSpec('web').TaskTemplate;
    place(swarm, 'web', {
      Mode: { Replicated: { Replicas: 2 } },
      TaskTemplate: { ...template, Placement: { MaxReplicas: 1 } },
    });
    const errors = allTasks(swarm.store)
      .map((record) => record.task.Status.Err ?? '')
      .sort();
    expect(errors).toEqual([
      '',
      'no suitable node (2 nodes not available for new tasks; max replicas per node limit exceed)',
    ]);
  });
});
