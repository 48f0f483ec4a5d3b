import type { FileSystem } from '../lib/filesystem';
import type { Prng } from '../lib/prng';
import type { Entry, NodeId, RawNode } from '../raft';
import type { DaemonRequest, DaemonResponse } from '../api/operations';
import type { SwarmChangedEvent } from './events';
import type { SwarmStatusView } from './status';
import type { DaemonWire } from './wire';

/**
 * The keys a manager's Raft storage is sealed with when it rests on disk (swarmkit
 * `manager/deks.go`, `design/raft_encryption.md`): the data encryption key (DEK) seals each log
 * entry and the snapshot; the DEK itself is stored in clear, or wrapped by the key-encrypting key
 * (KEK) when autolock is on. The running daemon holds both in memory, as dockerd does; at rest
 * only the sealed form remains, so a manager that restarts under autolock cannot read its own
 * log until it is given the unlock key. Base64 of the raw bytes, so that it crosses workers as
 * plain data.
 */
export interface DiskKey {
  /** The DEK: 32 random bytes. */
  readonly dek: string;
  /** The KEK (the unlock key's 32 bytes) that wraps the DEK at rest; null: stored in clear. */
  readonly kek: string | null;
  /** The 12-byte nonce the DEK is wrapped with, drawn with it: one per DEK. */
  readonly nonce: string;
}

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
  /**
   * The host's own files, read-only: the daemon reads them (a bind mount's source) but never
   * writes them; only the machine's shell does.
   */
  readonly files: HostFilesReader;
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
  /** The keys the Raft storage is sealed with at rest; null without storage or while locked. */
  diskKey(): DiskKey | null;
  /** New keys for the Raft storage (a new manager, autolock turned on or off, a rotation). */
  setDiskKey(key: DiskKey): void;
  /** The storage rests sealed under a DEK that only the unlock key opens: a locked manager. */
  readonly storageLocked: boolean;
  /**
   * Asks the host to open the sealed storage with `kek` (the unlock key's bytes, base64). The
   * host's cipher runs within the same call, then `done` runs with whether the key opened the
   * DEK (its GCM tag matched); on success the storage is open and Raft can boot over it.
   */
  unlockStorage(kek: string, done: (control: MachineControl<P, S>, opened: boolean) => void): void;
  /** Runs the Ready loop after the daemon called the Raft member directly. */
  settle(): void;
  send(wire: DaemonWire): void;
  answer(callId: string, response: DaemonResponse): void;
  emit(event: SwarmChangedEvent): void;
}

/** What the daemon may read of the host's filesystem. */
export type HostFilesReader = Pick<FileSystem, 'exists' | 'stat' | 'read' | 'list'>;

/**
 * The plain data a daemon keeps that its machine stores and carries without reading it: its
 * `disk` (what survives a restart, `/var/lib/docker/swarm`) and its `volatile` state (what it
 * holds in memory, exported when the running machine moves to another host). The machine, the
 * coordinator and the worker protocol are generic in these, so the daemon alone owns their shape.
 */
export interface DaemonData {
  readonly disk: unknown;
  readonly volatile: unknown;
}

/** The daemon data of a bare Raft machine, which runs no daemon (the key-value sweeps). */
export interface NoDaemon {
  readonly disk: never;
  readonly volatile: never;
}

/**
 * The daemon that runs on a machine beside its Raft member: the swarm daemon
 * (src/swarm/node/swarm-daemon.ts). Volatile state lives in the instance and goes when the
 * daemon stops; `disk()` is what survives (`/var/lib/docker/swarm`).
 */
export interface DaemonLogic<P, S, D extends DaemonData> {
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
  disk(): D['disk'];
  view(): SwarmStatusView;
  /**
   * The volatile state as plain data, to move the running daemon to another host; null while a
   * continuation (a closure) is pending, which cannot move: try again at a later instant.
   */
  exportVolatile(): D['volatile'] | null;
}

/**
 * Builds a machine's daemon: from its disk alone for a daemon that is about to boot, or from its
 * disk and `exportVolatile()`'s data for a running daemon moved from another host, which then
 * carries on without booting.
 */
export type DaemonLogicFactory<P, S, D extends DaemonData> = (
  disk: D['disk'] | null,
  volatile?: D['volatile'],
) => DaemonLogic<P, S, D>;
