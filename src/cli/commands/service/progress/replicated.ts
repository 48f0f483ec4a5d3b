import type { Service } from '../../../../api/service';
import type { Task } from '../../../../api/task';
import { CliError } from '../../../command/errors';
import type { ProgressOutput } from './output';
import {
  isNumbered,
  isTerminal,
  MAX_PROGRESS,
  MAX_PROGRESS_BARS,
  overallProgress,
  preferred,
  taskProgress,
  taskState,
  desiredState,
} from './states';
import type { ProgressUpdater } from './updater';

/**
 * replicatedProgressUpdater: an overall line and one line per slot (up to 20 replicas), slots
 * mapped to 1..N in the order they are first seen. docker walks its slots in map order; here
 * they are walked in slot order, one of the orders docker can show.
 */
export class ReplicatedProgress implements ProgressUpdater {
  readonly #slotMap = new Map<number, number>();
  #initialized = false;
  #done = false;

  constructor(private readonly out: ProgressOutput) {}

  update(
    service: Service,
    tasks: readonly Task[],
    activeNodes: ReadonlySet<string>,
    rollback: boolean,
  ): boolean {
    const replicas = service.Spec.Mode.Replicated?.Replicas;
    if (replicas === undefined) throw new CliError('no replica count');
    if (!this.#initialized) {
      this.out.write(overallProgress(0, replicas, rollback));
      if (replicas <= MAX_PROGRESS_BARS) {
        for (let slot = 1; slot <= replicas; slot++) {
          this.out.write({ id: `${slot}/${replicas}`, action: ' ' });
        }
      }
      this.#initialized = true;
    }
    const bySlot = tasksBySlot(tasks, activeNodes);
    if (this.#done && [...bySlot.values()].some((task) => taskState(task) !== 'running')) {
      this.#done = false;
    }
    let running = 0;
    for (const [slot, task] of [...bySlot].sort(([a], [b]) => a - b)) {
      let mapped = this.#slotMap.get(slot);
      if (mapped === undefined) {
        mapped = this.#slotMap.size + 1;
        this.#slotMap.set(slot, mapped);
      }
      if (!isTerminal(desiredState(task)) && taskState(task) === 'running') running++;
      this.#writeTask(task, mapped, replicas);
    }
    if (!this.#done) {
      this.out.write(overallProgress(running, replicas, rollback));
      if (running === replicas) this.#done = true;
    }
    return running === replicas;
  }

  #writeTask(task: Task, mapped: number, replicas: number): void {
    if (this.#done || replicas > MAX_PROGRESS_BARS || mapped > replicas) return;
    const progress = taskProgress(`${mapped}/${replicas}`, task, MAX_PROGRESS);
    if (progress !== null) this.out.write(progress);
  }
}

function tasksBySlot(tasks: readonly Task[], activeNodes: ReadonlySet<string>): Map<number, Task> {
  const bySlot = new Map<number, Task>();
  for (const task of tasks) {
    if (!isNumbered(task)) continue;
    const slot = task.Slot ?? 0;
    if (!preferred(bySlot.get(slot), task)) continue;
    const node = task.NodeID ?? '';
    if (node !== '' && !activeNodes.has(node)) continue;
    bySlot.set(slot, task);
  }
  return bySlot;
}
