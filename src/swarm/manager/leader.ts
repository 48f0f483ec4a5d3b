import type { DispatcherState } from '../dispatcher';
import type { TransportActivity } from '../raftmembers';
import type { Continuations } from '../runtime/continuations';

/** What only the leader keeps: its dispatcher and its role manager. */
export interface LeaderState {
  dispatcher: DispatcherState;
  nextReconcileMs: number;
  /** Node IDs with a role-manager step in flight, and until when. */
  readonly busy: Map<string, number>;
}

/**
 * What the leader's duties work with, and nothing more of the daemon (swarmkit `manager`):
 * the leader's own state, the means to propose and wait for an entry, and the Raft transport's
 * view of the peers. Both are read when a duty runs, not when it was scheduled: a proposal's
 * callback runs later, and leadership may have moved on by then.
 */
export interface ManagerContext {
  readonly proposals: Continuations;
  /** The leader's state now; null once this member no longer leads. */
  leader(): LeaderState | null;
  activity(): TransportActivity;
}
