import { describe, expect, it } from 'vitest';
import type { DaemonRequestOf } from '../../../src/api/operations';
import type { TaskState } from '../../../src/api/task';
import { allocateTasks } from '../../../src/swarm/allocator';
import { createService } from '../../../src/swarm/controlapi/service-create';
import { subscribeLogs } from '../../../src/swarm/controlapi/service-logs';
import { EMPTY_ORCHESTRATOR, orchestrate } from '../../../src/swarm/orchestrator/orchestrate';
import { scheduleTasks } from '../../../src/swarm/scheduler';
import { allTasks, taskObject, updateAction } from '../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { serviceSpec } from '../../support/service-specs';

/** A store with service `web` of `replicas` tasks, created, allocated and scheduled. */
function withService(replicas: number, parts = {}): TestSwarm {
  const swarm = swarmOf(1, 2);
  const created = createService(
    swarm.context(),
    serviceSpec('web', { Mode: { Replicated: { Replicas: replicas } }, ...parts }),
  );
  if (!created.ok) throw new Error(created.error.message);
  swarm.apply(created.value.proposal);
  let state = EMPTY_ORCHESTRATOR;
  for (let round = 0; round < 10; round++) {
    const pass = orchestrate(swarm.context(), state);
    state = pass.state;
    const actions = [...pass.actions, ...allocateTasks(swarm.context())];
    const scheduled = actions.length === 0 ? scheduleTasks(swarm.context()) : [];
    if (actions.length === 0 && scheduled.length === 0) return swarm;
    swarm.apply({ requestId: `r${round}`, actions: actions.length > 0 ? actions : scheduled });
  }
  return swarm;
}

function report(swarm: TestSwarm, state: TaskState, count: number): void {
  const actions = allTasks(swarm.store)
    .slice(0, count)
    .map((record) =>
      updateAction(
        taskObject({
          ...record,
          task: { ...record.task, Status: { ...record.task.Status, State: state } },
        }),
      ),
    );
  swarm.apply({ requestId: 'agents', actions });
}

function request(
  parts: Partial<DaemonRequestOf<'serviceLogs'>> = {},
): DaemonRequestOf<'serviceLogs'> {
  return {
    op: 'serviceLogs',
    target: 'web',
    task: false,
    follow: false,
    since: '',
    timestamps: false,
    details: false,
    tail: 'all',
    cursors: null,
    ...parts,
  };
}

describe('subscribeLogs', () => {
  it("asks the nodes of a service's tasks that got to RUNNING; a follow asks them all", () => {
    const swarm = withService(3);
    report(swarm, 'running', 1);
    const tasks = allTasks(swarm.store);
    const running = subscribeLogs(swarm.store, request());
    expect(running.ok && running.value.nodeIds).toEqual([tasks[0]?.task.NodeID]);
    expect(running.ok && running.value.message.serviceIds).toHaveLength(1);
    const follow = subscribeLogs(swarm.store, request({ follow: true }));
    expect(follow.ok && [...follow.value.nodeIds].sort()).toEqual(
      tasks.map(({ task }) => task.NodeID).sort(),
    );
  });

  it('takes a task whatever its state, and one no node has as pending', () => {
    const swarm = withService(1, {
      TaskTemplate: {
        ...serviceSpec('web').TaskTemplate,
        Placement: { Constraints: ['node.hostname==nosuch'] },
      },
    });
    const [pending] = allTasks(swarm.store);
    const id = pending?.task.ID ?? '';
    const byTask = subscribeLogs(swarm.store, request({ target: id, task: true }));
    expect(byTask.ok && byTask.value).toMatchObject({
      nodeIds: [],
      pendingTaskIds: [id],
      message: { serviceIds: [], taskIds: [id] },
    });
  });

  it('refuses a tail that is not a count, or a negative one (engine 20.10.24 texts)', () => {
    const swarm = withService(1);
    const message = (tail: string): string => {
      const subscribed = subscribeLogs(swarm.store, request({ tail }));
      return subscribed.ok ? '' : subscribed.error.message;
    };
    expect(message('abc')).toBe('tail value must be a positive integer or "all"');
    expect(message('-2')).toBe('negative tail values not supported');
    expect(message('0')).toBe('');
    expect(message('all')).toBe('');
  });

  it('wraps a failed lookup as moby does', () => {
    const swarm = withService(1);
    const missing = subscribeLogs(swarm.store, request({ target: 'nosuch' }));
    expect(missing.ok ? '' : missing.error.message).toBe(
      'error making log selector: service nosuch not found',
    );
  });
});
