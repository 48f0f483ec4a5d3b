import type { NodeRole } from '../../api/swarm';
import { proposal, timestamp, type LeaderContext } from '../controlapi/context';
import {
  canRemoveMember,
  longestActivePeer,
  memberForNode,
  type RaftMemberStatus,
  type TransportActivity,
} from '../raftmembers';
import {
  allNodes,
  getNode,
  nodeObject,
  removeAction,
  updateAction,
  type NodeRecord,
  type StoreProposal,
} from '../store';

/**
 * The role manager (swarmkit `manager/role_manager.go`), run on the leader only. It moves each
 * node's current role to its desired role:
 * - a promotion flips the role at once; the promoted node then joins Raft itself;
 * - a demotion first removes the node from Raft, and only once it is gone flips the role, so the
 *   node gets a worker certificate. The leader never removes itself: it hands leadership to the
 *   member that has been reachable the longest, and the new leader removes it;
 * - a Raft member whose node was deleted is removed from Raft.
 * A removal that would lose quorum waits. The host calls `reconcileRoles` after every applied
 * change to a node and, while `pending` is true, again every `ROLE_RECONCILE_INTERVAL_MS`.
 */

/** role_manager.go `roleReconcileInterval`. */
export const ROLE_RECONCILE_INTERVAL_MS = 5_000;
/** role_manager.go `removalTimeout`: how long a member removal may take before it is retried. */
export const ROLE_REMOVAL_TIMEOUT_MS = 5_000;

export type RoleManagerStep =
  /** Propose this store change (a role flip). */
  | { readonly kind: 'propose'; readonly nodeId: string; readonly proposal: StoreProposal }
  /**
   * Propose ConfChange remove-voter for `raftId`; once it applies, propose `recordRemoval`,
   * which drops the member from the member table (and so marks the ID removed for good).
   */
  | {
      readonly kind: 'remove-member';
      readonly nodeId: string;
      readonly raftId: number;
      readonly recordRemoval: StoreProposal;
    }
  /** This leader is being demoted: transfer leadership to `toRaftId` (null: nobody is reachable). */
  | {
      readonly kind: 'transfer-leadership';
      readonly nodeId: string;
      readonly toRaftId: number | null;
    };

export interface RoleManagerInput extends LeaderContext {
  /** The leader's transport activity, to pick the transfer target. */
  readonly activity: TransportActivity;
}

export interface RoleManagerResult {
  readonly steps: readonly RoleManagerStep[];
  /** Something is still to do: call again after `ROLE_RECONCILE_INTERVAL_MS`. */
  readonly pending: boolean;
}

function flipRole(input: RoleManagerInput, record: NodeRecord, role: NodeRole): RoleManagerStep {
  const updated: NodeRecord = {
    node: { ...record.node, UpdatedAt: timestamp(input) },
    role,
  };
  return {
    kind: 'propose',
    nodeId: record.node.ID,
    proposal: proposal(input, [updateAction(nodeObject(updated))]),
  };
}

/** role_manager.go `removeMember`; null while the removal would cost quorum. */
function removeMember(input: RoleManagerInput, member: RaftMemberStatus): RoleManagerStep | null {
  if (!canRemoveMember(input.members, input.selfRaftId, member.raftId)) return null;
  if (member.raftId === input.selfRaftId) {
    const others = input.members
      .map((candidate) => candidate.raftId)
      .filter((raftId) => raftId !== input.selfRaftId);
    return {
      kind: 'transfer-leadership',
      nodeId: member.nodeId,
      toRaftId: longestActivePeer(input.activity, others),
    };
  }
  return {
    kind: 'remove-member',
    nodeId: member.nodeId,
    raftId: member.raftId,
    recordRemoval: proposal(input, [removeAction('member', String(member.raftId))]),
  };
}

/** role_manager.go `reconcileRole` for one node; null when nothing can be done now. */
function reconcileNode(input: RoleManagerInput, record: NodeRecord): RoleManagerStep | null {
  const desired = record.node.Spec.Role;
  if (desired === 'manager') return flipRole(input, record, 'manager');
  const member = memberForNode(input.members, record.node.ID);
  if (member !== undefined) return removeMember(input, member);
  return flipRole(input, record, 'worker');
}

export function reconcileRoles(input: RoleManagerInput): RoleManagerResult {
  const steps: RoleManagerStep[] = [];
  let pending = false;
  for (const record of allNodes(input.store)) {
    if (record.role === record.node.Spec.Role) continue;
    const step = reconcileNode(input, record);
    if (step === null) pending = true;
    else steps.push(step);
    // A removal or a transfer completes later; the role flips on a later pass.
    if (step !== null && step.kind !== 'propose') pending = true;
  }
  // role_manager.go `evictRemovedNode`: members whose node object is gone.
  for (const member of input.members) {
    if (getNode(input.store, member.nodeId) !== undefined) continue;
    const step = removeMember(input, member);
    pending = true;
    if (step !== null) steps.push(step);
  }
  return { steps, pending };
}
