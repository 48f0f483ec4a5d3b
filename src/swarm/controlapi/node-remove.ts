import { rpcError } from '../errors';
import { memberForNode } from '../raftmembers';
import { fail, ok, type Outcome } from '../result';
import {
  clusterObject,
  getCluster,
  getNode,
  removeAction,
  updateAction,
  type StoreProposal,
} from '../store';
import { proposal, timestamp, type LeaderContext } from './context';

/**
 * `docker node rm [--force]` (swarmkit `controlapi/node.go` `RemoveNode`). A manager that is
 * still a Raft member must be demoted first, `--force` or not; a Ready node needs `--force`.
 * The node's certificate is blacklisted in the cluster object so it cannot come back without
 * joining again. (Its unfinished tasks become ORPHANED: there are no tasks yet in this layer.)
 */
export interface RemoveNodeInput {
  readonly nodeId: string;
  readonly force: boolean;
}

export function removeNode(context: LeaderContext, input: RemoveNodeInput): Outcome<StoreProposal> {
  const { nodeId } = input;
  const node = getNode(context.store, nodeId);
  if (node === undefined) return fail(rpcError('NotFound', `node ${nodeId} not found`));
  if (node.node.Spec.Role === 'manager' && memberForNode(context.members, nodeId) !== undefined) {
    return fail(
      rpcError(
        'FailedPrecondition',
        `node ${nodeId} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
      ),
    );
  }
  if (!input.force && node.node.Status.State === 'ready') {
    return fail(rpcError('FailedPrecondition', `node ${nodeId} is not down and can't be removed`));
  }
  const cluster = getCluster(context.store);
  if (cluster === undefined) return fail(rpcError('Internal', 'could not fetch cluster object'));
  const blacklisted = cluster.blacklistedNodeIds.includes(nodeId)
    ? cluster.blacklistedNodeIds
    : [...cluster.blacklistedNodeIds, nodeId];
  const updatedCluster = {
    ...cluster,
    swarm: { ...cluster.swarm, UpdatedAt: timestamp(context) },
    blacklistedNodeIds: blacklisted,
  };
  return ok(
    proposal(context, [updateAction(clusterObject(updatedCluster)), removeAction('node', nodeId)]),
  );
}
