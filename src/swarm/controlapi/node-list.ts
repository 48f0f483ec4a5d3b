import type { Node } from '../../api/swarm';
import { nodeWithManagerStatus, type RaftMemberStatus } from '../raftmembers';
import { allNodes, type StoreState } from '../store';

/**
 * `GET /nodes` as the leader answers it (swarmkit `controlapi/node.go` `ListNodes`): every stored
 * node, with `ManagerStatus` filled in from the leader's Raft member list. Filters and the CLI's
 * hostname sort are the daemon's and the CLI's business.
 */
export function listNodes(store: StoreState, members: readonly RaftMemberStatus[]): Node[] {
  return allNodes(store).map((record) => nodeWithManagerStatus(record, members));
}
