import { isJobKind, serviceModeKind, type Service } from '../../../api/service';
import { isTerminalState, taskStateRank, type Task, type TaskState } from '../../../api/task';
import { timestamp, type ControlContext } from '../../controlapi/context';
import { getNode, type TaskRecord } from '../../store';
import { newTask } from '../new-task';
import type { TaskBatch } from '../task-batch';

/** swarmkit api/defaults/service.go and restart/restart.go, in ms. */
export const DEFAULT_RESTART_DELAY_MS = 5_000;
/** How long a replacement waits for its old task to stop (`defaultOldTaskTimeout`). */
export const OLD_TASK_TIMEOUT_MS = 60_000;

/**
 * A replacement waiting to be started (swarmkit `Supervisor.DelayStart`): its desired state
 * becomes RUNNING once the restart delay has passed and, when asked, its old task has stopped
 * (or its node went down, or a minute passed). The leader's own memory, never in the log.
 */
export interface DelayedStart {
  readonly taskId: string;
  readonly oldTaskId: string | null;
  readonly startAtMs: number;
  readonly waitStop: boolean;
  readonly giveUpAtMs: number;
}

/**
 * `Supervisor.Restart`: the old task is shut down, and unless its restart policy says no, a new
 * task takes its slot (its node, for a global service) with desired READY, to be started later.
 */
export function restartTask(
  batch: TaskBatch,
  context: ControlContext,
  service: Service,
  record: TaskRecord,
  delays: DelayedStart[],
): void {
  const old = record.task;
  batch.update(record, (task) => withDesired(task, 'shutdown'));
  if (!shouldRestart(batch, service, old, context.nowMs)) return;
  const kind = serviceModeKind(service.Spec.Mode);
  const byNode = kind === 'global' || kind === 'global-job';
  const replacement = newTask(
    context,
    service,
    byNode ? { nodeId: old.NodeID ?? '' } : { slot: old.Slot ?? 0 },
  );
  batch.create({ ...replacement, task: { ...replacement.task, DesiredState: 'ready' } });
  const node = old.NodeID === undefined ? undefined : getNode(batch.store, old.NodeID);
  const drained = node?.node.Spec.Availability === 'drain';
  const delayMs = drained ? 0 : restartDelayMs(old);
  const waitStop =
    node?.node.Status.State !== 'down' && !isTerminalState(old.Status.State ?? 'new');
  delays.push({
    taskId: replacement.task.ID,
    oldTaskId: old.ID,
    startAtMs: context.nowMs + delayMs,
    waitStop,
    giveUpAtMs: context.nowMs + OLD_TASK_TIMEOUT_MS,
  });
}

/**
 * `Restart` on a task that may itself be a replacement still waiting out its delay: then it is
 * restarted only once the delay is over (swarmkit's `Restart` finds its delayed start and
 * waits for it). True when it was restarted now.
 */
export function restartUnlessWaiting(
  batch: TaskBatch,
  context: ControlContext,
  service: Service,
  record: TaskRecord,
  delays: DelayedStart[],
): boolean {
  const waiting = delays.some(
    (delay) => delay.taskId === record.task.ID && delay.startAtMs > context.nowMs,
  );
  if (waiting) return false;
  restartTask(batch, context, service, record, delays);
  return true;
}

export function restartDelayMs(task: Task): number {
  const delayNs = task.Spec.RestartPolicy?.Delay;
  return delayNs === undefined ? DEFAULT_RESTART_DELAY_MS : Math.round(delayNs / 1_000_000);
}

/**
 * `Supervisor.shouldRestart`: condition none never restarts, on-failure not after a clean exit,
 * any not a job's completed task; with max attempts, only so many restarts of this slot (of this
 * node, for a global service) count, within the window if one is set, since the spec last
 * changed.
 */
