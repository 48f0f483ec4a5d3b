import type { Service } from '../../../api/service';
import { isTerminalState, taskStateRank, type TaskState } from '../../../api/task';
import type { ControlContext } from '../../controlapi/context';
import type { TaskRecord } from '../../store';
import { newTask } from '../new-task';
import { shouldRestart, withDesired } from '../restart/supervisor';
import type { TaskBatch } from '../task-batch';

/** The tasks of one slot (swarmkit `orchestrator.Slot`). */
type Slot = readonly TaskRecord[];

/**
 * The replicated orchestrator's reconcile of one service (swarmkit
 * orchestrator/replicated/services.go): it counts the slots that still have a task meant to run,
 * fills the lowest free slot numbers when there are too few, and sets desired REMOVE on the
 * slots that go first when there are too many: unplaced ones and slots in the middle of an
 * update first, then the extra copies on the most loaded nodes, running tasks last.
 */
export function reconcileReplicated(
  batch: TaskBatch,
  context: ControlContext,
  service: Service,
  replicas: number,
): void {
  const { updatable, dead } = slotsOf(batch, service, context.nowMs);
  if (updatable.size < replicas) {
    let slot = 0;
    for (let added = updatable.size; added < replicas; added++) {
      do slot++;
      while (updatable.has(slot));
      batch.create(newTask(context, service, { slot }));
    }
  } else if (updatable.size > replicas) {
    for (const slot of scaleDownOrder([...updatable.values()]).slice(replicas)) {
      for (const record of slot) batch.update(record, (task) => withDesired(task, 'remove'));
    }
  }
  // Slots left with nothing meant to run (scaled away, or a restart policy that gave up) are
  // deleted once none of their tasks still runs: `service ps` then stops listing them.
  for (const [slot, tasks] of dead) {
    if (updatable.has(slot)) continue;
    if (tasks.every((record) => stopped(record.task.Status.State ?? 'new'))) {
      const removed = tasks.every((record) => record.task.DesiredState === 'remove');
      if (removed) for (const record of tasks) batch.delete(record);
    }
  }
}

function stopped(state: TaskState): boolean {
  return isTerminalState(state) || taskStateRank(state) < taskStateRank('assigned');
}

/**
 * `updatableAndDeadSlots`: a slot is updatable while one of its tasks has a desired state up
 * to RUNNING, or when its newest task stopped and its restart policy will not replace it (the
 * dead task still counts as the slot's replica: `--restart-condition none` runs short).
 */
function slotsOf(
  batch: TaskBatch,
  service: Service,
  nowMs: number,
): { updatable: Map<number, Slot>; dead: Map<number, Slot> } {
  const bySlot = new Map<number, TaskRecord[]>();
  for (const record of batch.tasksOfService(service.ID)) {
    const slot = record.task.Slot ?? 0;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), record]);
  }
  const updatable = new Map<number, Slot>();
  const dead = new Map<number, Slot>();
  for (const [slot, tasks] of bySlot) {
    const live = tasks.filter(
      (record) => taskStateRank(record.task.DesiredState ?? 'new') <= taskStateRank('running'),
    );
    if (live.length > 0) {
      updatable.set(slot, live);
      continue;
    }
    const newest = [...tasks].sort((a, b) =>
      (a.task.Status.Timestamp ?? '') < (b.task.Status.Timestamp ?? '') ? 1 : -1,
    )[0];
    const removed = tasks.some((record) => record.task.DesiredState === 'remove');
    if (
      newest !== undefined &&
      !removed &&
      service.UpdateStatus?.State !== 'rollback_started' &&
      !shouldRestart(batch, service, newest.task, nowMs)
    ) {
      updatable.set(slot, [newest]);
    } else {
      dead.set(slot, tasks);
    }
  }
  return { updatable, dead };
}

/** slot.go: running slots first (then by slot number), then by each node's copy count. */
function scaleDownOrder(slots: Slot[]): Slot[] {
  const running = (slot: Slot): boolean =>
    slot.some((record) => record.task.Status.State === 'running');
  const number = (slot: Slot): number => slot[0]?.task.Slot ?? 0;
  const byState = [...slots].sort((a, b) => {
    if (running(a) !== running(b)) return running(a) ? -1 : 1;
    return number(a) - number(b);
  });
  const perNode = new Map<string, number>();
  const indexed = byState.map((slot) => {
    const only = slot.length === 1 ? slot[0] : undefined;
    const node = only?.task.NodeID;
    if (node === undefined) return { slot, index: -1 };
    const index = (perNode.get(node) ?? 0) + 1;
    perNode.set(node, index);
    return { slot, index };
  });
  // A stable sort on the index, −1 last: Go's is not stable, so ties among nodes are unspecified
  // there; here they keep the running-then-slot order, a deterministic choice.
  indexed.sort((a, b) => {
    if (a.index < 0 && b.index >= 0) return 1;
    if (b.index < 0 && a.index >= 0) return -1;
    return a.index - b.index;
  });
  return indexed.map((entry) => entry.slot);
}
