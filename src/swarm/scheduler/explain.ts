import { taskStateRank } from '../../api/task';
import type { PendingTaskView } from '../../machine-api';
import { TaskBatch } from '../orchestrator/task-batch';
import { allTasks, type StoreState } from '../store';
import { Pipeline } from './pipeline';
import { hostPortsOf, nodeInfos } from './scheduler';

/** How many pending tasks the graph is told about: enough to explain, bounded for the frame. */
export const PENDING_SHOWN_MAX = 24;

/**
 * The tasks the scheduler cannot place, each with the reason `docker service ps` shows and, for
 * each node, the first filter that node fails (null where it passes them all: the task is
 * about to be placed there). The graph's "why not here". Computed from the store as the
 * scheduler would see it, with the filters in the pipeline's order; a global task, created
 * for one node, is explained on that node only.
 */
export function pendingTaskViews(store: StoreState): PendingTaskView[] {
  const pending = allTasks(store).filter(
    ({ task }) =>
      task.Status.State === 'pending' &&
      taskStateRank(task.DesiredState ?? 'new') <= taskStateRank('running'),
  );
  if (pending.length === 0) return [];
  const batch = new TaskBatch(store);
  const infos = [...nodeInfos(batch).values()];
  return pending.slice(0, PENDING_SHOWN_MAX).map(({ task, serviceName }) => {
    const pipeline = new Pipeline({ task, hostPorts: hostPortsOf(batch, task) });
    const candidates =
      task.NodeID === undefined
        ? infos
        : infos.filter((info) => info.record.node.ID === task.NodeID);
    const slot = task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : (task.NodeID ?? '');
    return {
      taskId: task.ID,
      name: `${serviceName}.${slot}`,
      error: task.Status.Err ?? '',
      nodes: candidates
        .map((info) => ({
          hostname: info.record.node.Description.Hostname ?? info.record.node.ID,
          reason: pipeline.firstFailure(info),
        }))
        .sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0)),
    };
  });
}
