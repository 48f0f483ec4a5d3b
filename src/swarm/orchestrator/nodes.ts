import type { NodeRecord, StoreState } from '../store';
import { getNode } from '../store';

/**
 * swarmkit orchestrator/task.go `InvalidNode`: a task on a node that is gone, Down or drained
 * must be replaced. Unknown and Disconnected nodes do not count: their tasks may still run.
 */
export function isInvalidNode(record: NodeRecord | undefined): boolean {
  return (
    record === undefined ||
    record.node.Status.State === 'down' ||
    record.node.Spec.Availability === 'drain'
  );
}

export function nodeOfTask(store: StoreState, nodeId: string | undefined): NodeRecord | undefined {
  return nodeId === undefined ? undefined : getNode(store, nodeId);
}
