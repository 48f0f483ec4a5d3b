import type { Service } from '../../../../api/service';
import { taskStateRank, type TaskState } from '../../../../api/task';
import { nodeMatches, parseConstraints } from '../../../constraint';
import type { ControlContext } from '../../../controlapi/context';
import { allNodes, type TaskRecord } from '../../../store';
import { newTask } from '../../new-task';
import { isInvalidNode } from '../../nodes';
import { restartUnlessWaiting, withDesired, type DelayedStart } from '../../restart/supervisor';
import type { TaskBatch } from '../../task-batch';
import { iterationOf, jobIteration } from '../iteration';

/**
 * swarmkit orchestrator/jobs/global/reconciler.go `ReconcileService`: every Ready, Active node
 * that meets the constraints and has no task of the current iteration gets one, created on it;
 * the iteration's failed tasks go to the restart supervisor; every task of an earlier iteration
 * gets desired REMOVE, completed or not (a replicated job keeps its completed ones); and a task
 * on a node that is gone, Down or drained, and meets the constraints, is shut down.
 */
export function reconcileGlobalJob(
  batch: TaskBatch,
  context: ControlContext,
  service: Service,
  delays: DelayedStart[],
): void {
  const { candidates, invalid } = nodesFor(batch, service);
  const { byNode, restart, remove } = tasksOf(batch, service);
  for (const nodeId of candidates) {
    if (!byNode.has(nodeId)) batch.create(newTask(context, service, { nodeId }));
  }
  for (const record of restart) restartUnlessWaiting(batch, context, service, record, delays);
  for (const record of remove) batch.update(record, (task) => withDesired(task, 'remove'));
  for (const nodeId of invalid) {
    const record = byNode.get(nodeId);
    if (record !== undefined) shutDownUnlessDone(batch, record);
  }
}

/** The nodes that get a task, and those whose task must stop, among those that match. */
function nodesFor(
  batch: TaskBatch,
  service: Service,
): { readonly candidates: string[]; readonly invalid: string[] } {
  const parsed = parseConstraints(service.Spec.TaskTemplate.Placement?.Constraints ?? []);
  const constraints = parsed.ok ? parsed.constraints : [];
  const candidates: string[] = [];
  const invalid: string[] = [];
  for (const record of allNodes(batch.store)) {
    if (!nodeMatches(constraints, record)) continue;
    if (isInvalidNode(record)) invalid.push(record.node.ID);
    else if (record.node.Spec.Availability === 'active' && record.node.Status.State === 'ready') {
      candidates.push(record.node.ID);
    }
  }
  return { candidates, invalid };
}

/** The current iteration's tasks by node, the failed ones among them, and earlier ones. */
function tasksOf(
  batch: TaskBatch,
  service: Service,
): {
  readonly byNode: Map<string, TaskRecord>;
  readonly restart: TaskRecord[];
  readonly remove: TaskRecord[];
} {
  const iteration = jobIteration(service);
  const byNode = new Map<string, TaskRecord>();
  const restart: TaskRecord[] = [];
  const remove: TaskRecord[] = [];
  for (const record of batch.tasksOfService(service.ID)) {
    const { task } = record;
    const which = iterationOf(task, iteration);
    if (which === 'current' && rank(task.DesiredState) <= rank('complete')) {
      if (rank(task.Status.State) > rank('complete')) restart.push(record);
      byNode.set(task.NodeID ?? '', record);
    }
    if (which === 'earlier' && task.DesiredState !== 'remove') remove.push(record);
  }
  return { byNode, restart, remove };
}

/** swarmkit's test, as it reads: no longer meant to complete, or not yet stopped. */
function shutDownUnlessDone(batch: TaskBatch, record: TaskRecord): void {
  // The batch's copy: a restart may already have shut it down.
  const task = batch.tasks().find((other) => other.task.ID === record.task.ID)?.task ?? record.task;
  if (rank(task.DesiredState) > rank('complete') || rank(task.Status.State) <= rank('running')) {
    batch.update(record, (old) => withDesired(old, 'shutdown'));
  }
}

function rank(state: TaskState | undefined): number {
  return taskStateRank(state ?? 'new');
}
