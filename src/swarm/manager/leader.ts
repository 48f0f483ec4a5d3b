import type { DispatcherState } from '../dispatcher';
import type { TaskStatusInput } from '../dispatcher';
import type { OrchestratorState } from '../orchestrator/orchestrate';
import type { Control } from '../runtime/control';
import type { TransportActivity } from '../raftmembers';
import type { Continuations } from '../runtime/continuations';
import type { LogTransport } from '../logbroker';

/** What only the leader keeps: its dispatcher, its role manager and its orchestrators. */
export interface LeaderState {
  dispatcher: DispatcherState;
  nextReconcileMs: number;
  /** Node IDs with a role-manager step in flight, and until when. */
  readonly busy: Map<string, number>;
  /** The orchestrators' waiting replacements. */
  orchestrator: OrchestratorState;
  /**
   * The control loop whose proposal is in flight, if any. The loops all write tasks, so they
   * take turns: a pass always reads a store that shows every earlier decision, and two writes
   * of one task never race (the second would fail `update out of sequence`).
   */
  readonly inFlight: Set<ControlLoop>;
  /**
   * The applied index at which the loops last found nothing to do, with no replacement or
   * update waiting on time: until the store changes, a pass would find nothing again. -1 when
   * they have yet to look.
   */
  quietIndex: number;
  /** Agents' task reports waiting for the dispatcher's next write, each with its answer. */
  readonly statusQueue: QueuedStatus[];
  /**
   * What the dispatcher last sent each node of its assignments, by node ID, as a digest: a
   * node is sent its tasks again when they change.
   */
  readonly assignmentsSent: Map<string, string>;
}

/** An agent's report, held until the dispatcher writes it (swarmkit batches them too). */
export interface QueuedStatus {
  readonly input: TaskStatusInput;
  readonly reply: (control: Control, ok: boolean) => void;
}

/** The leader's control loops over tasks, each a swarmkit component watching the store. */
export const CONTROL_LOOPS = ['orchestrator', 'allocator', 'scheduler', 'dispatcher'] as const;
export type ControlLoop = (typeof CONTROL_LOOPS)[number];

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
  /** How the log broker reaches the nodes' agents (this one's directly). */
  readonly logs: LogTransport;
}
