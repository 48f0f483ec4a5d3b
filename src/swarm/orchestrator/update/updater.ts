import type { Service, UpdateConfig, UpdateStatus } from '../../../api/service';
import { isTerminalState, taskStateRank } from '../../../api/task';
import { timestamp, type ControlContext } from '../../controlapi/context';
import { isTaskDirty, type ServiceRecord, type TaskRecord } from '../../store';
import { newTask } from '../new-task';
import { OLD_TASK_TIMEOUT_MS, withDesired, type DelayedStart } from '../restart/supervisor';
import type { TaskBatch } from '../task-batch';

/** swarmkit api/defaults/service.go: the update and rollback configs share these. */
const DEFAULT_UPDATE: UpdateConfig = {
  Parallelism: 1,
  FailureAction: 'pause',
  Monitor: 5_000_000_000,
  MaxFailureRatio: 0,
  Order: 'stop-first',
};

/** One slot being replaced: its old tasks, and the new task that takes over. */
interface ActiveSlot {
  readonly key: string;
  readonly oldTaskIds: readonly string[];
  readonly newTaskId: string;
}

/**
 * A rolling update under way for one service (swarmkit orchestrator/update/updater.go), on the
 * leader only: the dirty slots left, the slots being replaced, the new tasks still watched for
 * `monitor` after they started, the failures so far. Plain data, exported with the leader.
 */
export interface UpdateRun {
  readonly serviceId: string;
  /** The task template being rolled out: a new spec starts a new run. */
  readonly template: string;
  readonly rollback: boolean;
  readonly queue: readonly string[];
  readonly active: readonly ActiveSlot[];
  readonly monitored: readonly { readonly taskId: string; readonly untilMs: number }[];
  readonly failures: number;
  readonly dirtySlots: number;
  /** When the next slot may start (`--update-delay` after the last one started running). */
  readonly nextStartMs: number;
  /** When the run may say it completed, once every slot is done. */
  readonly finishAtMs: number | null;
}

/** What one step needs of a service's update: the service, its slots, its config in ms. */
interface Step {
  readonly batch: TaskBatch;
  readonly context: ControlContext;
  readonly service: Service;
  readonly slots: Map<string, TaskRecord[]>;
  readonly config: UpdateConfig;
  readonly monitorMs: number;
  readonly delayMs: number;
  readonly rollback: boolean;
}

/**
 * The updater's step for one service: starts a run when tasks no longer match the spec (unless
 * an update of this spec paused), replaces `parallelism` slots at a time in the configured
 * order, waits `delay` between them, counts a new task that stops within `monitor` as a
 * failure and applies the failure action past `max-failure-ratio`, and writes UpdateStatus:
 * updating, then completed, paused or rolled back. Returns the run, or null when none is left.
 */
export function updateService(
  batch: TaskBatch,
  context: ControlContext,
  service: Service,
  run: UpdateRun | null,
  delays: DelayedStart[],
): UpdateRun | null {
  const step = stepOf(batch, context, service);
  const { config } = step;
  const template = JSON.stringify(service.Spec.TaskTemplate);
  const current = run !== null && run.template === template ? run : startRun(step, template);
  if (current === null) return null;
  const watched = watch(step, current);
  if (watched.failedTask !== null && failedTooOften(step, current, watched.failures)) {
    if (failureAction(step, watched.failedTask)) return null;
  }
  const queue = [...current.queue];
  const active = [...watched.active];
  const parallelism = config.Parallelism === 0 ? Infinity : config.Parallelism;
  while (active.length < parallelism && queue.length > 0 && context.nowMs >= watched.nextStartMs) {
    const key = queue.shift() ?? '';
    active.push(replaceSlot(step, key, step.slots.get(key) ?? [], delays));
  }
  const finishAtMs =
    queue.length === 0 && active.length === 0 ? finish(step, current, watched.monitored) : null;
  if (finishAtMs === 'done') return null;
  return {
    ...current,
    queue,
    active,
    monitored: watched.monitored,
    failures: watched.failures,
    nextStartMs: watched.nextStartMs,
    finishAtMs,
  };
}

