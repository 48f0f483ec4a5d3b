import { taskStateRank, type Task } from '../../api/task';
import type { NodeRecord } from '../store';

/**
 * A node as the scheduler weighs it (swarmkit scheduler/nodeinfo.go): the node, and the tasks
 * active on it, counting the ones this pass has just placed there.
 */
export interface NodeInfo {
  readonly record: NodeRecord;
  readonly tasks: Task[];
  /** The host-mode ports its active tasks hold (`tcp/8080`). */
  readonly hostPorts: Set<string>;
}

/** "Active": desired state up to COMPLETE (swarmkit counts what is meant to run or finish). */
export function isActive(task: Task): boolean {
  return taskStateRank(task.DesiredState ?? 'new') <= taskStateRank('complete');
}

export function tasksOfServiceOn(node: NodeInfo, serviceId: string): number {
  return node.tasks.filter((task) => task.ServiceID === serviceId).length;
}

/** "1 node" or "3 nodes", as every filter's explanation counts them. */
export function nodes(count: number): string {
  return count === 1 ? '1 node' : `${count} nodes`;
}
