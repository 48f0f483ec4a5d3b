import { isJobKind, serviceModeKind } from '../../api/service';
import { isTerminalState, taskStateRank } from '../../api/task';
import type { ControlContext } from '../controlapi/context';
import { allServices, getService, type StoreAction } from '../store';
import { enforceConstraints } from './constraintenforcer/constraint-enforcer';
import { reconcileGlobal } from './global/reconcile';
import { orchestrateJobs, type JobMark } from './jobs/orchestrator';
import { isInvalidNode, nodeOfTask } from './nodes';
import { reconcileReplicated } from './replicated/reconcile';
import {
  adoptWaiting,
  restartUnlessWaiting,
  startDue,
  withDesired,
  type DelayedStart,
} from './restart/supervisor';
import { TaskBatch } from './task-batch';
import { reapTasks } from './taskreaper/reaper';
import { updateService, type UpdateRun } from './update/updater';

/**
 * What the orchestrators keep between passes, on the leader only: the replacements waiting to
 * start, and the rolling updates under way.
 */
export interface OrchestratorState {
  readonly delays: readonly DelayedStart[];
  readonly updates: readonly UpdateRun[];
  /** The jobs reconciled so far; absent in a leader exported before jobs were simulated. */
  readonly jobs?: readonly JobMark[];
  /** The store index up to which the constraint enforcer saw node changes; absent: none yet. */
  readonly enforcedAt?: number;
}

export const EMPTY_ORCHESTRATOR: OrchestratorState = { delays: [], updates: [], jobs: [] };

/**
 * One pass of the leader's orchestrators over the store (swarmkit's replicated, global and jobs
 * orchestrators, the constraint enforcer, the restart supervisor and the task reaper, which each
 * watch the store): tasks
 * that stopped or whose node is gone are restarted as their policy says, services get the number
 * of tasks they ask for, replacements whose delay is over start, and old tasks are reaped. The
 * changes come back as the actions of one proposal.
 */
export function orchestrate(
  context: ControlContext,
  state: OrchestratorState,
): { readonly actions: StoreAction[]; readonly state: OrchestratorState } {
  const batch = new TaskBatch(context.store);
  const delays: DelayedStart[] = adoptWaiting(batch, context, state.delays);
  // The tasks of a removed service (swarmkit `SetServiceTasksRemove`).
  for (const record of batch.tasks()) {
    if (getService(context.store, record.task.ServiceID ?? '') === undefined) {
      batch.update(record, (task) => withDesired(task, 'remove'));
    }
  }
  const updates: UpdateRun[] = [];
  for (const { service } of allServices(context.store)) {
    const mode = service.Spec.Mode;
    // Jobs have an orchestrator of their own, which restarts their tasks itself.
    if (isJobKind(serviceModeKind(mode))) continue;
    const replicated = mode.Replicated !== undefined;
    for (const record of batch.tasksOfService(service.ID)) {
      const { task } = record;
      if (taskStateRank(task.DesiredState ?? 'new') > taskStateRank('running')) continue;
      const stopped = isTerminalState(task.Status.State ?? 'new');
      const lostNode =
        replicated &&
        task.NodeID !== undefined &&
        isInvalidNode(nodeOfTask(context.store, task.NodeID));
      if (stopped || lostNode) restartUnlessWaiting(batch, context, service, record, delays);
    }
    if (mode.Replicated !== undefined) {
      reconcileReplicated(batch, context, service, mode.Replicated.Replicas ?? 1);
    } else {
      reconcileGlobal(batch, context, service);
    }
    const run = state.updates.find((candidate) => candidate.serviceId === service.ID) ?? null;
    const next = updateService(batch, context, service, run, delays);
    if (next !== null) updates.push(next);
  }
  const jobs = orchestrateJobs(batch, context, state.jobs ?? [], delays);
  // After the orchestrators: a global task on a node it no longer fits is shut down by its
  // orchestrator, not rejected; a rejected replicated task is replaced in the next pass, as
  // swarmkit's orchestrators react to the enforcer's write.
  const enforcedAt = enforceConstraints(batch, context, state.enforcedAt ?? null);
  const waiting = startDue(batch, context, delays);
  reapTasks(batch);
  return { actions: batch.actions(), state: { delays: waiting, updates, jobs, enforcedAt } };
}