/** The step's inputs: a rollback runs with the rollback config. */
function stepOf(batch: TaskBatch, context: ControlContext, service: Service): Step {
  const rollback = service.UpdateStatus?.State === 'rollback_started';
  const config =
    (rollback ? service.Spec.RollbackConfig : service.Spec.UpdateConfig) ?? DEFAULT_UPDATE;
  return {
    batch,
    context,
    service,
    slots: liveSlots(batch, service),
    config,
    monitorMs: (config.Monitor ?? 5_000_000_000) / 1_000_000,
    delayMs: (config.Delay ?? 0) / 1_000_000,
    rollback,
  };
}

/**
 * Every slot is done: the run says it completed once `monitor` has passed with no failure (or
 * a second past the delay, when that is longer), and until then returns when it may.
 */
function finish(
  step: Step,
  run: UpdateRun,
  monitored: readonly UpdateRun['monitored'][number][],
): number | 'done' {
  const settleMs = step.delayMs >= step.monitorMs ? step.delayMs + 1_000 : step.monitorMs;
  const finishAtMs = run.finishAtMs ?? step.context.nowMs + settleMs;
  if (step.context.nowMs < finishAtMs || monitored.length > 0) return finishAtMs;
  writeStatus(
    step,
    step.rollback
      ? { State: 'rollback_completed', Message: 'rollback completed' }
      : { State: 'completed', Message: 'update completed' },
    false,
  );
  return 'done';
}

/** A new run over the dirty slots, or null: nothing is dirty, or this spec's update paused. */
function startRun(step: Step, template: string): UpdateRun | null {
  const state = step.service.UpdateStatus?.State;
  if (state === 'paused' || state === 'rollback_paused') return null;
  const dirty = [...step.slots].filter(([, tasks]) =>
    tasks.every((record) => isTaskDirty(step.service, record.task)),
  );
  if (dirty.length === 0) return null;
  // A manual rollback wrote its own status (`rollback_started`); an update starts its own.
  if (!step.rollback) writeStatus(step, { State: 'updating', Message: 'update in progress' }, true);
  return {
    serviceId: step.service.ID,
    template,
    rollback: step.rollback,
    queue: dirty.map(([key]) => key),
    active: [],
    monitored: [],
    failures: 0,
    dirtySlots: dirty.length,
    nextStartMs: step.context.nowMs,
    finishAtMs: null,
  };
}

/**
 * The slots being replaced and the new tasks under watch: a slot is done once its new task
 * runs (start-first then stops the old task) and its task is watched for `monitor`; a new task
 * that stops before it ran, or while watched, is a failure.
 */
function watch(
  step: Step,
  run: UpdateRun,
): {
  active: ActiveSlot[];
  monitored: UpdateRun['monitored'][number][];
  failures: number;
  failedTask: string | null;
  nextStartMs: number;
} {
  const { batch, context } = step;
  const tasks = new Map(batch.tasksOfService(step.service.ID).map((r) => [r.task.ID, r]));
  let failures = run.failures;
  let failedTask: string | null = null;
  let nextStartMs = run.nextStartMs;
  const stopped = (id: string): boolean => {
    const record = tasks.get(id);
    return record === undefined || isTerminalState(record.task.Status.State ?? 'new');
  };
  const monitored = run.monitored.filter((watched) => {
    if (!stopped(watched.taskId)) return watched.untilMs > context.nowMs;
    failures++;
    failedTask = watched.taskId;
    return false;
  });
  const active: ActiveSlot[] = [];
  for (const slot of run.active) {
    if (stopped(slot.newTaskId)) {
      failures++;
      failedTask = slot.newTaskId;
    } else if (tasks.get(slot.newTaskId)?.task.Status.State !== 'running') {
      active.push(slot);
    } else {
      for (const id of slot.oldTaskIds) {
        const old = tasks.get(id);
        if (old !== undefined) batch.update(old, (task) => withDesired(task, 'shutdown'));
      }
      monitored.push({ taskId: slot.newTaskId, untilMs: context.nowMs + step.monitorMs });
      nextStartMs = context.nowMs + step.delayMs;
    }
  }
  return { active, monitored, failures, failedTask, nextStartMs };
}

function failedTooOften(step: Step, run: UpdateRun, failures: number): boolean {
  return failures / run.dirtySlots > step.config.MaxFailureRatio;
}

