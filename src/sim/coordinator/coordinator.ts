import { assert } from '../../lib/assert';
import {
  restingSnapshot,
  type HostFactory,
  type MachineSnapshot,
  type MachineStatusData,
  type RaftAdminAction,
} from '../machine';
import type { LinkOptions } from '../network';
import type { DaemonRequest, DaemonResponse } from '../../api/operations';
import type { TraceEvent } from '../trace';
import {
  DEFAULT_CHECKPOINT_POLICY,
  checkpointDue,
  restoreMachines,
  takeCheckpoint,
  type CheckpointPolicy,
  type CoordinatorCheckpoint,
} from './checkpoint';
import { call, cancelCall, propose, raftAdmin } from './client-calls';
import { createCoordinatorState, type CoordinatorState } from './coordinator-state';
import type { SimInput } from './inputs';
import { advanceTo, nextDueMs, type AdvanceLimits } from './instant-loop';
import { addMachine, boot, removeMachine } from './machines';
import { blockLink, heal, partition, reaches, setLinkWeather } from './partitions';
import { rehostPending, switchHostFactory } from './placement';
import { replaySave } from './replay';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  SnapshotError,
  parseSnapshot,
  type CoordinatorSnapshot,
} from './snapshot';
import { startDaemon, stopDaemon, systemctl } from './systemd';
import { fileRequest } from './host-files';
import type { AnyFileAnswer, FileRequest } from '../../lib/filesystem';
import type {
  CoordinatorOptions,
  MachineInit,
  MachineStatus,
  ProposeResult,
  RpcFlight,
  SystemdAction,
  SystemdUnit,
  UnitsStatus,
} from './types';
import { leaderOf, machineStatuses } from './view';
import type { DaemonData, ReplicatedStateMachine } from '../../machine-api';

// Still exported from here, where it was defined before the coordinator was split.
export { SOCKET_ACTIVATION_MS } from './units';

/**
 * Owns virtual time for the whole cluster (docs/architecture.md, "Lockstep coordinator and
 * network fabric").
 * It jumps from one due instant (a delivery or a tick) to the next, so idle time costs nothing;
 * at each instant it calls, in parallel, only the hosts that have something due; then it takes
 * their outputs in node-id order and routes every message through the seeded fabric. Since the
 * order of routing never depends on which host answered first, a seed and a list of inputs give
 * one trace, whether the hosts are in-process or Web Workers.
 *
 * Every public operation runs in a queue, one at a time, in call order: the page may ask for a
 * daemon stop while an advance is awaiting its hosts. This class is the public API and that
 * queue; the work is done by the modules beside it, over the state they share
 * (`CoordinatorState`): `instant-loop.ts` and `routing.ts` (the loop), `host-calls.ts`,
 * `placement.ts`, `systemd.ts`, `client-calls.ts`, `partitions.ts`, `machines.ts`,
 * `checkpoint.ts`, `replay.ts` and `view.ts`.
 */
