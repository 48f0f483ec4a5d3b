import { describe, expect, it } from 'vitest';
import { EMPTY_ORCHESTRATOR } from '../../../../src/swarm/orchestrator/orchestrate';
import { allTasks } from '../../../../src/swarm/store';
import { swarmOf } from '../../../support/builders';
import { changeNode, create, hostnames, report, settle } from '../../../support/leader-loops';
import { serviceSpec } from '../../../support/service-specs';

const ZONED_GLOBAL_JOB = {
  Mode: { GlobalJob: {} },
  TaskTemplate: {
    ...serviceSpec('job').TaskTemplate,
    Placement: { Constraints: ['node.labels.zone==a'] },
  },
};

function taskNodes(swarm: ReturnType<typeof swarmOf>): string[] {
  const names = hostnames(swarm);
  return allTasks(swarm.store)
    .map(({ task }) => names.get(task.NodeID ?? '') ?? '-')
    .sort();
}

describe('the jobs orchestrator', () => {
  // As on a real swarm (engine 20.10.24): a global job with `node.labels.jb-zone==a` and no such
  // node got no task, and none either once `docker node update --label-add jb-zone=a worker1` ran.
  it('reconciles on service and task events only, not when a node changes', () => {
    const swarm = swarmOf(1, 2);
    create(swarm, 'job', ZONED_GLOBAL_JOB);
    const state = settle(swarm);
    expect(taskNodes(swarm)).toEqual([]);
    changeNode(swarm, 'worker1', (node) => ({
      ...node,
      Spec: { ...node.Spec, Labels: { zone: 'a' } },
    }));
    settle(swarm, state);
    expect(taskNodes(swarm)).toEqual([]);
    // A new leader's orchestrator starts by reconciling every job.
    settle(swarm, EMPTY_ORCHESTRATOR);
    expect(taskNodes(swarm)).toEqual(['worker1']);
  });

  it('reconciles a job when one of its tasks stops', () => {
    const swarm = swarmOf(1, 1);
    create(swarm, 'job', { Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 2 } } });
    let state = settle(swarm);
    expect(allTasks(swarm.store)).toHaveLength(1);
    report(swarm, 'complete');
    state = settle(swarm, state);
    expect(allTasks(swarm.store)).toHaveLength(2);
    expect(state.jobs).toHaveLength(1);
  });
});
