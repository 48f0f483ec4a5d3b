import type { RaftOptions, Role } from '../../raft';
import type { DaemonState, DurableView, MachineRole, Placement } from '../machine';
import type { LinkOptions } from '../network';
import type { ReplicatedStateMachine, SwarmStatusView } from '../../machine-api';
import type { DaemonData } from '../../machine-api';
import type { RunObserver } from './observer';

/** One Raft tick of virtual time (swarmkit: one second, swarm-semantics §0.1). */
export const TICK_MS = 1000;

/** A machine as the page describes it; the coordinator assigns its node id. */
export interface MachineInit {
  readonly hostname: string;
  readonly address: string;
  readonly role: MachineRole;
}

/** Everything that fixes a run apart from its inputs. Plain data; it goes into every save. */
export interface CoordinatorConfig {
  readonly machines: readonly MachineInit[];
  readonly seed: number;
  /** The wall-clock instant virtual time 0 stands for (for display only; nothing reads it). */
  readonly epochMs: number;
  readonly link?: LinkOptions;
  readonly raftOptions?: Partial<RaftOptions>;
  /** Trace every RPC sent, delivered and dropped (default true: the graph animates them). */
  readonly traceRpcs?: boolean;
}

export interface CoordinatorOptions<P, S, D extends DaemonData> extends CoordinatorConfig {
  /** The replicated state machine managers apply; it gives new machines their initial state. */
  readonly stateMachine: ReplicatedStateMachine<P, S, D>;
  /** Sees every machine's writes and events as they are taken in (checkers); not saved. */
  readonly observer?: RunObserver<P, S, D>;
  /**
   * Keep the trace's running hash (default true), which frames, saves and restores need. The
   * fault sweeps read none of those, and hashing every line was a tenth of a sweep.
   */
  readonly hashTrace?: boolean;
}

/** A running manager's Raft member as the graph shows it; `lead` is a hostname. */
export interface RaftStatusView {
  readonly role: Role;
  readonly term: number;
  readonly lead: string | null;
  readonly commit: number;
  readonly lastIndex: number;
  readonly applied: number;
  /** Its configuration, by hostname. */
  readonly voters: readonly string[];
  /** The member it is handing leadership to, if any. */
  readonly transferee: string | null;
}

export type SystemdUnit = 'docker.service' | 'docker.socket';
export type SystemdAction = 'start' | 'stop' | 'restart';

/** docker.service and docker.socket of one machine (semantics §13). */
export interface UnitsStatus {
  readonly service: 'active' | 'inactive' | 'failed';
  readonly socket: 'active' | 'inactive';
  readonly serviceSinceMs: number;
  readonly socketSinceMs: number;
}

export interface MachineStatus {
  readonly hostname: string;
  readonly address: string;
  readonly nodeId: number;
  readonly daemon: DaemonState;
  readonly role: MachineRole;
  readonly raft: RaftStatusView | null;
  readonly durable: DurableView | null;
  /** Why the host failed, while the machine shows as crashed; null otherwise. */
  readonly failure: string | null;
  readonly units: UnitsStatus;
  /** Where its host runs it: a manager in a Web Worker of its own, a worker in a shared one. */
  readonly placement: Placement;
  /** The swarm as the machine's daemon sees it (absent for bare Raft runs). */
  readonly swarm?: SwarmStatusView | null;
}

/**
 * One message's trip through the fabric, reported when it is resolved (delivered or dropped) so
 * that it carries both ends: the graph draws a dot from `from` to `to` over [sentAtMs,
 * resolvedAtMs]. `sequence` is the fabric's and tells a duplicate from its original.
 */
export interface RpcFlight {
  readonly sequence: number;
  readonly from: string;
  readonly to: string;
  readonly rpc: string;
  readonly term: number;
  readonly sentAtMs: number;
  readonly resolvedAtMs: number;
  readonly outcome: 'delivered' | 'dropped';
  readonly reason: 'loss' | 'partition' | 'member-down' | null;
}

export interface ProposeResult {
  readonly accepted: boolean;
  readonly index: number;
  readonly term: number;
  /** '' when accepted; else `not-leader`, `daemon-not-running`, `host-failed`, ... */
  readonly reason: string;
  /** The leader the proposer knows of (swarmkit forwards writes there), if any. */
  readonly leader: string | null;
}
