import { isJobKind, serviceModeKind } from '../../../api/service';
import { isTerminalState, taskStateRank } from '../../../api/task';
import { getCluster, getService, type TaskRecord } from '../../store';
import type { TaskBatch } from '../task-batch';

/** swarmkit's default `TaskHistoryRetentionLimit`. */
export const DEFAULT_TASK_HISTORY_LIMIT = 5;

/**
 * The task reaper (swarmkit orchestrator/taskreaper/task_reaper.go): each slot (each node, for a
 * global service) keeps at most the cluster's history limit of tasks, the current one included;
 * the oldest stopped ones go first. With `--restart-max-attempts N` the limit is N+1. A negative
 * limit keeps everything. Tasks of removed services go once they have stopped. The history limit
 * applies to replicated and global services only: swarmkit's reaper finds no history for a job.
 */
export function reapTasks(batch: TaskBatch): void {
  const cluster = getCluster(batch.store);
  const limit =
    cluster?.swarm.Spec.Orchestration.TaskHistoryRetentionLimit ?? DEFAULT_TASK_HISTORY_LIMIT;
  const instances = new Map<string, TaskRecord[]>();
  for (const record of batch.tasks()) {
    const { task } = record;
    const service = getService(batch.store, task.ServiceID ?? '');
    if (service === undefined) {
      if (stoppedForGood(record)) batch.delete(record);
      continue;
    }
    if (isJobKind(serviceModeKind(service.service.Spec.Mode))) {
      reapJobTask(batch, record);
      continue;
    }
    const key = instanceKey(record);
    instances.set(key, [...(instances.get(key) ?? []), record]);
  }
  if (limit < 0) return;
  for (const tasks of instances.values()) {
    const maxAttempts = tasks[0]?.task.Spec.RestartPolicy?.MaxAttempts ?? 0;
    const keep = maxAttempts > 0 ? maxAttempts + 1 : limit;
    if (tasks.length <= keep) continue;
    const old = tasks
      .filter(stoppedForGood)
      .sort((a, b) =>
        a.task.CreatedAt < b.task.CreatedAt ? -1 : a.task.CreatedAt > b.task.CreatedAt ? 1 : 0,
      );
    for (const record of old.slice(0, tasks.length - keep)) batch.delete(record);
  }
}

/** A slot of a replicated service, a node of a global one. */
function instanceKey({ task }: TaskRecord): string {
  const slot = task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : (task.NodeID ?? '');
  return `${task.ServiceID ?? ''}/${slot}`;
}

/**
 * A job's tasks are its record of completions: none is cut for the history limit; those set
 * to REMOVE (an earlier iteration's) go once they stopped, or if they never started.
 */
function reapJobTask(batch: TaskBatch, record: TaskRecord): void {
  if (record.task.DesiredState === 'remove' && stoppedForGood(record)) batch.delete(record);
}

/** A task meant to stop that has stopped, or that never reached a node. */
function stoppedForGood(record: TaskRecord): boolean {
  const { task } = record;
  const desired = task.DesiredState ?? 'new';
  if (taskStateRank(desired) <= taskStateRank('running')) return false;
  const state = task.Status.State ?? 'new';
  return isTerminalState(state) || taskStateRank(state) < taskStateRank('assigned');
}