export class Coordinator<P, S, D extends DaemonData> {
  readonly #sim: CoordinatorState<P, S, D>;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  private constructor(
    options: CoordinatorOptions<P, S, D>,
    hostFactory: HostFactory<P, S, D>,
    checkpoint: CoordinatorCheckpoint<P, S, D> | null = null,
  ) {
    this.#sim = createCoordinatorState(options, hostFactory, checkpoint);
  }

  /** Installs the machines (node ids in list order), then starts every daemon at time 0. */
  static async create<P, S, D extends DaemonData>(
    options: CoordinatorOptions<P, S, D>,
    hostFactory: HostFactory<P, S, D>,
  ): Promise<Coordinator<P, S, D>> {
    const coordinator = new Coordinator(options, hostFactory);
    await coordinator.#enqueue(() => boot(coordinator.#sim, options.machines));
    return coordinator;
  }

  /**
   * Rebuilds a saved run from its checkpoint (or, without one, from its config) and replays the
   * inputs since, and checks that the replay reaches the saved trace hash. Throws
   * SnapshotError for a corrupt or incompatible save.
   *
   * `replayFactory` builds the hosts the replay runs on, when that is faster than
   * `hostFactory` (in process rather than one Web Worker per manager: about ten times faster).
   * Each machine then moves to a host of `hostFactory` as soon as it can be exported, which
   * changes nothing in the run: the machines carry on, and no event is traced.
   */
  static async restore<P, S, D extends DaemonData>(
    snapshot: unknown,
    hostFactory: HostFactory<P, S, D>,
    stateMachine: ReplicatedStateMachine<P, S, D>,
    replayFactory: HostFactory<P, S, D> = hostFactory,
  ): Promise<Coordinator<P, S, D>> {
    const save = parseSnapshot<P, S, D>(snapshot, stateMachine.isPayload);
    const options = { ...save.config, stateMachine };
    const coordinator =
      save.checkpoint === null
        ? await Coordinator.create(options, replayFactory)
        : await Coordinator.#resume(options, replayFactory, save.checkpoint);
    const sim = coordinator.#sim;
    try {
      await replaySave(sim, save, coordinator, (toMs) =>
        coordinator.#enqueue(() => advanceTo(sim, toMs)),
      );
    } catch (error: unknown) {
      coordinator.dispose();
      throw error;
    }
    if (replayFactory !== hostFactory) {
      switchHostFactory(sim, hostFactory);
      await coordinator.#enqueue(() => rehostPending(sim));
    }
    return coordinator;
  }

  /** A coordinator standing where `checkpoint` was, its machines in hosts of `hostFactory`. */
  static async #resume<P, S, D extends DaemonData>(
    options: CoordinatorOptions<P, S, D>,
    hostFactory: HostFactory<P, S, D>,
    checkpoint: CoordinatorCheckpoint<P, S, D>,
  ): Promise<Coordinator<P, S, D>> {
    let coordinator: Coordinator<P, S, D> | undefined;
    try {
      coordinator = new Coordinator(options, hostFactory, checkpoint);
      const sim = coordinator.#sim;
      await coordinator.#enqueue(() => restoreMachines(sim, checkpoint));
      return coordinator;
    } catch (error: unknown) {
      coordinator?.dispose();
      throw new SnapshotError(`the save's checkpoint cannot be rebuilt: ${String(error)}`);
    }
  }

  // ---- Queries (synchronous: they read what the hosts last reported) ----

  get nowMs(): number {
    return this.#sim.nowMs;
  }

  get epochMs(): number {
    return this.#sim.config.epochMs;
  }

  /** How many calls went to hosts so far; idle virtual time adds none. */
  get hostCallCount(): number {
    return this.#sim.hostCalls;
  }

  /** The next virtual instant at which anything is due: a delivery, a tick, an activation. */
  get nextInstantMs(): number {
    return nextDueMs(this.#sim);
  }

  /** How many messages machines sent so far; a core that floods itself shows here first. */
  get messagesSentCount(): number {
    return this.#sim.messagesSent;
  }

  status(): readonly MachineStatus[] {
    return machineStatuses(this.#sim);
  }

  /**
   * Each machine's status as its host last reported it, by node id and in install order: for a
   * harness that works in Raft ids (the fault sweeps) and polls at every step, which the
   * hostname view above would rebuild each time. Statuses are never mutated; this copies none.
   */
  reportedStatuses(): readonly MachineStatusData[] {
    return this.#sim.slots.list().map((slot) => slot.status);
  }

  /** The running leader with the highest term, if any. */
  leader(): string | undefined {
    return leaderOf(this.#sim);
  }

  /** The trace events since the last drain, in emission order. */
  drainTrace(): TraceEvent[] {
    return this.#sim.trace.drainEvents();
  }

  /** The messages resolved since the last drain, for the graph's moving dots. */
  drainRpcs(): RpcFlight[] {
    return this.#sim.trace.drainFlights();
  }

  /** A digest of every trace event so far; equal runs have equal hashes. */
  traceHash(): string {
    return this.#sim.trace.hash;
  }

  get traceCount(): number {
    return this.#sim.trace.count;
  }

  /**
   * `hostname`'s disk as its host last reported it: what the machine would restart from if its
   * host died now (daemon shown as `crashed`).
   */
  disk(hostname: string): MachineSnapshot<P, S, D> {
    return this.#sim.slots.require(hostname).mirror.snapshot('crashed');
  }

  /**
   * `hostname`'s disk as it rests: its Raft storage sealed under its DEK, without the keys a
   * running daemon holds in memory (see `restingSnapshot`).
   */
  restingDisk(hostname: string): Promise<MachineSnapshot<P, S, D>> {
    return restingSnapshot(this.disk(hostname));
  }

  /** Whether a message from `from` to `to` would get through the fabric now. */
  reaches(from: string, to: string): boolean {
    return reaches(this.#sim, from, to);
  }

  /** The weather every link has now. */
  get linkWeather(): LinkOptions {
    return this.#sim.network.defaultLink;
  }

  inputs(): readonly SimInput<P>[] {
    return this.#sim.inputs.list();
  }

  units(hostname: string): UnitsStatus {
    return this.#sim.units.of(this.#sim.slots.require(hostname).spec.nodeId);
  }

  // ---- Inputs (queued, in call order) ----

  /**
   * Runs everything due in the next `durationMs` of virtual time, as fast as the hosts allow.
   * With `limits` (the fault sweeps' budgets), it stops early once the host calls or messages
   * so far pass them.
   */
  advanceBy(durationMs: number, limits?: AdvanceLimits): Promise<void> {
    assert(Number.isFinite(durationMs) && durationMs >= 0, 'advance by a finite, positive time');
    return this.#enqueue(() => advanceTo(this.#sim, this.#sim.nowMs + durationMs, limits));
  }

  /** `systemctl stop docker`: the machine stops ticking and answering; its storage stays. */
  stopDaemon(hostname: string): Promise<boolean> {
    return this.#enqueue(() => stopDaemon(this.#sim, hostname));
  }

  /** `systemctl start docker`, also on a crashed machine (whose host is then rebuilt). */
  startDaemon(hostname: string): Promise<boolean> {
    return this.#enqueue(() => startDaemon(this.#sim, hostname));
  }

  /** Members in different groups cannot reach each other; machines in no group keep all links. */
  partition(groups: readonly (readonly string[])[]): Promise<void> {
    return this.#enqueue(() => {
      partition(this.#sim, groups);
    });
  }

  heal(): Promise<void> {
    return this.#enqueue(() => {
      heal(this.#sim);
    });
  }

  /** One-way: `from` can no longer reach `to`, until the next heal. */
  blockLink(from: string, to: string): Promise<void> {
    return this.#enqueue(() => {
      blockLink(this.#sim, from, to);
    });
  }

  /** Latency, loss, duplication and delay spikes of every link from now on. */
  setLinkWeather(link: LinkOptions): Promise<void> {
    return this.#enqueue(() => {
      setLinkWeather(this.#sim, link);
    });
  }

  /**
   * A membership change or leadership transfer asked of `hostname`'s Raft member; only a leader
   * accepts it. The swarm daemon makes its own; bare Raft runs (the fault sweeps) ask here.
   */
  raftAdmin(hostname: string, action: RaftAdminAction): Promise<ProposeResult> {
    return this.#enqueue(() => raftAdmin(this.#sim, hostname, action));
  }

  /** A client write on `hostname`; only a leader accepts it (swarmkit forwards to the leader). */
  propose(hostname: string, payload: P): Promise<ProposeResult> {
    return this.#enqueue(() => propose(this.#sim, hostname, payload));
  }

  /**
   * An Engine API call from the docker CLI on `hostname`. Resolves when the machine answers
   * (a write once its proposal applied), which may take virtual time: the caller keeps
   * advancing. The call is an input like any other, so a replay makes it again.
   */
  call(
    hostname: string,
    request: DaemonRequest,
  ): Promise<{ callId: string; response: Promise<DaemonResponse> }> {
    return this.#enqueue(() => call(this.#sim, hostname, request));
  }

  /** Ctrl+C: the caller stops waiting; the answer, if it comes, is dropped. */
  cancelCall(callId: string): Promise<void> {
    return this.#enqueue(() => {
      cancelCall(this.#sim, callId);
    });
  }

  /**
   * A request of `hostname`'s own files from its shell; a change is an input, a read is not
   * (`host-files.ts`). Queued like every input, so a read sees every change asked before it.
   */
  files(hostname: string, request: FileRequest): Promise<AnyFileAnswer> {
    return this.#enqueue(() => fileRequest(this.#sim, hostname, request));
  }

  /** `systemctl start|stop|restart` of docker.service and docker.socket on `hostname`. */
  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]): Promise<void> {
    return this.#enqueue(() => systemctl(this.#sim, hostname, action, units));
  }

  /** Installs a machine and starts its daemon. A new manager knows no configuration yet. */
  addMachine(machine: MachineInit): Promise<void> {
    return this.#enqueue(() => addMachine(this.#sim, machine));
  }

  /** Takes a machine away for good (its Raft membership is the swarm layer's business). */
  removeMachine(hostname: string): Promise<void> {
    return this.#enqueue(() => {
      removeMachine(this.#sim, hostname);
    });
  }

  /**
   * The whole run as plain data; `Coordinator.restore` continues it exactly. When `policy` says
   * it is time and the run is quiet, the save first takes a new checkpoint, so that the inputs
   * it holds (and a restore replays) are only those since.
   */
  snapshot(
    policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
  ): Promise<CoordinatorSnapshot<P, S, D>> {
    const sim = this.#sim;
    return this.#enqueue(async () => {
      if (checkpointDue(sim, policy)) {
        const checkpoint = await takeCheckpoint(sim);
        if (checkpoint !== null) {
          sim.checkpoint = checkpoint;
          sim.inputs.clear();
        }
      }
      return {
        format: SNAPSHOT_FORMAT,
        version: SNAPSHOT_VERSION,
        config: sim.config,
        checkpoint: sim.checkpoint,
        inputs: sim.inputs.list(),
        nowMs: sim.nowMs,
        trace: { count: sim.trace.count, hash: sim.trace.hash },
        machines: this.status(),
      };
    });
  }

  /** Frees every host (terminates workers). Later calls reject. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const slot of this.#sim.slots.list()) {
      slot.host?.dispose();
      slot.host = undefined;
    }
  }

  #enqueue<T>(operation: () => Promise<T> | T): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error('the coordinator is disposed'));
    const run = this.#queue.then(operation);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
