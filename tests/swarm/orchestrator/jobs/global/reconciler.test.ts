import { describe, expect, it } from 'vitest';
import { updateService } from '../../../../../src/swarm/controlapi/service-update';
import { reconcileGlobalJob } from '../../../../../src/swarm/orchestrator/jobs/global/reconciler';
import { TaskBatch } from '../../../../../src/swarm/orchestrator/task-batch';
import { allTasks, getService } from '../../../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../../../support/builders';
import { serviceSpec } from '../../../../support/service-specs';
import { changeNode, create, hostnames, report, settle } from '../../../../support/leader-loops';

const JOB = { Mode: { GlobalJob: {} } };

/** Every task as `hostname desired/state`, sorted. */
function perNode(swarm: TestSwarm): string[] {
  const names = hostnames(swarm);
  return allTasks(swarm.store)
    .map(
      ({ task }) =>
        `${names.get(task.NodeID ?? '') ?? '-'} ${task.DesiredState}/${task.Status.State}`,
    )
    .sort();
}

function rerun(swarm: TestSwarm, id: string): void {
  const record = getService(swarm.store, id);
  if (record === undefined) throw new Error('no service');
  const updated = updateService(swarm.context(), {
    record,
    version: record.service.Version.Index,
    spec: record.service.Spec,
    rollback: 'none',
  });
  if (!updated.ok) throw new Error(updated.error.message);
  swarm.apply(updated.value);
}

describe('the global job reconciler', () => {
  it('creates one task meant to complete on each Ready, Active node that meets the constraints', () => {
    const swarm = swarmOf(1, 3);
    changeNode(swarm, 'worker2', (node) => ({
      ...node,
      Spec: { ...node.Spec, Availability: 'pause' },
    }));
    create(swarm, 'job', {
      ...JOB,
      TaskTemplate: {
        ...serviceSpec('job').TaskTemplate,
        Placement: { Constraints: ['node.role==worker'] },
      },
    });
    settle(swarm);
    expect(perNode(swarm)).toEqual(['worker1 complete/assigned', 'worker3 complete/assigned']);
    const [task] = allTasks(swarm.store);
    expect(task?.task.Status.Message).toBe('scheduler confirmed task can run on preassigned node');
  });

  it('sets every task of an earlier iteration to REMOVE, completed ones too, and runs again', () => {
    const swarm = swarmOf(1, 1);
    const id = create(swarm, 'job', JOB);
    let state = settle(swarm);
    report(swarm, 'complete');
    state = settle(swarm, state);
    rerun(swarm, id);
    const service = getService(swarm.store, id)?.service;
    if (service === undefined) throw new Error('no service');
    const batch = new TaskBatch(swarm.store);
    reconcileGlobalJob(batch, swarm.context(), service, []);
    const desired = batch
      .tasks()
      .map(
        ({ task }) => `${task.JobIteration?.Index ?? 0} ${task.DesiredState}/${task.Status.State}`,
      )
      .sort();
    expect(desired).toEqual([
      '0 remove/complete',
      '0 remove/complete',
      '1 complete/new',
      '1 complete/new',
    ]);
    // The reaper then deletes the stopped tasks set to REMOVE.
    settle(swarm, state);
    expect(perNode(swarm)).toEqual(['manager1 complete/assigned', 'worker1 complete/assigned']);
  });

  it('shuts down the task on a node that went Down', () => {
    const swarm = swarmOf(1, 1);
    const id = create(swarm, 'job', JOB);
    settle(swarm);
    report(swarm, 'running');
    changeNode(swarm, 'worker1', (node) => ({
      ...node,
      Status: { ...node.Status, State: 'down' },
    }));
    const service = getService(swarm.store, id)?.service;
    if (service === undefined) throw new Error('no service');
    const batch = new TaskBatch(swarm.store);
    reconcileGlobalJob(batch, swarm.context(), service, []);
    swarm.apply({ requestId: 'reconcile', actions: batch.actions() });
    expect(perNode(swarm)).toEqual(['manager1 complete/running', 'worker1 shutdown/running']);
  });
});
