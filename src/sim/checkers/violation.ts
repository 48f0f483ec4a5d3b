import type { NodeId } from '../../raft';

export type Invariant =
  | 'election-safety'
  | 'log-matching'
  | 'leader-completeness'
  | 'state-machine-safety'
  | 'leader-append-only'
  | 'liveness'
  /** While faults last: a leader cut off from a majority did not step down in time. */
  | 'availability'
  /** The schedule ran past its step budget: a runaway, as a livelocked core makes. */
  | 'budget';

/** A broken invariant, with enough context to find it in the trace. */
export interface Violation {
  readonly invariant: Invariant;
  readonly timeMs: number;
  readonly member: NodeId;
  readonly detail: string;
}

/** Where checkers report. The harness collects violations and writes them to the trace. */
export type ViolationSink = (violation: Violation) => void;