export function shouldRestart(
  batch: TaskBatch,
  service: Service,
  task: Task,
  nowMs: number,
): boolean {
  const policy = task.Spec.RestartPolicy;
  const condition = policy?.Condition ?? 'any';
  const completed = task.Status.State === 'complete';
  const job = isJobKind(serviceModeKind(service.Spec.Mode));
  if (condition === 'none') return false;
  if (condition === 'on-failure' && completed) return false;
  if (condition === 'any' && job && completed) return false;
  const maxAttempts = policy?.MaxAttempts ?? 0;
  if (maxAttempts === 0) return true;
  const windowMs = policy?.Window === undefined ? 0 : policy.Window / 1_000_000;
  // Only a global service counts by node: swarmkit keys a global job's history by its slot,
  // which is 0 on every node, so its restarts count across the nodes together.
  const byNode = serviceModeKind(service.Spec.Mode) === 'global';
  const sameInstance = (other: Task): boolean =>
    byNode ? other.NodeID === task.NodeID : (other.Slot ?? 0) === (task.Slot ?? 0);
  const spec = JSON.stringify(service.Spec.TaskTemplate);
  // Each earlier task of this instance with today's spec was a start: the first plus restarts.
  const restarts =
    batch
      .tasksOfService(service.ID)
      .filter(
        ({ task: other }) =>
          sameInstance(other) &&
          JSON.stringify(other.Spec) === spec &&
          (windowMs === 0 || nowMs - Date.parse(other.CreatedAt) <= windowMs),
      ).length - 1;
  return restarts < maxAttempts;
}

/**
 * The delayed starts that are due: their tasks get desired RUNNING. Returns those still waiting.
 */
export function startDue(
  batch: TaskBatch,
  context: ControlContext,
  delays: readonly DelayedStart[],
): DelayedStart[] {
  const waiting: DelayedStart[] = [];
  const tasks = new Map(batch.tasks().map((record) => [record.task.ID, record]));
  for (const delay of delays) {
    const record = tasks.get(delay.taskId);
    if (record === undefined || record.task.DesiredState !== 'ready') continue;
    // One that failed meanwhile is not started: the next pass restarts it, its delay over.
    if (isTerminalState(record.task.Status.State ?? 'new')) {
      if (context.nowMs < delay.startAtMs) waiting.push(delay);
      continue;
    }
    if (
      context.nowMs < delay.startAtMs ||
      (delay.waitStop && !oldStopped(batch, tasks, delay, context.nowMs))
    ) {
      waiting.push(delay);
      continue;
    }
    // A job's task runs to completion; any other runs until it is stopped.
    const target = record.task.JobIteration === undefined ? 'running' : 'complete';
    batch.update(record, (task) => withDesired(task, target));
  }
  return waiting;
}

function oldStopped(
  batch: TaskBatch,
  tasks: ReadonlyMap<string, TaskRecord>,
  delay: DelayedStart,
  nowMs: number,
): boolean {
  if (nowMs >= delay.giveUpAtMs || delay.oldTaskId === null) return true;
  const old = tasks.get(delay.oldTaskId)?.task;
  if (old === undefined || isTerminalState(old.Status.State ?? 'new')) return true;
  const node = old.NodeID === undefined ? undefined : getNode(batch.store, old.NodeID);
  return node === undefined || node.node.Status.State === 'down';
}

/**
 * Replacements a new leader finds waiting at READY with nobody to start them (the old leader's
 * delays died with it): they start after a fresh delay, as swarmkit's orchestrator does at start.
 */
export function adoptWaiting(
  batch: TaskBatch,
  context: ControlContext,
  delays: readonly DelayedStart[],
): DelayedStart[] {
  const known = new Set(delays.map((delay) => delay.taskId));
  const adopted = [...delays];
  for (const { task } of batch.tasks()) {
    if (task.DesiredState !== 'ready' || known.has(task.ID)) continue;
    adopted.push({
      taskId: task.ID,
      oldTaskId: null,
      startAtMs: context.nowMs + restartDelayMs(task),
      waitStop: false,
      giveUpAtMs: context.nowMs + OLD_TASK_TIMEOUT_MS,
    });
  }
  return adopted;
}

/** The task with a later desired state; never an earlier one (swarmkit refuses to go back). */
export function withDesired(task: Task, desired: NonNullable<Task['DesiredState']>): Task {
  if (taskStateRank(task.DesiredState ?? 'new') >= taskStateRank(desired)) return task;
  return { ...task, DesiredState: desired };
}

/** A status change stamped now (the task's own `Status.Timestamp` and `UpdatedAt`). */
export function withStatus(
  context: ControlContext,
  task: Task,
  status: { readonly State: TaskState; readonly Message: string; readonly Err?: string },
): Task {
  const now = timestamp(context);
  const previous = task.Status;
  return {
    ...task,
    UpdatedAt: now,
    Status: {
      Timestamp: now,
      State: status.State,
      Message: status.Message,
      ...(status.Err === undefined ? {} : { Err: status.Err }),
      ...(previous.ContainerStatus === undefined
        ? {}
        : { ContainerStatus: previous.ContainerStatus }),
      PortStatus: previous.PortStatus,
    },
  };
}
