import type { StoreProposal } from '../store';
import { allMembers, removeAction } from '../store';
import { proposal, type ControlContext } from './context';

/**
 * `docker swarm init --force-new-cluster` on a surviving manager (semantics §1.7; swarmkit
 * `manager/state/raft/storage.go` `loadAndStart`, raft.go `createConfigChangeEnts`). The store is
 * kept whole: cluster ID, nodes (the old managers stay listed, normally Down), tokens and the
 * unlock key. Only the Raft group changes: the host restarts this manager's Raft member with
 * itself as the only voter (dropping uncommitted entries), and once it leads it commits this
 * proposal, which removes every other member from the member table so their Raft IDs are
 * refused for good. The old managers' node objects keep role manager without a Raft membership,
 * so `docker node ls` shows them with an empty MANAGER STATUS.
 */
export interface ForceNewClusterResult {
  /** Null when this manager was the only member already. */
  readonly proposal: StoreProposal | null;
  /** The Raft IDs the host drops from the configuration. */
  readonly removedRaftIds: readonly number[];
}

export function forceNewCluster(
  context: ControlContext,
  selfRaftId: number,
): ForceNewClusterResult {
  const others = allMembers(context.store).filter((member) => member.raftId !== selfRaftId);
  const removedRaftIds = others.map((member) => member.raftId);
  if (others.length === 0) return { proposal: null, removedRaftIds };
  return {
    proposal: proposal(
      context,
      others.map((member) => removeAction('member', String(member.raftId))),
    ),
    removedRaftIds,
  };
}
