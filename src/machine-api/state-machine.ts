import type { Entry } from '../raft';
import type { DaemonData, DaemonLogicFactory } from './daemon';

/**
 * The replicated state machine a manager applies committed entries to. It is pluggable: the swarm
 * store (src/swarm/node/state-machine.ts), with the swarm daemon beside it, or the small
 * key-value store of the Raft sweeps (src/sim/machine/kv.ts), which runs no daemon. Payloads and
 * states are plain data, because they cross the worker boundary and go into saves.
 */
export interface ReplicatedStateMachine<P, S, D extends DaemonData> {
  /** The state of an empty cluster. */
  readonly initial: S;
  /** The state after applying `entry` (which may be empty or a conf change). Pure. */
  apply(state: S, entry: Entry<P>): S;
  /** A short, stable text of a payload, for the trace (`proposal`, `entry-applied`). */
  describe(payload: P): string;
  /** Checks a value that arrived from outside (a worker, a save) before it is used. */
  readonly isPayload: (value: unknown) => value is P;
  /** The daemon that runs beside Raft (the swarm daemon); absent for bare Raft runs. */
  readonly daemon?: DaemonLogicFactory<P, S, D>;
}
