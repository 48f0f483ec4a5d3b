import type { NodeAvailability, NodeRole } from '../../api/swarm';
import { assert } from '../../lib/assert';
import { rpcError } from '../errors';
import { checkJoinToken, newObjectId, newRaftId } from '../identity';
import { fail, ok, type Outcome } from '../result';
import {
  createAction,
  getCluster,
  getNode,
  memberByNodeId,
  memberObject,
  nodeObject,
  type MemberRecord,
  type NodeRecord,
  type StoreProposal,
  updateAction,
} from '../store';
import { proposal, timestamp, type ControlContext } from './context';

/**
 * `docker swarm join`: the joining node asks the leader's CA for a certificate with the token
 * (swarmkit `ca/server.go` `IssueNodeCertificate`). The token decides the role. The node object
 * is created with an empty description and state `unknown`; its agent fills both in when it
 * registers with the dispatcher (`dispatcher.register`).
 */
export interface JoinInput {
  readonly token: string;
  /** `--availability`; '' means active. */
  readonly availability: NodeAvailability | '';
}

export interface JoinResult {
  readonly proposal: StoreProposal;
  readonly nodeId: string;
  readonly role: NodeRole;
}

function unusedNodeId(context: ControlContext): string {
  for (;;) {
    const id = newObjectId(context.prng);
    if (getNode(context.store, id) === undefined) return id;
  }
}

export function joinNode(context: ControlContext, input: JoinInput): Outcome<JoinResult> {
  const cluster = getCluster(context.store);
  if (cluster === undefined) return fail(rpcError('Internal', 'could not fetch cluster object'));
  const role = checkJoinToken(input.token, {
    rootDigestHex: cluster.rootDigestHex,
    worker: cluster.swarm.JoinTokens.Worker,
    manager: cluster.swarm.JoinTokens.Manager,
  });
  if (!role.ok) return role;
  const now = timestamp(context);
  const record: NodeRecord = {
    node: {
      ID: unusedNodeId(context),
      Version: { Index: 0 },
      CreatedAt: now,
      UpdatedAt: now,
      Spec: {
        Labels: {},
        Role: role.value,
        Availability: input.availability === '' ? 'active' : input.availability,
      },
      Description: {},
      Status: { State: 'unknown' },
    },
    role: role.value,
  };
  return ok({
    proposal: proposal(context, [createAction(nodeObject(record))]),
    nodeId: record.node.ID,
    role: role.value,
  });
}

export interface RaftJoinResult {
  /** Null when the node is a member already (a restarted manager keeps its Raft ID). */
  readonly proposal: StoreProposal | null;
  /** The host then proposes ConfChange add-voter for this ID and waits for it to apply. */
  readonly raftId: number;
}

/**
 * A manager joins Raft (swarmkit raft.go `Join`, called by a new manager or a promoted one once
 * it holds a manager certificate). The leader names the new member in the store; the host
 * follows with one ConfChange (the leader health-checks the address first, which is the host's).
 */
export function joinRaft(
  context: ControlContext,
  input: { readonly nodeId: string; readonly addr: string },
): RaftJoinResult {
  // The gRPC authorizer admits only manager certificates; a call from anything else is a host bug.
  assert(getNode(context.store, input.nodeId)?.role === 'manager', 'raft join from a non-manager');
  const existing = memberByNodeId(context.store, input.nodeId);
  if (existing !== undefined) {
    // A known member that comes back keeps its Raft ID; only a new address is written.
    if (existing.addr === input.addr) return { proposal: null, raftId: existing.raftId };
    const moved: MemberRecord = { ...existing, addr: input.addr };
    return {
      proposal: proposal(context, [updateAction(memberObject(moved))]),
      raftId: existing.raftId,
    };
  }
  const taken = new Set([
    ...Object.values(context.store.members).map((member) => member.raftId),
    ...context.store.removedRaftIds,
  ]);
  const member: MemberRecord = {
    raftId: newRaftId(context.prng, taken),
    nodeId: input.nodeId,
    addr: input.addr,
  };
  return {
    proposal: proposal(context, [createAction(memberObject(member))]),
    raftId: member.raftId,
  };
}
