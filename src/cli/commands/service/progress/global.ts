import type { Service } from '../../../../api/service';
import type { Task } from '../../../../api/task';
import type { ProgressOutput } from './output';
import {
  desiredState,
  isNumbered,
  isTerminal,
  MAX_PROGRESS,
  MAX_PROGRESS_BARS,
  overallProgress,
  preferred,
  taskProgress,
  taskState,
} from './states';
import type { ProgressUpdater } from './updater';

/**
 * globalProgressUpdater: one line per node (its 12-character ID), as many nodes as have an
 * up-to-date task. docker walks the nodes in map order; here they go in node ID order.
 */
export class GlobalProgress implements ProgressUpdater {
  #initialized = false;
  #done = false;

  constructor(private readonly out: ProgressOutput) {}

  update(
    _service: Service,
    tasks: readonly Task[],
    activeNodes: ReadonlySet<string>,
    rollback: boolean,
  ): boolean {
    const byNode = tasksByNode(tasks);
    const nodeCount = byNode.size;
    if (!this.#initialized) {
      if (nodeCount === 0) {
        // No tasks yet, or no node meets the constraints: either way, wait.
        this.out.write({ id: 'overall progress', action: 'waiting for new tasks' });
        return false;
      }
      this.out.write(overallProgress(0, nodeCount, rollback));
      this.#initialized = true;
    }
    if (this.#done && [...byNode.values()].some((task) => taskState(task) !== 'running')) {
      this.#done = false;
    }
    let running = 0;
    for (const [node, task] of [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!activeNodes.has(node)) continue;
      if (!isTerminal(desiredState(task)) && taskState(task) === 'running') running++;
      this.#writeTask(task, nodeCount);
    }
    if (!this.#done) {
      this.out.write(overallProgress(running, nodeCount, rollback));
      if (running === nodeCount) this.#done = true;
    }
    return running === nodeCount;
  }

  #writeTask(task: Task, nodeCount: number): void {
    if (this.#done || nodeCount > MAX_PROGRESS_BARS) return;
    const progress = taskProgress((task.NodeID ?? '').slice(0, 12), task, MAX_PROGRESS);
    if (progress !== null) this.out.write(progress);
  }
}

function tasksByNode(tasks: readonly Task[]): Map<string, Task> {
  const byNode = new Map<string, Task>();
  for (const task of tasks) {
    if (!isNumbered(task)) continue;
    const node = task.NodeID ?? '';
    if (preferred(byNode.get(node), task)) byNode.set(node, task);
  }
  return byNode;
}
