import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../../src/api/task';
import { reconcileReplicatedJob } from '../../../../../src/swarm/orchestrator/jobs/replicated/reconciler';
import { TaskBatch } from '../../../../../src/swarm/orchestrator/task-batch';
import { updateService } from '../../../../../src/swarm/controlapi/service-update';
import { allTasks, getService } from '../../../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../../../support/builders';
import { create, report, settle } from '../../../../support/leader-loops';

const JOB = { Mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 5 } } };

/** Every task as `slot desired/state`, sorted. */
function slots(swarm: TestSwarm): string[] {
  return allTasks(swarm.store)
    .map(({ task }) => `${task.Slot ?? 0} ${task.DesiredState}/${task.Status.State}`)
    .sort();
}

const complete = (task: Task): boolean => task.DesiredState === 'complete';

describe('the replicated job reconciler', () => {
  it('starts MaxConcurrent tasks in slots from 0, meant to complete, of the first iteration', () => {
    const swarm = swarmOf(1, 2);
    create(swarm, 'job', JOB);
    settle(swarm);
    expect(slots(swarm)).toEqual(['0 complete/assigned', '1 complete/assigned']);
    const [first] = allTasks(swarm.store).filter(({ task }) => task.Slot === undefined);
    // Slot 0 and iteration 0 are left out of the JSON, as moby's omitempty leaves them out.
    expect(first?.task).not.toHaveProperty('Slot');
    expect(first?.task.JobIteration).toEqual({});
  });

  it('starts the next slots as tasks complete, until the completions are reached', () => {
    const swarm = swarmOf(1, 2);
    create(swarm, 'job', JOB);
    let state = settle(swarm);
    for (let round = 0; round < 3; round++) {
      report(swarm, 'complete', complete);
      state = settle(swarm, state);
    }
    expect(slots(swarm)).toEqual([
      '0 complete/complete',
      '1 complete/complete',
      '2 complete/complete',
      '3 complete/complete',
      '4 complete/complete',
    ]);
  });

  it('never runs more than the completions left', () => {
    const swarm = swarmOf(1, 2);
    create(swarm, 'job', { Mode: { ReplicatedJob: { MaxConcurrent: 4, TotalCompletions: 3 } } });
    settle(swarm);
    expect(slots(swarm)).toHaveLength(3);
  });

  it('hands a failed task to the restart supervisor, which replaces it in its slot', () => {
    const swarm = swarmOf(1, 2);
    create(swarm, 'job', JOB);
    const state = settle(swarm);
    report(swarm, 'failed', (task) => task.Slot === 1);
    settle(swarm, state);
    expect(slots(swarm)).toEqual(['0 complete/assigned', '1 ready/assigned', '1 shutdown/failed']);
  });

  it('sets the unfinished tasks of an earlier iteration to REMOVE and keeps its completed ones', () => {
    const swarm = swarmOf(1, 2);
    const id = create(swarm, 'job', JOB);
    let state = settle(swarm);
    report(swarm, 'complete', (task) => task.Slot === undefined);
    report(swarm, 'running', (task) => task.Slot === 1);
    state = settle(swarm, state);
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
    settle(swarm, state);
    const byIteration = allTasks(swarm.store)
      .map(
        ({ task }) =>
          `${task.JobIteration?.Index ?? 0}:${task.Slot ?? 0} ${task.DesiredState}/${task.Status.State}`,
      )
      .sort();
    expect(byIteration).toEqual([
      '0:0 complete/complete',
      '0:1 remove/running',
      '0:2 remove/assigned',
      '1:0 complete/assigned',
      '1:1 complete/assigned',
    ]);
  });

  it('creates nothing for a job whose completions are all done', () => {
    const swarm = swarmOf(1, 1);
    const id = create(swarm, 'job', {
      Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } },
    });
    const state = settle(swarm);
    report(swarm, 'complete');
    settle(swarm, state);
    const service = getService(swarm.store, id)?.service;
    if (service === undefined) throw new Error('no service');
    const batch = new TaskBatch(swarm.store);
    reconcileReplicatedJob(batch, swarm.context(), service, []);
    expect(batch.empty).toBe(true);
  });
});
