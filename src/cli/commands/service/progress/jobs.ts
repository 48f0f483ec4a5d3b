import type { Service } from '../../../../api/service';
import type { Task } from '../../../../api/task';
import type { ProgressOutput } from './output';
import {
  LONGEST_STATE,
  MAX_JOB_PROGRESS,
  MAX_PROGRESS_BARS,
  stateNumber,
  taskState,
  truncError,
} from './states';
import type { ProgressUpdater } from './updater';

/**
 * The job updaters of progress.go: `job progress: N out of M complete` (N padded to M's width),
 * for replicated jobs also `active tasks: A out of C tasks`, and a line per slot or node. Only
 * the tasks of the service's current job iteration count.
 */

function iterationOf(service: Service): number {
  return service.JobStatus?.JobIteration.Index ?? 0;
}

function ofIteration(task: Task, iteration: number): boolean {
  return task.JobIteration !== undefined && (task.JobIteration.Index ?? 0) === iteration;
}

function jobTaskProgress(out: ProgressOutput, id: string, task: Task | undefined): void {
  const error = task?.Status.Err ?? '';
  if (error !== '') {
    out.write({ id, action: truncError(error) });
    return;
  }
  const state = task === undefined ? '' : taskState(task);
  out.write({
    id,
    action: state.padEnd(LONGEST_STATE),
    current: stateNumber(state),
    total: MAX_JOB_PROGRESS,
  });
}

function jobProgress(
  completed: number,
  total: number,
): {
  id: string;
  action: string;
  current: number;
  total: number;
} {
  const width = String(total).length;
  return {
    id: 'job progress',
    action: `${String(completed).padStart(width)} out of ${total} complete`,
    current: completed,
    total,
  };
}

export class ReplicatedJobProgress implements ProgressUpdater {
  readonly #iteration: number;
  readonly #concurrent: number;
  readonly #total: number;
  #initialized = false;

  constructor(
    service: Service,
    private readonly out: ProgressOutput,
  ) {
    const job = service.Spec.Mode.ReplicatedJob;
    this.#concurrent = job?.MaxConcurrent ?? 0;
    this.#total = job?.TotalCompletions ?? 0;
    this.#iteration = iterationOf(service);
  }

  update(_service: Service, tasks: readonly Task[]): boolean {
    if (!this.#initialized) {
      this.#writeOverall(0, 0);
      if (this.#total <= MAX_PROGRESS_BARS) {
        for (let slot = 1; slot <= this.#total; slot++) {
          this.out.write({ id: `${slot}/${this.#total}`, action: ' ' });
        }
      }
      this.#initialized = true;
    }
    const bySlot = new Map<number, Task>();
    for (const task of tasks) {
      if (!ofIteration(task, this.#iteration)) continue;
      if (stateNumber(task.DesiredState) === 0 || stateNumber(taskState(task)) === 0) continue;
      const slot = task.Slot ?? 0;
      const existing = bySlot.get(slot);
      if (
        existing === undefined ||
        stateNumber(taskState(existing)) > stateNumber(taskState(task))
      ) {
        bySlot.set(slot, task);
      }
    }
    let active = 0;
    let complete = 0;
    // docker walks slots 0..count-1, so a missing slot shows as an empty state.
    const count = bySlot.size;
    for (let slot = 0; slot < count; slot++) {
      const task = bySlot.get(slot);
      if (this.#total <= MAX_PROGRESS_BARS) {
        jobTaskProgress(this.out, `${(task?.Slot ?? 0) + 1}/${this.#total}`, task);
      }
      const state = task === undefined ? '' : taskState(task);
      if (stateNumber(state) < stateNumber('complete')) active++;
      if (state === 'complete') complete++;
    }
    this.#writeOverall(active, complete);
    return complete === this.#total;
  }

  #writeOverall(active: number, completed: number): void {
    this.out.write(jobProgress(completed, this.#total));
    const desired = Math.min(this.#total - completed, this.#concurrent);
    const width = String(this.#concurrent).length;
    this.out.write({
      id: 'active tasks',
      action: `${String(active).padStart(width)} out of ${String(desired).padStart(width)} tasks`,
    });
  }
}

export class GlobalJobProgress implements ProgressUpdater {
  #initialized = false;
  #total = 0;
  #nodes = new Set<string>();

  constructor(private readonly out: ProgressOutput) {}

  update(service: Service, tasks: readonly Task[], activeNodes: ReadonlySet<string>): boolean {
    const iteration = iterationOf(service);
    if (!this.#initialized) {
      if (tasks.length === 0 && activeNodes.size !== 0) {
        this.out.write({ id: 'job progress', action: 'waiting for tasks' });
        return false;
      }
      this.#nodes = new Set(
        tasks.filter((task) => ofIteration(task, iteration)).map((task) => task.NodeID ?? ''),
      );
      this.#total = this.#nodes.size;
      this.out.write(jobProgress(0, this.#total));
      this.#initialized = true;
    }
    const byNode = new Map<string, Task>();
    for (const task of tasks) {
      const node = task.NodeID ?? '';
      if (!ofIteration(task, iteration) || !this.#nodes.has(node)) continue;
      const existing = byNode.get(node);
      if (
        existing === undefined ||
        stateNumber(taskState(existing)) > stateNumber(taskState(task))
      ) {
        byNode.set(node, task);
      }
    }
    let complete = 0;
    for (const [node, task] of [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.#total <= MAX_PROGRESS_BARS) jobTaskProgress(this.out, node, task);
      if (taskState(task) === 'complete') complete++;
    }
    this.out.write(jobProgress(complete, this.#total));
    return complete === this.#total;
  }
}
