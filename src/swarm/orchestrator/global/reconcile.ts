import type { Service } from '../../../api/service';
import { taskStateRank } from '../../../api/task';
import { nodeMatches, parseConstraints } from '../../constraint';
import type { ControlContext } from '../../controlapi/context';
import { allNodes, type NodeRecord } from '../../store';
import { newTask } from '../new-task';
import { isInvalidNode } from '../nodes';
import { withDesired } from '../restart/supervisor';
import type { TaskBatch } from '../task-batch';

/**
 * The global orchestrator's reconcile of one service (swarmkit orchestrator/global/global.go):
 * every node that is not Down, drained or paused and that meets the constraints gets one task,
 * created on it; a node that no longer qualifies has its task shut down, not replaced.
 */
export function reconcileGlobal(batch: TaskBatch, context: ControlContext, service: Service): void {
  const parsed = parseConstraints(service.Spec.TaskTemplate.Placement?.Constraints ?? []);
  const constraints = parsed.ok ? parsed.constraints : [];
  const live = batch
    .tasksOfService(service.ID)
    .filter(
      (record) => taskStateRank(record.task.DesiredState ?? 'new') <= taskStateRank('running'),
    );
  for (const node of allNodes(batch.store)) {
    const eligible = isEligible(node) && nodeMatches(constraints, node);
    const onNode = live.filter((record) => record.task.NodeID === node.node.ID);
    if (!eligible) {
      for (const record of onNode) batch.update(record, (task) => withDesired(task, 'shutdown'));
      continue;
    }
    if (onNode.length === 0) batch.create(newTask(context, service, { nodeId: node.node.ID }));
  }
  // Tasks of nodes that left the swarm.
  const nodeIds = new Set(allNodes(batch.store).map((record) => record.node.ID));
  for (const record of live) {
    if (!nodeIds.has(record.task.NodeID ?? '')) {
      batch.update(record, (task) => withDesired(task, 'shutdown'));
    }
  }
}

/** A paused node keeps its tasks but gets no new one (semantics §2.2). */
function isEligible(record: NodeRecord): boolean {
  return !isInvalidNode(record) && record.node.Spec.Availability !== 'pause';
}
