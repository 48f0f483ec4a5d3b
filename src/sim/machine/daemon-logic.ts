import type { Prng } from '../../lib/prng';
import type { Entry, NodeId, RawNode } from '../../raft';
import type { DaemonRequest, DaemonResponse } from '../daemon/calls';
import type { SwarmDisk, SwarmStatusView } from '../daemon/disk';
import type { SwarmDaemonVolatile } from '../daemon/volatile';
import type { DaemonWire } from '../daemon/wire';
import type { TraceEvent } from '../trace';

/**
 * What a machine lets its daemon logic do. The machine owns the Raft member and its storage;
 * the daemon decides when to create one (`swarm init`, a manager join) and when to drop it
 * (`swarm leave`), and everything it sends or answers goes out with the machine's emission.
 */
export interface MachineControl<P, S> {
  readonly nowMs: number;
  readonly machineId: NodeId;
  /** Unix milliseconds of virtual time 0, for the timestamps the swarm stores. */
  readonly epochMs: number;
  readonly hostname: string;
  readonly address: string;
  readonly prng: Prng;
  readonly appState: S;
  raft(): RawNode<P, S> | undefined;
  /** A fresh Raft member over new storage with `voters` (empty: it learns them when added). */
  startRaft(voters: readonly NodeId[]): void;
  /** Drops the Raft member and its storage (`docker swarm leave`). */
  dropRaft(): void;
  /** Stops the Raft member and keeps its storage (a locked manager). */
  pauseRaft(): void;
  /** Boots the Raft member over its storage again (after unlock). */
  resumeRaft(): void;
  /** Restarts the Raft member over its storage with only itself as voter (force-new-cluster). */
  restartRaftAlone(): void;
  /** Runs the Ready loop after the daemon called the Raft member directly. */
  settle(): void;
  send(wire: DaemonWire): void;
  answer(callId: string, response: DaemonResponse): void;
  emit(event: TraceEvent): void;
}

/**
 * The daemon that runs on a machine beside its Raft member: the swarm daemon
 * (src/sim/daemon/swarm-daemon.ts). Volatile state lives in the instance and goes when the
 * daemon stops; `disk()` is what survives (`/var/lib/docker/swarm`).
 */
export interface DaemonLogic<P, S> {
  boot(control: MachineControl<P, S>): void;
  stop(): void;
  tick(control: MachineControl<P, S>): void;
  call(control: MachineControl<P, S>, callId: string, request: DaemonRequest): void;
  receive(control: MachineControl<P, S>, wire: DaemonWire): void;
  /** A Raft message from `from` reached this machine (the transport saw the peer alive). */
  heardFrom(control: MachineControl<P, S>, from: NodeId): void;
  applied(control: MachineControl<P, S>, entry: Entry<P>, before: S, after: S): void;
  /** The Ready loop settled: act on what was applied (propose, answer, send). */
  settled(control: MachineControl<P, S>): void;
  disk(): SwarmDisk;
  view(): SwarmStatusView;
  /**
   * The volatile state as plain data, to move the running daemon to another host; null while a
   * continuation (a closure) is pending, which cannot move: try again at a later instant.
   */
  exportVolatile(): SwarmDaemonVolatile | null;
}

/**
 * Builds a machine's daemon: from its disk alone for a daemon that is about to boot, or from its
 * disk and `exportVolatile()`'s data for a running daemon moved from another host, which then
 * carries on without booting.
 */
export type DaemonLogicFactory<P, S> = (
  disk: SwarmDisk | null,
  volatile?: SwarmDaemonVolatile,
) => DaemonLogic<P, S>;
