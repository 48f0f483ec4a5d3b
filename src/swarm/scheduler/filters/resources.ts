import type { Task } from '../../../api/task';
import { nodes, type NodeInfo } from '../node-info';
import type { Filter } from './filter';

/**
 * ResourceFilter: only for a task with reservations; the node's CPUs and memory, less what its
 * active tasks reserve, must hold the task's. Limits play no part in scheduling.
 */
export const resourceFilter: Filter = {
  applies: ({ task }) => reservedCpu(task) > 0 || reservedMemory(task) > 0,
  check: ({ task }, node) => {
    const resources = node.record.node.Description.Resources;
    const cpus = (resources?.NanoCPUs ?? 0) - sum(node, reservedCpu);
    const memory = (resources?.MemoryBytes ?? 0) - sum(node, reservedMemory);
    return reservedCpu(task) <= cpus && reservedMemory(task) <= memory;
  },
  reason: 'insufficient resources',
  explain: (count) => `insufficient resources on ${nodes(count)}`,
};

function reservedCpu(task: Task): number {
  return task.Spec.Resources?.Reservations?.NanoCPUs ?? 0;
}

function reservedMemory(task: Task): number {
  return task.Spec.Resources?.Reservations?.MemoryBytes ?? 0;
}

function sum(node: NodeInfo, of: (task: Task) => number): number {
  return node.tasks.reduce((total, task) => total + of(task), 0);
}
