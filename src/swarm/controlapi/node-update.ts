import type { NodeAvailability, NodeRole, NodeSpec, NodeSpecUpdate } from '../../api/swarm';
import { daemonError, rpcError } from '../errors';
import { canRemoveMember, memberForNode } from '../raftmembers';
import { fail, ok, type Outcome } from '../result';
import {
  ERR_SEQUENCE_CONFLICT,
  getNode,
  managerNodes,
  nodeObject,
  updateAction,
  type NodeRecord,
  type StoreProposal,
} from '../store';
import { proposal, timestamp, type LeaderContext } from './context';

/**
 * `docker node update`, `promote` and `demote` (swarmkit `controlapi/node.go` `UpdateNode`).
 * Promote and demote are updates of the desired role; the role manager does the rest
 * (rolemanager/). A demotion is refused when it would leave no manager or lose Raft's quorum.
 */
export interface UpdateNodeInput {
  /** The full node ID (the daemon resolved the user's reference). */
  readonly nodeId: string;
  /** The `Version.Index` the client read; a stale one is refused. */
  readonly version: number;
  readonly spec: NodeSpecUpdate;
}

export const ERR_DEMOTE_LAST_MANAGER = 'attempting to demote the last manager of the swarm';
export const ERR_NOT_IN_MEMBERLIST = "can't find manager in raft memberlist";
export const ERR_DEMOTE_LOSES_QUORUM =
  "can't remove member from the raft: this would result in a loss of quorum";

const ROLES: readonly NodeRole[] = ['worker', 'manager'];
const AVAILABILITIES: readonly NodeAvailability[] = ['active', 'pause', 'drain'];

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  return values.find((value) => value === text.toLowerCase());
}

/**
 * moby `convert.NodeSpecToGRPC`: role, then availability, matched case-insensitively; a bad
 * value is the daemon's own error, raised before any RPC.
 */
export function parseNodeSpec(spec: NodeSpecUpdate): Outcome<NodeSpec> {
  const role = oneOf(ROLES, spec.Role);
  if (role === undefined) {
    return fail(daemonError('invalid-argument', `invalid Role: ${JSON.stringify(spec.Role)}`));
  }
  const availability = oneOf(AVAILABILITIES, spec.Availability);
  if (availability === undefined) {
    return fail(
      daemonError('invalid-argument', `invalid Availability: ${JSON.stringify(spec.Availability)}`),
    );
  }
  const base = { Labels: spec.Labels, Role: role, Availability: availability };
  return ok(spec.Name === undefined || spec.Name === '' ? base : { Name: spec.Name, ...base });
}

/** The demotion checks, in swarmkit's order. */
function checkDemotion(context: LeaderContext, node: NodeRecord): Outcome<null> {
  const managers = managerNodes(context.store);
  if (managers.length === 1 && managers[0]?.node.ID === node.node.ID) {
    return fail(rpcError('FailedPrecondition', ERR_DEMOTE_LAST_MANAGER));
  }
  const member = memberForNode(context.members, node.node.ID);
  if (member === undefined) return fail(rpcError('NotFound', ERR_NOT_IN_MEMBERLIST));
  if (!canRemoveMember(context.members, context.selfRaftId, member.raftId)) {
    return fail(rpcError('FailedPrecondition', ERR_DEMOTE_LOSES_QUORUM));
  }
  return ok(null);
}

export function updateNode(context: LeaderContext, input: UpdateNodeInput): Outcome<StoreProposal> {
  const spec = parseNodeSpec(input.spec);
  if (!spec.ok) return spec;
  const node = getNode(context.store, input.nodeId);
  if (node === undefined) return fail(rpcError('NotFound', `node ${input.nodeId} not found`));
  if (node.node.Spec.Role === 'manager' && spec.value.Role === 'worker') {
    const demotion = checkDemotion(context, node);
    if (!demotion.ok) return demotion;
  }
  if (node.node.Version.Index !== input.version) {
    return fail(rpcError('Unknown', ERR_SEQUENCE_CONFLICT));
  }
  const updated: NodeRecord = {
    ...node,
    node: { ...node.node, UpdatedAt: timestamp(context), Spec: spec.value },
  };
  return ok(proposal(context, [updateAction(nodeObject(updated))]));
}
