import type { AnyFileAnswer, FileRequest } from '../lib/filesystem';
import {
  Coordinator,
  takeFrame,
  type CoordinatorConfig,
  type MachineInit,
  type SimulationFrame,
} from './coordinator';
import type { SystemdAction, SystemdUnit, UnitsStatus } from './coordinator';
import type { DaemonRequest, DaemonResponse } from '../api/operations';
import { swarmStateMachine } from '../swarm/node/state-machine';
import { raftLogView, type RaftLogView } from './raft-log-view';
import { LocalHost, type HostFactory, type MachineSnapshot } from './machine';
import { nextTask } from '../lib/next-task';
import type { StoreProposal, StoreState } from '../swarm';
import type { SwarmDaemonData } from '../swarm/node';

/**
 * What the page's Playground needs of a running simulation. The browser's implementation talks to
 * the coordinator's Web Worker through Comlink (src/ui/state/worker-simulation.ts); this file's
 * `LocalSimulation` runs the same coordinator in-process, for tests and Node. Every call is async
 * because the worker's are.
 */
export interface SimulationPort {
  advanceBy(durationMs: number): Promise<void>;
  stopDaemon(hostname: string): Promise<boolean>;
  startDaemon(hostname: string): Promise<boolean>;
  partition(groups: readonly (readonly string[])[]): Promise<void>;
  heal(): Promise<void>;
  /**
   * An Engine API call on `hostname`'s daemon; `token` is the page's name for it, so that
   * `cancelCall(token)` (Ctrl+C) can drop it. Resolves with the daemon's answer.
   */
  call(hostname: string, request: DaemonRequest, token: string): Promise<DaemonResponse>;
  cancelCall(token: string): Promise<void>;
  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]): Promise<void>;
  /** A request of `hostname`'s own files (its shell's redirections and file programs). */
  files(hostname: string, request: FileRequest): Promise<AnyFileAnswer>;
  /** Adds a machine with its daemon running, outside any swarm; an input like any other. */
  addMachine(machine: MachineInit): Promise<void>;
  /** Takes a machine away for good, as powering off and deleting a VM would. */
  removeMachine(hostname: string): Promise<void>;
  /**
   * The run as plain data, for saving, in the port's own form, which its `restore` takes back:
   * the whole snapshot in process; in the browser the head of one whose checkpoint the worker
   * wrote to IndexedDB itself (src/sim-worker/saved-checkpoint.ts).
   */
  snapshot(): Promise<unknown>;
  /** Drains what happened since the last frame. */
  frame(): Promise<SimulationFrame>;
  /** `hostname`'s Raft log as its disk holds it, for the graph; null without Raft storage. */
  raftLog(hostname: string): Promise<RaftLogView | null>;
  dispose(): void;
}

export class LocalSimulation implements SimulationPort {
  readonly #coordinator: Coordinator<StoreProposal, StoreState, SwarmDaemonData>;

  readonly #calls: CallTable;

  private constructor(coordinator: Coordinator<StoreProposal, StoreState, SwarmDaemonData>) {
    this.#coordinator = coordinator;
    this.#calls = new CallTable(coordinator);
  }

  /** `hostFactory` lets tests wrap the in-process hosts (to move or break machines). */
  static async create(
    config: CoordinatorConfig,
    hostFactory: HostFactory<StoreProposal, StoreState, SwarmDaemonData> = LocalHost.factory(
      swarmStateMachine,
    ),
  ): Promise<LocalSimulation> {
    const coordinator = await Coordinator.create(
      { ...config, stateMachine: swarmStateMachine },
      hostFactory,
    );
    return new LocalSimulation(coordinator);
  }

  /** Rebuilds a saved run; throws SnapshotError when the save is corrupt or foreign. */
  static async restore(snapshot: unknown): Promise<LocalSimulation> {
    const coordinator = await Coordinator.restore(
      snapshot,
      LocalHost.factory(swarmStateMachine),
      swarmStateMachine,
    );
    return new LocalSimulation(coordinator);
  }

  /**
   * Answers in a later task, as the worker's port does (see `nextTask`), so that what runs
   * beside an advance sees it end at the same point in tests as in the page.
   */
  async advanceBy(durationMs: number): Promise<void> {
    await this.#coordinator.advanceBy(durationMs);
    await nextTask();
  }

  stopDaemon(hostname: string): Promise<boolean> {
    return this.#coordinator.stopDaemon(hostname);
  }

  startDaemon(hostname: string): Promise<boolean> {
    return this.#coordinator.startDaemon(hostname);
  }

  partition(groups: readonly (readonly string[])[]): Promise<void> {
    return this.#coordinator.partition(groups);
  }

  heal(): Promise<void> {
    return this.#coordinator.heal();
  }

  call(hostname: string, request: DaemonRequest, token: string): Promise<DaemonResponse> {
    return this.#calls.call(hostname, request, token);
  }

  cancelCall(token: string): Promise<void> {
    return this.#calls.cancel(token);
  }

  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]): Promise<void> {
    return this.#coordinator.systemctl(hostname, action, units);
  }

  files(hostname: string, request: FileRequest): Promise<AnyFileAnswer> {
    return this.#coordinator.files(hostname, request);
  }

  units(hostname: string): UnitsStatus {
    return this.#coordinator.units(hostname);
  }

  addMachine(machine: MachineInit): Promise<void> {
    return this.#coordinator.addMachine(machine);
  }

  removeMachine(hostname: string): Promise<void> {
    return this.#coordinator.removeMachine(hostname);
  }

  snapshot(): Promise<unknown> {
    return this.#coordinator.snapshot();
  }

  /** What `hostname` would restart from if its host died now (tests compare it to the host). */
  disk(hostname: string): MachineSnapshot<StoreProposal, StoreState, SwarmDaemonData> {
    return this.#coordinator.disk(hostname);
  }

  raftLog(hostname: string): Promise<RaftLogView | null> {
    return raftLogView(this.#coordinator, hostname);
  }

  /** `hostname`'s disk as it rests, its Raft storage sealed (tests search it for plaintext). */
  restingDisk(
    hostname: string,
  ): Promise<MachineSnapshot<StoreProposal, StoreState, SwarmDaemonData>> {
    return this.#coordinator.restingDisk(hostname);
  }

  frame(): Promise<SimulationFrame> {
    return Promise.resolve(takeFrame(this.#coordinator));
  }

  dispose(): void {
    this.#coordinator.dispose();
  }
}

/**
 * Maps the page's call tokens to the coordinator's call ids, so Ctrl+C can cancel a call the
 * page only knows by its token. Shared by LocalSimulation and the coordinator worker.
 */
export class CallTable {
  readonly #coordinator: Coordinator<StoreProposal, StoreState, SwarmDaemonData>;
  readonly #ids = new Map<string, string>();
  readonly #cancelled = new Set<string>();

  constructor(coordinator: Coordinator<StoreProposal, StoreState, SwarmDaemonData>) {
    this.#coordinator = coordinator;
  }

  async call(hostname: string, request: DaemonRequest, token: string): Promise<DaemonResponse> {
    const { callId, response } = await this.#coordinator.call(hostname, request);
    this.#ids.set(token, callId);
    if (this.#cancelled.delete(token)) await this.#coordinator.cancelCall(callId);
    try {
      return await response;
    } finally {
      this.#ids.delete(token);
    }
  }

  async cancel(token: string): Promise<void> {
    const callId = this.#ids.get(token);
    if (callId === undefined) {
      this.#cancelled.add(token);
      return;
    }
    await this.#coordinator.cancelCall(callId);
  }
}