/** Applies the failure action; true when it ended the run (a pause, a rollback). */
function failureAction(step: Step, failedTask: string): boolean {
  const action = step.config.FailureAction ?? 'pause';
  if (action === 'pause') {
    const what = step.rollback ? 'rollback' : 'update';
    writeStatus(
      step,
      {
        State: step.rollback ? 'rollback_paused' : 'paused',
        Message: `${what} paused due to failure or early termination of task ${failedTask}`,
      },
      false,
    );
    return true;
  }
  if (action === 'rollback' && !step.rollback) {
    rollBack(step, failedTask);
    return true;
  }
  return false;
}

/** The service's slots (by slot number, or node ID for a global service) with live tasks. */
function liveSlots(batch: TaskBatch, service: Service): Map<string, TaskRecord[]> {
  const slots = new Map<string, TaskRecord[]>();
  for (const record of batch.tasksOfService(service.ID)) {
    const { task } = record;
    if (taskStateRank(task.DesiredState ?? 'new') > taskStateRank('running')) continue;
    const key = task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : (task.NodeID ?? '');
    slots.set(key, [...(slots.get(key) ?? []), record]);
  }
  return new Map([...slots].sort(([a], [b]) => slotOrder(a, b)));
}

/** Slot numbers in numeric order (2 before 10), node IDs (global tasks) as text. */
function slotOrder(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `updater.updateTask`: stop-first shuts the old task down and starts the new one once it has
 * stopped; start-first starts the new one at once and stops the old once it runs.
 */
function replaceSlot(
  step: Step,
  key: string,
  old: readonly TaskRecord[],
  delays: DelayedStart[],
): ActiveSlot {
  const { batch, context, service, config } = step;
  const first = old[0]?.task;
  const placement =
    first?.Slot !== undefined && first.Slot > 0
      ? { slot: first.Slot }
      : { nodeId: first?.NodeID ?? key };
  const replacement = newTask(context, service, placement);
  const startFirst = config.Order === 'start-first';
  if (startFirst) {
    batch.create(replacement);
  } else {
    for (const record of old) batch.update(record, (task) => withDesired(task, 'shutdown'));
    batch.create({ ...replacement, task: { ...replacement.task, DesiredState: 'ready' } });
    delays.push({
      taskId: replacement.task.ID,
      oldTaskId: first?.ID ?? null,
      startAtMs: context.nowMs,
      waitStop: first !== undefined && !isTerminalState(first.Status.State ?? 'new'),
      giveUpAtMs: context.nowMs + OLD_TASK_TIMEOUT_MS,
    });
  }
  return { key, oldTaskIds: old.map((record) => record.task.ID), newTaskId: replacement.task.ID };
}

/**
 * The `rollback` failure action: the spec goes back to the previous one, which is then cleared,
 * and a rollback starts (`updater.rollbackUpdate`).
 */
function rollBack(step: Step, taskId: string): void {
  const { batch, context, service } = step;
  const record = batch.service(service.ID);
  if (record === undefined || service.PreviousSpec === undefined) return;
  const { PreviousSpec: previous, ...rest } = record.service;
  if (previous === undefined) return;
  const next: Service = {
    ...rest,
    Spec: previous,
    UpdatedAt: timestamp(context),
    UpdateStatus: {
      State: 'rollback_started',
      StartedAt: timestamp(context),
      Message: `update rolled back due to failure or early termination of task ${taskId}`,
    },
  };
  batch.updateService({ ...record, service: next });
}

function writeStatus(
  step: Step,
  status: Pick<UpdateStatus, 'State' | 'Message'>,
  starting: boolean,
): void {
  const { batch, context, service } = step;
  const record: ServiceRecord | undefined = batch.service(service.ID);
  if (record === undefined) return;
  const now = timestamp(context);
  const previous = record.service.UpdateStatus;
  const startedAt = starting ? now : (previous?.StartedAt ?? now);
  const done = status.State === 'completed' || status.State === 'rollback_completed';
  const UpdateStatus: UpdateStatus = {
    ...(status.State === undefined ? {} : { State: status.State }),
    StartedAt: startedAt,
    ...(done ? { CompletedAt: now } : {}),
    ...(status.Message === undefined ? {} : { Message: status.Message }),
  };
  batch.updateService({ ...record, service: { ...record.service, UpdateStatus } });
}
