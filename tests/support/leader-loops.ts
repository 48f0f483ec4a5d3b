import type { ServiceSpec } from '../../src/api/service';
import type { Task, TaskState } from '../../src/api/task';
import { allocateTasks } from '../../src/swarm/allocator';
import { createService } from '../../src/swarm/controlapi/service-create';
import {
  EMPTY_ORCHESTRATOR,
  orchestrate,
  type OrchestratorState,
} from '../../src/swarm/orchestrator/orchestrate';
import { scheduleTasks } from '../../src/swarm/scheduler';
import type { Node } from '../../src/api/swarm';
import { allTasks, getNode, nodeObject, taskObject, updateAction } from '../../src/swarm/store';
import type { TestSwarm } from './builders';
import { serviceSpec } from './service-specs';

/**
 * The leader's orchestrator, allocator and scheduler over a test store, run until none proposes
 * anything, as the leader runs them after each entry; the agents are left out (see `report`).
 */
export function settle(
  swarm: TestSwarm,
  state: OrchestratorState = EMPTY_ORCHESTRATOR,
): OrchestratorState {
  let current = state;
  for (let round = 0; round < 40; round++) {
    const pass = orchestrate(swarm.context(), current);
    current = pass.state;
    if (pass.actions.length > 0) {
      swarm.apply({ requestId: `o${round}`, actions: pass.actions });
      continue;
    }
    const allocated = allocateTasks(swarm.context());
    if (allocated.length > 0) {
      swarm.apply({ requestId: `a${round}`, actions: allocated });
      continue;
    }
    const scheduled = scheduleTasks(swarm.context());
    if (scheduled.length === 0) return current;
    swarm.apply({ requestId: `s${round}`, actions: scheduled });
  }
  throw new Error('the loops did not settle');
}

/** Creates a service through the control API, as `docker service create` does. */
export function create(swarm: TestSwarm, name: string, parts: Partial<ServiceSpec> = {}): string {
  const created = createService(swarm.context(), serviceSpec(name, parts));
  if (!created.ok) throw new Error(created.error.message);
  swarm.apply(created.value.proposal);
  return created.value.serviceId;
}

/** Reports `state` for the assigned tasks `which` picks, as their agents would. */
export function report(
  swarm: TestSwarm,
  state: TaskState,
  which: (task: Task) => boolean = () => true,
): void {
  const actions = allTasks(swarm.store)
    .filter(({ task }) => task.Status.State === 'assigned' || task.Status.State === 'running')
    .filter(({ task }) => which(task))
    .map((record) =>
      updateAction(
        taskObject({
          ...record,
          task: { ...record.task, Status: { ...record.task.Status, State: state } },
        }),
      ),
    );
  if (actions.length > 0) swarm.apply({ requestId: `agents-${state}`, actions });
}

/** The hostname each node ID stands for in a test swarm. */
export function hostnames(swarm: TestSwarm): Map<string, string> {
  return new Map([...swarm.ids].map(([hostname, id]) => [id, hostname]));
}

/** Rewrites one node's record, as a `docker node update` or a heartbeat failure would. */
export function changeNode(swarm: TestSwarm, hostname: string, change: (node: Node) => Node): void {
  const record = getNode(swarm.store, swarm.ids.get(hostname) ?? '');
  if (record === undefined) throw new Error(`no node ${hostname}`);
  swarm.apply({
    requestId: `node-${hostname}`,
    actions: [updateAction(nodeObject({ ...record, node: change(record.node) }))],
  });
}
