import type { Prng } from '../../lib/prng';
import { rfc3339Nano } from '../../lib/go-time';
import { newObjectId } from '../identity';
import type { RaftMemberStatus } from '../raftmembers';
import type { StoreAction, StoreProposal, StoreState } from '../store';

/**
 * What a leader-side operation reads (swarmkit `controlapi.Server`): the leader's store, the
 * instant of the request and the seeded Prng. Operations never write: they return the proposal
 * the leader puts into its Raft log, and the store changes when every manager applies it.
 */
export interface ControlContext {
  readonly store: StoreState;
  /** Virtual time as epoch milliseconds: stamped into CreatedAt/UpdatedAt. */
  readonly nowMs: number;
  readonly prng: Prng;
}

/** Operations that also need the Raft member list (demotion, removal, joining Raft). */
export interface LeaderContext extends ControlContext {
  /** The member list as the leader sees it (`raftmembers.memberList`). */
  readonly members: readonly RaftMemberStatus[];
  readonly selfRaftId: number;
}

/** A proposal with a fresh request ID (swarmkit `InternalRaftRequest`). */
export function proposal(context: ControlContext, actions: readonly StoreAction[]): StoreProposal {
  return { requestId: newObjectId(context.prng), actions };
}

/** The Engine API's timestamp form of the context's instant. */
export function timestamp(context: ControlContext): string {
  return rfc3339Nano(context.nowMs);
}
