import type { Service } from '../../../../api/service';
import { taskStateRank } from '../../../../api/task';
import type { ControlContext } from '../../../controlapi/context';
import type { TaskRecord } from '../../../store';
import { newTask } from '../../new-task';
import { restartUnlessWaiting, withDesired, type DelayedStart } from '../../restart/supervisor';
import type { TaskBatch } from '../../task-batch';
import { iterationOf, jobIteration } from '../iteration';

/**
 * swarmkit orchestrator/jobs/replicated/reconciler.go `ReconcileService`: the current
 * iteration's tasks count as completed or running (a failed one still counts as running, and is
 * handed to the restart supervisor); new tasks fill the free slots 0…completions−1, never more
 * than `MaxConcurrent` running at once nor more than the completions left; tasks of an earlier
 * iteration that still run get desired REMOVE.
 */
export function reconcileReplicatedJob(
  batch: TaskBatch,
  context: ControlContext,
  service: Service,
  delays: DelayedStart[],
): void {
  const job = service.Spec.Mode.ReplicatedJob;
  if (job === undefined) return;
  const { running, complete, slots, restart, remove } = countTasks(batch, service);
  const total = job.TotalCompletions ?? 0;
  const count = newTaskCount(job.MaxConcurrent ?? 0, total, running, complete);
  if (count === null) return;
  for (let made = 0; made < count; made++) {
    let slot = 0;
    for (let candidate = 0; candidate < total; candidate++) {
      if (!slots.has(candidate)) {
        slot = candidate;
        break;
      }
    }
    slots.add(slot);
    batch.create(newTask(context, service, { slot }));
  }
  for (const record of restart) restartUnlessWaiting(batch, context, service, record, delays);
  for (const record of remove) batch.update(record, (task) => withDesired(task, 'remove'));
}

interface Counts {
  readonly running: number;
  readonly complete: number;
  /** The slots taken by a task of the iteration that completed or still may. */
  readonly slots: Set<number>;
  readonly restart: TaskRecord[];
  readonly remove: TaskRecord[];
}

function countTasks(batch: TaskBatch, service: Service): Counts {
  const iteration = jobIteration(service);
  let running = 0;
  let complete = 0;
  const slots = new Set<number>();
  const restart: TaskRecord[] = [];
  const remove: TaskRecord[] = [];
  for (const record of batch.tasksOfService(service.ID)) {
    const { task } = record;
    const state = task.Status.State ?? 'new';
    const desired = task.DesiredState ?? 'new';
    const which = iterationOf(task, iteration);
    if (which === 'current' && state === 'complete') {
      complete++;
      slots.add(task.Slot ?? 0);
    } else if (which === 'current' && taskStateRank(desired) <= taskStateRank('complete')) {
      // The supervisor's replacements wait at desired READY: they count as running too.
      running++;
      slots.add(task.Slot ?? 0);
      if (taskStateRank(state) > taskStateRank('complete')) restart.push(record);
    } else if (
      which === 'earlier' &&
      taskStateRank(state) <= taskStateRank('running') &&
      desired !== 'remove'
    ) {
      remove.push(record);
    }
  }
  return { running, complete, slots, restart, remove };
}

/**
 * How many tasks to create: the concurrency left, but no more than the completions left. swarmkit
 * subtracts unsigned numbers, so a negative difference wraps round to a huge one and the other
 * bounds the count; it refuses the whole pass (null) when the count would exceed the completions.
 */
function newTaskCount(
  maxConcurrent: number,
  total: number,
  running: number,
  complete: number,
): number | null {
  const possible = maxConcurrent - running;
  const allowed = total - complete - running;
  const count =
    possible < 0
      ? allowed < 0
        ? Infinity
        : allowed
      : allowed < 0
        ? possible
        : Math.min(possible, allowed);
  return count > total ? null : count;
}
