import type { NodeId, RaftNodeState, RaftOptions, Role, StorageData } from '../../raft';
import type { DaemonData, DiskKey, SwarmStatusView } from '../../machine-api';
import type { SealedStorageData } from './sealed-storage';
import { FileSystem, type FileSystemData } from '../../lib/filesystem';

/** The swarm role of a machine. Only a manager runs a Raft member (swarm-semantics §1.2). */
export type MachineRole = 'manager' | 'worker';

/**
 * The daemon of a machine. `stopped` is `systemctl stop docker`; `crashed` is a host that failed
 * (a worker that threw). Both keep the durable state; only `running` ticks and answers.
 */
export type DaemonState = 'running' | 'stopped' | 'crashed';

/** Who a machine is. The node id is the machine's Raft id when it is a manager. */
export interface MachineSpec {
  readonly hostname: string;
  readonly address: string;
  readonly role: MachineRole;
  readonly nodeId: NodeId;
  /** Unix milliseconds of virtual time 0 (the run's epoch), for swarm timestamps. */
  readonly epochMs?: number;
}

/** The live view of a running manager's Raft member. */
export interface RaftView {
  readonly role: Role;
  readonly term: number;
  readonly lead: NodeId;
  readonly commit: number;
  readonly lastIndex: number;
  readonly applied: number;
  readonly voters: readonly NodeId[];
  /** The member it is handing leadership to; 0 when none. */
  readonly transferee: NodeId;
}

/** What /var/lib/docker/swarm holds: shown even while the daemon is down. */
export interface DurableView {
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
  readonly lastIndex: number;
}

/** A machine's read model as its host reports it (node ids, not hostnames). */
export interface MachineStatusData {
  readonly hostname: string;
  readonly address: string;
  readonly nodeId: NodeId;
  readonly role: MachineRole;
  readonly daemon: DaemonState;
  /** Present while a manager's daemon runs. */
  readonly raft: RaftView | null;
  /** Present on every manager, whatever its daemon does. */
  readonly durable: DurableView | null;
  /** The swarm as this machine's daemon sees it; absent without daemon logic (kv runs). */
  readonly swarm?: SwarmStatusView | null;
}

/**
 * A whole machine as plain data. It can build the machine again in any host (in-process or in a
 * worker). Raft's volatile state (role, election timer) is not in it: a machine built from a
 * snapshot whose daemon runs boots its Raft member from storage, exactly as a daemon restart does.
 */
export interface MachineSnapshot<P, S, D extends DaemonData> {
  readonly spec: MachineSpec;
  readonly daemon: DaemonState;
  readonly raftOptions: RaftOptions;
  /**
   * The durable Raft state, open (in memory: a running manager, a machine that moves); null on
   * a worker machine, and on a manager whose storage rests sealed (`sealed`).
   */
  readonly storage: StorageData<P, S> | null;
  /** A manager's Raft storage as it rests on disk, sealed under its DEK; absent when open. */
  readonly sealed?: SealedStorageData;
  /**
   * The keys the open storage is sealed with when it comes to rest; absent when sealed, and on
   * a machine whose daemon never set any (bare Raft runs, whose storage is never sealed).
   */
  readonly diskKey?: DiskKey;
  /** Seeds every Raft core this machine boots (election jitter). */
  readonly prngState: number;
  /** How many times the daemon started, so a restart is traced as one. */
  readonly bootCount: number;
  /** The daemon's disk, when the machine runs one. */
  readonly disk?: D['disk'] | null;
  /**
   * The host's own files (`/root`, `/etc`, ...), apart from the daemon's disk: they are the
   * machine's, there with the daemon stopped. Absent in saves made before machines had files,
   * and on a machine whose files were never touched: the standard tree (`hostFiles`).
   */
  readonly files?: FileSystemData;
}

/** A machine's files as its snapshot holds them, or the standard tree of a new VM. */
export function hostFiles<P, S, D extends DaemonData>(
  snapshot: MachineSnapshot<P, S, D>,
): FileSystem {
  return snapshot.files === undefined
    ? FileSystem.standard(snapshot.spec.hostname, snapshot.spec.epochMs ?? 0)
    : FileSystem.fromData(snapshot.files);
}

/**
 * A running machine as plain data, durable and volatile halves together: the Raft member's
 * timers, role and progress, the applied state and the daemon's sessions. A machine built from it
 * carries on exactly where the exported one was, which is how a promoted machine moves into a
 * worker of its own without a restart. Taken only between two calls, when nothing is in flight
 * inside the machine.
 */
export interface MachineState<P, S, D extends DaemonData> {
  readonly snapshot: MachineSnapshot<P, S, D>;
  /** The Raft member, while one runs. */
  readonly raft: RaftNodeState<P, S> | null;
  readonly appState: S;
  readonly appliedIndex: number;
  /** The daemon's in-memory state; null for bare Raft runs, which have no daemon logic. */
  readonly daemonState: D['volatile'] | null;
}

/**
 * Where a host runs its machine: a manager in a dedicated Web Worker of its own, a worker
 * machine (agent only) in the thread they share (docs/architecture.md "The simulation model").
 */
export type Placement = 'own-worker' | 'shared';

/** The placement a machine's role asks for: managers, and only managers, get their own worker. */
export function placementFor(role: MachineRole): Placement {
  return role === 'manager' ? 'own-worker' : 'shared';
}
