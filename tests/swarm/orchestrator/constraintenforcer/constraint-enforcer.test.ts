import { describe, expect, it } from 'vitest';
import type { Node } from '../../../../src/api/swarm';
import { enforceConstraints } from '../../../../src/swarm/orchestrator/constraintenforcer/constraint-enforcer';
import { TaskBatch } from '../../../../src/swarm/orchestrator/task-batch';
import { allTasks } from '../../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../../support/builders';
import { changeNode, create, report, settle } from '../../../support/leader-loops';
import { serviceSpec } from '../../../support/service-specs';

const GIB = 1024 ** 3;

function placed(parts: Parameters<typeof serviceSpec>[1]): TestSwarm {
  const swarm = swarmOf(1, 1);
  changeNode(swarm, 'worker1', (node) => ({
    ...withLabels(node, { zone: 'a' }),
    Description: { ...node.Description, Resources: { NanoCPUs: 2e9, MemoryBytes: 4 * GIB } },
  }));
  create(swarm, 'web', parts);
  settle(swarm);
  report(swarm, 'running');
  return swarm;
}

function withLabels(node: Node, Labels: Record<string, string>): Node {
  return { ...node, Spec: { ...node.Spec, Labels } };
}

/** The enforcer's pass after the last change; the states it leaves, sorted. */
function enforce(swarm: TestSwarm, checkedAt: number | null): string[] {
  const batch = new TaskBatch(swarm.store);
  enforceConstraints(batch, swarm.context(), checkedAt);
  return batch
    .tasks()
    .map(({ task }) => `${task.DesiredState}/${task.Status.State} ${task.Status.Err ?? ''}`.trim())
    .sort();
}

const ZONE_A = {
  Mode: { Replicated: { Replicas: 2 } },
  TaskTemplate: {
    ...serviceSpec('web').TaskTemplate,
    Placement: { Constraints: ['node.labels.zone==a'] },
  },
};

describe('the constraint enforcer', () => {
  it('rejects the running tasks of a node that lost the label their service needs', () => {
    const swarm = placed(ZONE_A);
    const before = swarm.store.appliedIndex;
    changeNode(swarm, 'worker1', (node) => withLabels(node, {}));
    expect(enforce(swarm, before)).toEqual([
      'running/rejected assigned node no longer meets constraints',
      'running/rejected assigned node no longer meets constraints',
    ]);
  });

  it('checks only the nodes that changed since it last looked', () => {
    const swarm = placed(ZONE_A);
    const index = swarm.store.appliedIndex;
    // The label is gone, but from a write the enforcer already saw.
    const batch = new TaskBatch(swarm.store);
    changeNode(swarm, 'worker1', (node) => withLabels(node, {}));
    expect(enforce(swarm, swarm.store.appliedIndex)).toEqual([
      'running/running',
      'running/running',
    ]);
    expect(batch.empty).toBe(true);
    expect(enforce(swarm, index)).toHaveLength(2);
  });

  it('leaves a paused node alone', () => {
    const swarm = placed(ZONE_A);
    const before = swarm.store.appliedIndex;
    changeNode(swarm, 'worker1', (node) => ({
      ...withLabels(node, {}),
      Spec: { ...node.Spec, Labels: {}, Availability: 'pause' },
    }));
    expect(enforce(swarm, before)).toEqual(['running/running', 'running/running']);
  });

  it('rejects the tasks whose reservations no longer fit, in task order', () => {
    const swarm = placed({
      Mode: { Replicated: { Replicas: 2 } },
      TaskTemplate: {
        ...serviceSpec('web').TaskTemplate,
        Resources: { Reservations: { MemoryBytes: GIB } },
        Placement: { Constraints: ['node.hostname==worker1'] },
      },
    });
    const before = swarm.store.appliedIndex;
    changeNode(swarm, 'worker1', (node) => ({
      ...node,
      Description: { ...node.Description, Resources: { NanoCPUs: 1e9, MemoryBytes: 1.5 * GIB } },
    }));
    expect(enforce(swarm, before)).toEqual([
      'running/rejected assigned node no longer meets constraints',
      'running/running',
    ]);
    // The first by ID fits and is left running; the second no longer fits.
    const [first] = allTasks(swarm.store);
    const batch = new TaskBatch(swarm.store);
    enforceConstraints(batch, swarm.context(), before);
    const rejected = batch.tasks().find(({ task }) => task.Status.State === 'rejected');
    expect(rejected?.task.ID).not.toBe(first?.task.ID);
    expect(rejected?.task.Status.Message).toBe('task rejected by constraint enforcer');
  });
});
