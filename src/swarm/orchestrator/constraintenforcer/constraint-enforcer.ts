import { taskStateRank, type Task } from '../../../api/task';
import { nodeMatches, parseConstraints } from '../../constraint';
import type { ControlContext } from '../../controlapi/context';
import { allNodes, getService, type NodeRecord } from '../../store';
import { withStatus } from '../restart/supervisor';
import type { TaskBatch } from '../task-batch';

/**
 * swarmkit orchestrator/constraintenforcer/constraint_enforcer.go: when a node changes (and,
 * on a new leader, for every node), the tasks on it that are meant to run and have not finished
 * are checked against their service's current constraints, then against the node's CPUs and
 * memory, reserved in task order; those that fail are set to REJECTED. Their desired state is
 * the orchestrator's to change: it then replaces them as their restart policy says. A paused
 * node is left alone, and a drained one is the orchestrator's to empty.
 *
 * `checkedAt` is the store index up to which node changes were seen; null checks every node.
 * Returns the index to remember.
 */
export function enforceConstraints(
  batch: TaskBatch,
  context: ControlContext,
  checkedAt: number | null,
): number {
  for (const record of allNodes(batch.store)) {
    if (checkedAt !== null && record.node.Version.Index <= checkedAt) continue;
    if (record.node.Spec.Availability !== 'active') continue;
    for (const taskRecord of noncompliant(batch, record)) {
      batch.update(taskRecord, (task) =>
        withStatus(context, task, {
          State: 'rejected',
          Message: 'task rejected by constraint enforcer',
          Err: 'assigned node no longer meets constraints',
        }),
      );
    }
  }
  return batch.store.appliedIndex;
}

function noncompliant(batch: TaskBatch, record: NodeRecord): ReturnType<TaskBatch['tasks']> {
  const resources = record.node.Description.Resources;
  let memory = resources?.MemoryBytes ?? 0;
  let cpus = resources?.NanoCPUs ?? 0;
  return batch
    .tasks()
    .filter(({ task }) => task.NodeID === record.node.ID && isChecked(task))
    .filter(({ task }) => {
      // The service's constraints, not the task's: an update of the constraints alone leaves
      // the tasks as they are, with the old ones in their spec.
      const service = getService(batch.store, task.ServiceID ?? '')?.service;
      const placement = service?.Spec.TaskTemplate.Placement ?? task.Spec.Placement;
      const parsed = parseConstraints(placement?.Constraints ?? []);
      if (parsed.ok && !nodeMatches(parsed.constraints, record)) return true;
      const reserved = task.Spec.Resources?.Reservations;
      if (reserved === undefined) return false;
      if ((reserved.MemoryBytes ?? 0) > memory || (reserved.NanoCPUs ?? 0) > cpus) return true;
      memory -= reserved.MemoryBytes ?? 0;
      cpus -= reserved.NanoCPUs ?? 0;
      return false;
    });
}

/** Meant to run (from ASSIGNED to COMPLETE) and not finished: a finished job task holds nothing. */
function isChecked(task: Task): boolean {
  const desired = taskStateRank(task.DesiredState ?? 'new');
  if (desired < taskStateRank('assigned') || desired > taskStateRank('complete')) return false;
  return taskStateRank(task.Status.State ?? 'new') < taskStateRank('complete');
}
