import type { Service } from '../../api/service';
import type { Task } from '../../api/task';
import { timestamp, type ControlContext } from '../controlapi/context';
import { newObjectId } from '../identity';
import type { TaskRecord } from '../store';

/**
 * A new task of a service (swarmkit orchestrator/task.go `NewTask`): the service's task
 * template as it is now, state NEW with the message `created`, desired RUNNING (COMPLETE, and the
 * service's job iteration, for a job). A replicated task has a slot; a global one is created on
 * its node (pre-assigned) and has none.
 */
export function newTask(
  context: ControlContext,
  service: Service,
  placement: { readonly slot: number } | { readonly nodeId: string },
): TaskRecord {
  const now = timestamp(context);
  const iteration = service.JobStatus?.JobIteration;
  const task: Task = {
    ID: newObjectId(context.prng),
    Version: { Index: 0 },
    CreatedAt: now,
    UpdatedAt: now,
    Labels: {},
    Spec: service.Spec.TaskTemplate,
    ServiceID: service.ID,
    // Slot 0 (a replicated job's first) is left out, as moby's omitempty leaves it out.
    ...('slot' in placement
      ? placement.slot > 0
        ? { Slot: placement.slot }
        : {}
      : { NodeID: placement.nodeId }),
    Status: { Timestamp: now, State: 'new', Message: 'created', PortStatus: {} },
    DesiredState: iteration === undefined ? 'running' : 'complete',
    ...(iteration === undefined ? {} : { JobIteration: { ...iteration } }),
    Volumes: null,
  };
  return { task, serviceName: service.Spec.Name };
}
