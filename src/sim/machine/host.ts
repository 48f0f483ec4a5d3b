import type { ConfChange, Message, NodeId } from '../../raft';
import type { DaemonRequest, DaemonResponse } from '../../api/operations';
import type { DaemonWire } from '../../machine-api';
import type { TraceEvent } from '../trace';
import type { DurableChange } from './durable';
import type { AnyFileAnswer, FileRequest } from '../../lib/filesystem';
import type {
  DaemonState,
  MachineSnapshot,
  MachineState,
  MachineStatusData,
  Placement,
} from './types';
import type { DaemonData } from '../../machine-api';

/** One instant of work for a machine: the messages due to it, then maybe a tick. */
export interface StepInput<P, S> {
  readonly nowMs: number;
  readonly messages: readonly Message<P, S>[];
  readonly tick: boolean;
  /** Daemon-to-daemon traffic due now (after the Raft messages). */
  readonly wires?: readonly DaemonWire[];
}

/** An Engine API call from the machine's docker CLI; `callId` names its answer. */
export interface CallInput {
  readonly nowMs: number;
  readonly callId: string;
  readonly request: DaemonRequest;
}

/** An answer to an earlier call, emitted when the daemon has it. */
export interface CallAnswer {
  readonly callId: string;
  readonly response: DaemonResponse;
}

export interface ProposeInput<P> {
  readonly nowMs: number;
  /** The coordinator's name for the proposal (`p1`, `p2`, ...), for the trace. */
  readonly proposalId: string;
  readonly payload: P;
}

/**
 * A change to the Raft group itself, asked of one member: a membership change or a leadership
 * transfer. The swarm daemon makes these on its own; bare Raft runs (the fault sweeps) have no
 * daemon, so their driver asks for them through the host.
 */
export type RaftAdminAction =
  | { readonly kind: 'conf-change'; readonly change: ConfChange }
  | { readonly kind: 'transfer-leadership'; readonly to: NodeId };

export interface RaftAdminInput {
  readonly nowMs: number;
  readonly action: RaftAdminAction;
}

/** A change to the host's files, from its shell (`>`, `mkdir`, `rm`, ...). */
export interface FilesInput {
  readonly nowMs: number;
  readonly request: FileRequest;
}

export interface FilesOutput<P, S, D extends DaemonData> extends MachineOutput<P, S, D> {
  readonly answer: AnyFileAnswer;
}

export interface DaemonInput {
  readonly nowMs: number;
  readonly daemon: DaemonState;
}

/** What a machine emitted during one call, and its status after it. Plain data only. */
export interface MachineOutput<P, S, D extends DaemonData> {
  readonly messages: readonly Message<P, S>[];
  readonly events: readonly TraceEvent[];
  readonly status: MachineStatusData;
  readonly wires?: readonly DaemonWire[];
  readonly answers?: readonly CallAnswer[];
  /** What the machine wrote to its disk during the call, in order (absent: nothing). */
  readonly durable?: readonly DurableChange<P, S, D>[];
  /**
   * For each disk write, how many of `events` the machine had emitted before it, so that an
   * observer can replay writes and events in the order they happened (absent: nothing written).
   */
  readonly durableAfterEvents?: readonly number[];
}

export interface ProposeOutput<P, S, D extends DaemonData> extends MachineOutput<P, S, D> {
  readonly accepted: boolean;
  /** The log index the entry got; 0 when rejected. */
  readonly index: number;
  /** Why the proposal was rejected (`not-leader`, `daemon-not-running`, ...); '' when accepted. */
  readonly reason: string;
}

/**
 * A host's answer: at once from a host in the caller's thread (`LocalHost`), later from a Web
 * Worker. The coordinator awaits only answers that are promises, so a run whose hosts all answer
 * at once steps from instant to instant without a microtask turn between them.
 */
export type Answer<T> = T | Promise<T>;

/**
 * The one interface the coordinator uses to drive a machine, wherever the machine runs: in
 * process (`LocalHost`) or in a Web Worker (`sim-worker/spawn.ts`). Every call carries and returns
 * plain data, so it survives structured cloning unchanged. A host that throws or rejects is
 * treated as a crashed machine.
 */
export interface MachineHost<P, S, D extends DaemonData> {
  step(input: StepInput<P, S>): Answer<MachineOutput<P, S, D>>;
  propose(input: ProposeInput<P>): Answer<ProposeOutput<P, S, D>>;
  setDaemon(input: DaemonInput): Answer<MachineOutput<P, S, D>>;
  /** A membership change or leadership transfer; only a leader accepts it. */
  raftAdmin(input: RaftAdminInput): Answer<ProposeOutput<P, S, D>>;
  /** An Engine API call; the answer comes in this output or a later one (`answers`). */
  call(input: CallInput): Answer<MachineOutput<P, S, D>>;
  /** A request of the host's files, answered at once; works whatever the daemon does. */
  files(input: FilesInput): Answer<FilesOutput<P, S, D>>;
  status(): Answer<MachineStatusData>;
  snapshot(): Answer<MachineSnapshot<P, S, D>>;
  /**
   * The whole running machine, to build it again in another host; null while the daemon waits
   * on something that cannot be moved (a call in flight), in which case the move waits too.
   */
  exportState(): Answer<MachineState<P, S, D> | null>;
  /** Frees the host (terminates a worker). The coordinator never calls it twice. */
  dispose(): void;
}

/**
 * What a host builds its machine from: its disk (a new machine, or a restart after the host
 * failed; a running daemon boots) or the exported state of a machine that moves (no boot).
 */
export type MachineSource<P, S, D extends DaemonData> =
  | { readonly kind: 'disk'; readonly snapshot: MachineSnapshot<P, S, D> }
  | { readonly kind: 'moved'; readonly state: MachineState<P, S, D> };

/** Builds a host for a machine, placed where its role asks (see `placementFor`). */
export type HostFactory<P, S, D extends DaemonData> = (
  source: MachineSource<P, S, D>,
  placement: Placement,
) => MachineHost<P, S, D> | Promise<MachineHost<P, S, D>>;
