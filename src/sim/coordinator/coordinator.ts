import { assert } from '../../lib/assert';
import { Prng } from '../../lib/prng';
import { defaultRaftOptions, type Message, type NodeId, type RaftOptions } from '../../raft';
import {
  DurableMirror,
  newMachineSnapshot,
  placementFor,
  type HostFactory,
  type MachineHost,
  type MachineOutput,
  type MachineSnapshot,
  type MachineSpec,
  type MachineStatusData,
  type Placement,
  type ReplicatedStateMachine,
} from '../machine';
import type { DaemonRequest, DaemonResponse } from '../daemon/calls';
import type { DaemonWire } from '../daemon/wire';
import { Network, defaultLinkOptions, type InFlight } from '../network';
import type { DropReason, TraceEvent } from '../trace';
import { FailureInjections, InputLog, type HostCall, type SimInput } from './inputs';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  SnapshotError,
  parseSnapshot,
  type CoordinatorSnapshot,
} from './snapshot';
import { EMPTY_TRACE_HASH, TraceLog } from './trace-log';
import {
  TICK_MS,
  type CoordinatorConfig,
  type CoordinatorOptions,
  type MachineInit,
  type MachineStatus,
  type ProposeResult,
  type RpcFlight,
  type SystemdAction,
  type SystemdUnit,
  type UnitsStatus,
} from './types';

/**
 * Daemon-to-daemon traffic travels the fabric beside Raft's messages, shaped like one (type,
 * from, to, term) so that the trace and the graph treat both alike.
 */
interface WirePacket {
  readonly type: 'DaemonRpc';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: 0;
  readonly wire: DaemonWire;
}

type Packet<P, S> = Message<P, S> | WirePacket;

function isWire<P, S>(packet: Packet<P, S>): packet is WirePacket {
  return packet.type === 'DaemonRpc';
}

/** The coordinator's view of one machine. */
interface Slot<P, S> {
  readonly spec: MachineSpec;
  /** Undefined after the host failed, until the daemon is started again. */
  host: MachineHost<P, S> | undefined;
  status: MachineStatusData;
  /** Infinity while the daemon is down: a stopped machine never ticks. */
  nextTickMs: number;
  /** The machine's disk as its host reported it: what rebuilds it after its host failed. */
  readonly mirror: DurableMirror<P, S>;
  /** Where the host runs the machine now. */
  placement: Placement;
  /** A placement a host could not be built for; not tried again until the role changes. */
  placementRefused: Placement | null;
  /** The host came from the replay's factory and moves to the run's as soon as it can. */
  rehost: boolean;
  failure: string | null;
  units: UnitsStatus;
  /** A call reached the listening socket of a stopped service: dockerd is starting. */
  activation: Activation | null;
}

interface Activation {
  readonly atMs: number;
  readonly calls: { readonly callId: string; readonly request: DaemonRequest }[];
}

/**
 * How long socket activation takes: systemd starts docker.service when a client connects to
 * docker.socket, and the client's request waits while dockerd starts (a second or two on a
 * small VM) before it is answered.
 */
export const SOCKET_ACTIVATION_MS = 2_000;

type Settled<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Zero-latency links may make messages due at the same instant; Raft settles long before this. */
const SAME_INSTANT_ROUNDS_MAX = 100_000;
const TRACE_BUFFER_MAX = 200_000;
const FLIGHT_BUFFER_MAX = 50_000;

/**
 * Owns virtual time for the whole cluster (DESIGN.md "Lockstep coordinator and network fabric").
 * It jumps from one due instant (a delivery or a tick) to the next, so idle time costs nothing;
 * at each instant it calls, in parallel, only the hosts that have something due; then it takes
 * their outputs in node-id order and routes every message through the seeded fabric. Since the
 * order of routing never depends on which host answered first, a seed and a list of inputs give
 * one trace, whether the hosts are in-process or Web Workers.
 *
 * Every public operation runs in a queue, one at a time, in call order: the page may ask for a
 * daemon stop while an advance is awaiting its hosts.
 */
export class Coordinator<P, S> {
  readonly #config: CoordinatorConfig;
  readonly #stateMachine: ReplicatedStateMachine<P, S>;
  #hostFactory: HostFactory<P, S>;
  readonly #raftOptions: RaftOptions;
  readonly #traceRpcs: boolean;
  readonly #prng: Prng;
  readonly #network: Network<Packet<P, S>, NodeId>;
  readonly #addresses = new Map<string, NodeId>();
  readonly #pendingCalls = new Map<string, (response: DaemonResponse) => void>();
  #nextCall = 1;
  readonly #slots = new Map<NodeId, Slot<P, S>>();
  readonly #ids = new Map<string, NodeId>();
  readonly #names = new Map<NodeId, string>();
  readonly #trace = new TraceLog({ hash: EMPTY_TRACE_HASH, count: 0, bufferMax: TRACE_BUFFER_MAX });
  readonly #inputs = new InputLog<P>();
  readonly #injections = new FailureInjections();
  #flights: RpcFlight[] = [];
  #nextNodeId: NodeId = 1;
  #nextProposal = 1;
  #nowMs = 0;
  #hostCalls = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  private constructor(options: CoordinatorOptions<P, S>, hostFactory: HostFactory<P, S>) {
    const { stateMachine, ...config } = options;
    this.#config = config;
    this.#stateMachine = stateMachine;
    this.#hostFactory = hostFactory;
    this.#raftOptions = { ...defaultRaftOptions, ...config.raftOptions };
    this.#traceRpcs = config.traceRpcs ?? true;
    this.#prng = new Prng(config.seed);
    this.#network = new Network({
      seed: this.#prng.nextUint32(),
      defaultLink: config.link ?? defaultLinkOptions,
    });
  }

  /** Installs the machines (node ids in list order), then starts every daemon at time 0. */
  static async create<P, S>(
    options: CoordinatorOptions<P, S>,
    hostFactory: HostFactory<P, S>,
  ): Promise<Coordinator<P, S>> {
    const coordinator = new Coordinator(options, hostFactory);
    await coordinator.#enqueue(() => coordinator.#boot(options.machines));
    return coordinator;
  }

  /**
   * Rebuilds a saved run by replaying its inputs on its config, and checks that the replay
   * reaches the saved trace hash. Throws SnapshotError for a corrupt or incompatible save.
   *
   * `replayFactory` builds the hosts the replay runs on, when that is faster than
   * `hostFactory` (in process rather than one Web Worker per manager: about ten times faster).
   * Each machine then moves to a host of `hostFactory` as soon as it can be exported, which
   * changes nothing in the run: the machines carry on, and no event is traced.
   */
  static async restore<P, S>(
    snapshot: unknown,
    hostFactory: HostFactory<P, S>,
    stateMachine: ReplicatedStateMachine<P, S>,
    replayFactory: HostFactory<P, S> = hostFactory,
  ): Promise<Coordinator<P, S>> {
    const save = parseSnapshot(snapshot, stateMachine.isPayload);
    const coordinator = await Coordinator.create({ ...save.config, stateMachine }, replayFactory);
    for (const input of save.inputs) {
      if (input.type === 'host-failed') {
        coordinator.#injections.add(input.atMs, input.hostname, input.call);
      }
    }
    try {
      for (const input of save.inputs) await coordinator.#replay(input);
      if (coordinator.#nowMs < save.nowMs)
        await coordinator.#enqueue(() => coordinator.#advanceTo(save.nowMs));
    } catch (error: unknown) {
      coordinator.dispose();
      if (error instanceof SnapshotError) throw error;
      throw new SnapshotError(`the save does not replay: ${String(error)}`);
    }
    const trace = coordinator.#trace;
    if (trace.hash !== save.trace.hash || trace.count !== save.trace.count) {
      coordinator.dispose();
      throw new SnapshotError('the save replays to a different cluster (another version?)');
    }
    if (replayFactory !== hostFactory) {
      coordinator.#hostFactory = hostFactory;
      for (const slot of coordinator.#slots.values()) slot.rehost = slot.host !== undefined;
      await coordinator.#enqueue(() => coordinator.#rehostPending());
    }
    return coordinator;
  }

  // ---- Queries (synchronous: they read what the hosts last reported) ----

  get nowMs(): number {
    return this.#nowMs;
  }

  get epochMs(): number {
    return this.#config.epochMs;
  }

  /** How many calls went to hosts so far; idle virtual time adds none. */
  get hostCallCount(): number {
    return this.#hostCalls;
  }

  status(): readonly MachineStatus[] {
    return [...this.#slots.values()].map((slot) => this.#view(slot));
  }

  /** The running leader with the highest term, if any. */
  leader(): string | undefined {
    let best: { hostname: string; term: number } | undefined;
    for (const slot of this.#slots.values()) {
      const raft = slot.status.raft;
      if (slot.status.daemon !== 'running' || raft?.role !== 'leader') continue;
      if (best === undefined || raft.term > best.term) {
        best = { hostname: slot.spec.hostname, term: raft.term };
      }
    }
    return best?.hostname;
  }

  /** The trace events since the last drain, in emission order. */
  drainTrace(): TraceEvent[] {
    return this.#trace.drain();
  }

  /** The messages resolved since the last drain, for the graph's moving dots. */
  drainRpcs(): RpcFlight[] {
    const flights = this.#flights;
    this.#flights = [];
    return flights;
  }

  /** A digest of every trace event so far; equal runs have equal hashes. */
  traceHash(): string {
    return this.#trace.hash;
  }

  get traceCount(): number {
    return this.#trace.count;
  }

  /**
   * `hostname`'s disk as its host last reported it: what the machine would restart from if its
   * host died now (daemon shown as `crashed`).
   */
  disk(hostname: string): MachineSnapshot<P, S> {
    return this.#require(hostname).mirror.snapshot('crashed');
  }

  inputs(): readonly SimInput<P>[] {
    return this.#inputs.list();
  }

  // ---- Inputs (queued, in call order) ----

  /** Runs everything due in the next `durationMs` of virtual time, as fast as the hosts allow. */
  advanceBy(durationMs: number): Promise<void> {
    assert(Number.isFinite(durationMs) && durationMs >= 0, 'advance by a finite, positive time');
    return this.#enqueue(() => this.#advanceTo(this.#nowMs + durationMs));
  }

  /** `systemctl stop docker`: the machine stops ticking and answering; its storage stays. */
  stopDaemon(hostname: string): Promise<boolean> {
    return this.#enqueue(() => this.#stop(hostname));
  }

  /** `systemctl start docker`, also on a crashed machine (whose host is then rebuilt). */
  startDaemon(hostname: string): Promise<boolean> {
    return this.#enqueue(() => this.#start(hostname));
  }

  /** Members in different groups cannot reach each other; machines in no group keep all links. */
  partition(groups: readonly (readonly string[])[]): Promise<void> {
    return this.#enqueue(() => {
      const ids = groups.map((group) =>
        group.map((hostname) => this.#require(hostname).spec.nodeId),
      );
      this.#inputs.record({
        type: 'partition',
        atMs: this.#nowMs,
        groups: groups.map((group) => [...group]),
      });
      this.#network.partition(ids);
      this.#emit({ type: 'network-partitioned', timeMs: this.#nowMs, member: 0, groups: ids });
    });
  }

  heal(): Promise<void> {
    return this.#enqueue(() => {
      this.#inputs.record({ type: 'heal', atMs: this.#nowMs });
      this.#network.heal();
      this.#emit({ type: 'network-healed', timeMs: this.#nowMs, member: 0 });
    });
  }

  /** A client write on `hostname`; only a leader accepts it (swarmkit forwards to the leader). */
  propose(hostname: string, payload: P): Promise<ProposeResult> {
    return this.#enqueue(() => this.#propose(hostname, payload));
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
    return this.#enqueue(() => this.#call(hostname, request));
  }

  /** Ctrl+C: the caller stops waiting; the answer, if it comes, is dropped. */
  cancelCall(callId: string): Promise<void> {
    return this.#enqueue(() => {
      const resolve = this.#pendingCalls.get(callId);
      if (resolve === undefined) return;
      this.#inputs.record({ type: 'cancel-call', atMs: this.#nowMs, callId });
      this.#pendingCalls.delete(callId);
      resolve({ status: 'cancelled' });
    });
  }

  /** `systemctl start|stop|restart` of docker.service and docker.socket on `hostname`. */
  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]): Promise<void> {
    return this.#enqueue(async () => {
      const slot = this.#require(hostname);
      this.#inputs.record({
        type: 'systemctl',
        atMs: this.#nowMs,
        hostname,
        action,
        units: [...units],
      });
      await this.#systemctl(slot, action, units);
    });
  }

  units(hostname: string): UnitsStatus {
    return this.#require(hostname).units;
  }

  /** Installs a machine and starts its daemon. A new manager knows no configuration yet. */
  addMachine(machine: MachineInit): Promise<void> {
    return this.#enqueue(async () => {
      this.#inputs.record({ type: 'add-machine', atMs: this.#nowMs, machine });
      const slot = await this.#install(machine, []);
      await this.#setDaemon(slot, 'running');
    });
  }

  /** Takes a machine away for good (its Raft membership is the swarm layer's business). */
  removeMachine(hostname: string): Promise<void> {
    return this.#enqueue(() => {
      const slot = this.#require(hostname);
      this.#inputs.record({ type: 'remove-machine', atMs: this.#nowMs, hostname });
      this.#slots.delete(slot.spec.nodeId);
      slot.host?.dispose();
      this.#emit({ type: 'member-removed', timeMs: this.#nowMs, member: slot.spec.nodeId });
    });
  }

  /** The whole run as plain data; `Coordinator.restore` continues it exactly. */
  snapshot(): Promise<CoordinatorSnapshot<P>> {
    return this.#enqueue(() => ({
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      config: this.#config,
      inputs: this.#inputs.list(),
      nowMs: this.#nowMs,
      trace: { count: this.#trace.count, hash: this.#trace.hash },
      machines: this.status(),
    }));
  }

  /** Frees every host (terminates workers). Later calls reject. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const slot of this.#slots.values()) {
      slot.host?.dispose();
      slot.host = undefined;
    }
  }

  // ---- The loop ----

  async #advanceTo(endMs: number): Promise<void> {
    this.#inputs.record({ type: 'advance', toMs: endMs });
    let rounds = 0;
    for (;;) {
      const atMs = this.#nextDueMs();
      if (atMs > endMs) break;
      rounds = atMs === this.#nowMs ? rounds + 1 : 0;
      assert(rounds < SAME_INSTANT_ROUNDS_MAX, `virtual time stuck at ${atMs} ms`);
      this.#nowMs = atMs;
      await this.#runInstant();
    }
    this.#nowMs = endMs;
  }

  #nextDueMs(): number {
    let dueMs = this.#network.nextDeliveryMs() ?? Infinity;
    for (const slot of this.#slots.values()) {
      dueMs = Math.min(dueMs, slot.nextTickMs, slot.activation?.atMs ?? Infinity);
    }
    return dueMs;
  }

  /** Delivers what is due now, ticks who is due now, then routes what they sent. */
  async #runInstant(): Promise<void> {
    await this.#activateDue();
    const batches = this.#collectDeliveries();
    const calls: { slot: Slot<P, S>; result: Promise<Settled<MachineOutput<P, S>>> }[] = [];
    for (const slot of this.#slots.values()) {
      const packets = batches.get(slot.spec.nodeId) ?? [];
      const tick = slot.nextTickMs <= this.#nowMs;
      if (tick) slot.nextTickMs += TICK_MS;
      if (packets.length === 0 && !tick) continue;
      const messages: Message<P, S>[] = [];
      const wires: DaemonWire[] = [];
      for (const packet of packets) {
        if (isWire(packet)) wires.push(packet.wire);
        else messages.push(packet);
      }
      const input =
        wires.length === 0
          ? { nowMs: this.#nowMs, messages, tick }
          : { nowMs: this.#nowMs, messages, tick, wires };
      calls.push({ slot, result: this.#invoke(slot, 'step', (host) => host.step(input)) });
    }
    const results = await Promise.all(calls.map((call) => call.result));
    for (const [i, call] of calls.entries()) {
      const result = results[i];
      assert(result !== undefined, 'one result per call');
      if (result.ok) this.#absorb(call.slot, result.value);
      else this.#fail(call.slot, 'step', result.error);
    }
    await this.#placeByRole();
    await this.#rehostPending();
  }

  /**
   * Moves machines replayed on in-process hosts to the hosts the run uses, each as soon as it
   * can be exported. A host change, not a role change: nothing is traced, and a host that
   * cannot be built leaves the machine where it is (in process, only slower).
   */
  async #rehostPending(): Promise<void> {
    const moves: Promise<void>[] = [];
    for (const slot of this.#slots.values()) {
      const host = slot.host;
      if (!slot.rehost) continue;
      if (host === undefined) {
        slot.rehost = false;
        continue;
      }
      let state: Awaited<ReturnType<MachineHost<P, S>['exportState']>>;
      try {
        state = await host.exportState();
      } catch {
        // The in-process host that answered every replayed call does not fail here; if it
        // did, the machine stays on it.
        slot.rehost = false;
        continue;
      }
      if (state === null) continue;
      slot.rehost = false;
      // Workers start in parallel: a worker takes ~150 ms to start, a restore moves them all.
      const source = { kind: 'moved', state } as const;
      moves.push(
        Promise.resolve(this.#hostFactory(source, slot.placement)).then(
          (built) => {
            slot.host = built;
            host.dispose();
          },
          () => undefined,
        ),
      );
    }
    await Promise.all(moves);
  }

  /**
   * Moves each machine whose role changed to the host its role asks for: a promoted machine into
   * a worker of its own, a demoted one back to the shared thread. The machine is exported between
   * two instants and carries on in the new host where it was, so the run is the same whether or
   * not hosts are workers; the move is in the trace. A machine whose daemon waits on a call in
   * flight cannot be exported yet and moves at a later instant.
   */
  async #placeByRole(): Promise<void> {
    for (const slot of this.#slots.values()) {
      const wanted = placementFor(slot.status.role);
      if (wanted === slot.placement) {
        slot.placementRefused = null;
        continue;
      }
      const host = slot.host;
      if (host === undefined || slot.placementRefused === wanted) continue;
      const exported = await this.#invoke(slot, 'export', (current) => current.exportState());
      if (!exported.ok) {
        this.#fail(slot, 'export', exported.error);
        continue;
      }
      const state = exported.value;
      if (state === null) continue;
      this.#emit({
        type: 'machine-moved',
        timeMs: this.#nowMs,
        member: slot.spec.nodeId,
        placement: wanted,
      });
      try {
        slot.host = await this.#hostFactory({ kind: 'moved', state }, wanted);
      } catch {
        // The old host still runs the machine, untouched by the export: it stays where it was,
        // and works, only in the other thread. `failure` is kept for a machine that is down.
        slot.placementRefused = wanted;
        continue;
      }
      host.dispose();
      slot.placement = wanted;
      slot.rehost = false;
    }
  }

  #collectDeliveries(): Map<NodeId, Packet<P, S>[]> {
    const batches = new Map<NodeId, Packet<P, S>[]>();
    for (;;) {
      const outcome = this.#network.deliverNext(this.#nowMs);
      if (outcome === undefined) return batches;
      const envelope = outcome.envelope;
      if (outcome.kind === 'dropped') {
        this.#traceDrop(envelope, 'partition');
        continue;
      }
      const target = this.#slots.get(envelope.to);
      // A stopped daemon receives nothing; swarmkit refuses messages from removed members.
      if (target?.status.daemon !== 'running' || !this.#slots.has(envelope.from)) {
        this.#traceDrop(envelope, 'member-down');
        continue;
      }
      this.#traceDelivered(envelope);
      const batch = batches.get(envelope.to);
      if (batch === undefined) batches.set(envelope.to, [envelope.message]);
      else batch.push(envelope.message);
    }
  }

  /** Takes one host's output: its status, its events, then its messages into the fabric. */
  #absorb(slot: Slot<P, S>, output: MachineOutput<P, S>): void {
    const wasRunning = slot.status.daemon === 'running';
    slot.status = output.status;
    if (output.durable !== undefined) slot.mirror.apply(output.durable);
    const running = output.status.daemon === 'running';
    // Daemons do not start in the same millisecond: each gets its own tick phase.
    if (running && !wasRunning)
      slot.nextTickMs = this.#nowMs + 1 + this.#prng.intInclusive(0, TICK_MS - 1);
    if (!running) slot.nextTickMs = Infinity;
    for (const event of output.events) this.#emit(event);
    for (const message of output.messages) this.#send(message);
    for (const wire of output.wires ?? []) this.#sendWire(slot, wire);
    for (const answer of output.answers ?? []) {
      const resolve = this.#pendingCalls.get(answer.callId);
      if (resolve === undefined) continue;
      this.#pendingCalls.delete(answer.callId);
      resolve(answer.response);
    }
  }

  /** Daemon traffic is addressed by IP; an address no machine has goes nowhere. */
  #sendWire(slot: Slot<P, S>, wire: DaemonWire): void {
    const to = this.#addresses.get(wire.to);
    if (to === undefined) return;
    this.#send({ type: 'DaemonRpc', from: slot.spec.nodeId, to, term: 0, wire });
  }

  #send(message: Packet<P, S>): void {
    const outcome = this.#network.send(message.from, message.to, message, this.#nowMs);
    if (outcome.kind === 'dropped') {
      const envelope = {
        from: message.from,
        to: message.to,
        message,
        sentAtMs: this.#nowMs,
        deliverAtMs: this.#nowMs,
        sequence: -1,
      };
      this.#traceDrop(envelope, outcome.reason);
    } else if (this.#traceRpcs) {
      this.#emit(rpcEvent('rpc-sent', message, this.#nowMs));
    }
  }

  // ---- Host calls and failures ----

  async #invoke<T>(
    slot: Slot<P, S>,
    call: HostCall,
    work: (host: MachineHost<P, S>) => Promise<T>,
  ): Promise<Settled<T>> {
    this.#hostCalls++;
    const host = slot.host;
    if (host === undefined) return { ok: false, error: new Error('the machine has no host') };
    if (this.#injections.take(this.#nowMs, slot.spec.hostname, call)) {
      return { ok: false, error: new Error('host failure replayed from the save') };
    }
    try {
      return { ok: true, value: await work(host) };
    } catch (error: unknown) {
      return { ok: false, error };
    }
  }

  /**
   * A host that threw or died: the machine shows as crashed and can be started again, from the
   * disk its host last reported (the mirror). The host is not asked: a dead worker cannot answer,
   * and a replay must rebuild the same disk whichever way the host failed.
   */
  #fail(slot: Slot<P, S>, call: HostCall, error: unknown): void {
    const hostname = slot.spec.hostname;
    this.#inputs.record({ type: 'host-failed', atMs: this.#nowMs, hostname, call });
    slot.host?.dispose();
    slot.host = undefined;
    slot.failure = error instanceof Error ? error.message : String(error);
    slot.status = { ...slot.status, daemon: 'crashed', raft: null };
    slot.nextTickMs = Infinity;
    this.#emit({ type: 'member-crashed', timeMs: this.#nowMs, member: slot.spec.nodeId });
  }

  async #setDaemon(slot: Slot<P, S>, daemon: 'running' | 'stopped'): Promise<boolean> {
    const input = { nowMs: this.#nowMs, daemon };
    const result = await this.#invoke(slot, 'set-daemon', (host) => host.setDaemon(input));
    if (!result.ok) {
      this.#fail(slot, 'set-daemon', result.error);
      return false;
    }
    this.#absorb(slot, result.value);
    return true;
  }

  async #stop(hostname: string): Promise<boolean> {
    const slot = this.#require(hostname);
    if (slot.status.daemon !== 'running' && slot.units.socket === 'inactive') return false;
    this.#inputs.record({ type: 'stop-daemon', atMs: this.#nowMs, hostname });
    // The graph's power control stops both units, so no call can socket-activate it.
    this.#setUnit(slot, 'service', 'inactive');
    this.#setUnit(slot, 'socket', 'inactive');
    if (slot.status.daemon !== 'running') return true;
    return this.#setDaemon(slot, 'stopped');
  }

  async #start(hostname: string): Promise<boolean> {
    const slot = this.#require(hostname);
    if (slot.status.daemon === 'running') return false;
    this.#inputs.record({ type: 'start-daemon', atMs: this.#nowMs, hostname });
    if (slot.host === undefined && !(await this.#rebuildHost(slot))) return false;
    slot.failure = null;
    this.#setUnit(slot, 'socket', 'active');
    const started = await this.#setDaemon(slot, 'running');
    this.#setUnit(slot, 'service', started ? 'active' : 'failed');
    return started;
  }

  async #propose(hostname: string, payload: P): Promise<ProposeResult> {
    const slot = this.#require(hostname);
    if (slot.status.daemon !== 'running') {
      return { accepted: false, index: 0, term: 0, reason: 'daemon-not-running', leader: null };
    }
    this.#inputs.record({ type: 'propose', atMs: this.#nowMs, hostname, payload });
    const input = { nowMs: this.#nowMs, proposalId: `p${this.#nextProposal++}`, payload };
    const result = await this.#invoke(slot, 'propose', (host) => host.propose(input));
    if (!result.ok) {
      this.#fail(slot, 'propose', result.error);
      return { accepted: false, index: 0, term: 0, reason: 'host-failed', leader: null };
    }
    this.#absorb(slot, result.value);
    const raft = result.value.status.raft;
    return {
      accepted: result.value.accepted,
      index: result.value.index,
      term: raft?.term ?? 0,
      reason: result.value.reason,
      leader: this.#name(raft?.lead ?? 0),
    };
  }

  async #call(
    hostname: string,
    request: DaemonRequest,
  ): Promise<{ callId: string; response: Promise<DaemonResponse> }> {
    const slot = this.#require(hostname);
    const callId = `c${this.#nextCall++}`;
    this.#inputs.record({ type: 'call', atMs: this.#nowMs, hostname, callId, request });
    const response = new Promise<DaemonResponse>((resolve) => {
      this.#pendingCalls.set(callId, resolve);
    });
    // Socket activation (semantics §13): a call through a listening socket starts the service,
    // and waits for it.
    if (
      slot.status.daemon !== 'running' &&
      slot.units.socket === 'active' &&
      slot.host !== undefined
    ) {
      slot.activation ??= { atMs: this.#nowMs + SOCKET_ACTIVATION_MS, calls: [] };
      slot.activation.calls.push({ callId, request });
      return { callId, response };
    }
    if (!isRunning(slot)) {
      this.#pendingCalls.delete(callId);
      return { callId, response: Promise.resolve({ status: 'connection' }) };
    }
    const input = { nowMs: this.#nowMs, callId, request };
    const result = await this.#invoke(slot, 'call', (host) => host.call(input));
    if (!result.ok) {
      this.#fail(slot, 'call', result.error);
      this.#pendingCalls.delete(callId);
      return { callId, response: Promise.resolve({ status: 'connection' }) };
    }
    this.#absorb(slot, result.value);
    return { callId, response };
  }

  /** Starts the daemons whose socket activation is due, then hands them the calls that waited. */
  async #activateDue(): Promise<void> {
    for (const slot of this.#slots.values()) {
      const activation = slot.activation;
      if (activation === null || activation.atMs > this.#nowMs) continue;
      slot.activation = null;
      if (
        slot.status.daemon !== 'running' &&
        slot.units.socket === 'active' &&
        slot.host !== undefined
      ) {
        const started = await this.#setDaemon(slot, 'running');
        if (started) this.#setUnit(slot, 'service', 'active');
      }
      for (const { callId, request } of activation.calls) {
        if (!this.#pendingCalls.has(callId)) continue;
        if (!isRunning(slot)) {
          this.#answer(callId, { status: 'connection' });
          continue;
        }
        const input = { nowMs: this.#nowMs, callId, request };
        const result = await this.#invoke(slot, 'call', (host) => host.call(input));
        if (result.ok) {
          this.#absorb(slot, result.value);
        } else {
          this.#fail(slot, 'call', result.error);
          this.#answer(callId, { status: 'connection' });
        }
      }
    }
  }

  #answer(callId: string, response: DaemonResponse): void {
    const resolve = this.#pendingCalls.get(callId);
    if (resolve === undefined) return;
    this.#pendingCalls.delete(callId);
    resolve(response);
  }

  async #systemctl(
    slot: Slot<P, S>,
    action: SystemdAction,
    units: readonly SystemdUnit[],
  ): Promise<void> {
    const service = units.includes('docker.service');
    const socket = units.includes('docker.socket');
    if (action === 'stop' || action === 'restart') {
      if (service) {
        if (slot.status.daemon === 'running') await this.#setDaemon(slot, 'stopped');
        this.#setUnit(slot, 'service', 'inactive');
      }
      if (socket) this.#setUnit(slot, 'socket', 'inactive');
    }
    if (action === 'start' || action === 'restart') {
      if (socket) this.#setUnit(slot, 'socket', 'active');
      if (service) {
        if (slot.host === undefined && (await this.#rebuildHost(slot))) slot.failure = null;
        if (slot.host !== undefined && slot.status.daemon !== 'running') {
          await this.#setDaemon(slot, 'running');
        }
        this.#setUnit(slot, 'service', isRunning(slot) ? 'active' : 'failed');
      }
    }
  }

  #setUnit(
    slot: Slot<P, S>,
    unit: 'service' | 'socket',
    state: 'active' | 'inactive' | 'failed',
  ): void {
    const units = slot.units;
    if (unit === 'service') {
      if (units.service === state) return;
      slot.units = { ...units, service: state, serviceSinceMs: this.#nowMs };
    } else {
      const socketState = state === 'failed' ? 'inactive' : state;
      if (units.socket === socketState) return;
      slot.units = { ...units, socket: socketState, socketSinceMs: this.#nowMs };
    }
  }

  // ---- Machines ----

  async #boot(machines: readonly MachineInit[]): Promise<void> {
    const managerIds = machines.flatMap((machine, i) =>
      machine.role === 'manager' ? [i + 1] : [],
    );
    const slots: Slot<P, S>[] = [];
    for (const machine of machines) slots.push(await this.#install(machine, managerIds));
    const started = await Promise.all(
      slots.map((slot) =>
        this.#invoke(slot, 'set-daemon', (host) => host.setDaemon({ nowMs: 0, daemon: 'running' })),
      ),
    );
    for (const [i, slot] of slots.entries()) {
      const result = started[i];
      assert(result !== undefined, 'one result per machine');
      if (result.ok) this.#absorb(slot, result.value);
      else this.#fail(slot, 'set-daemon', result.error);
    }
  }

  /** A fresh host for a crashed machine, built from its mirrored disk where its role asks. */
  async #rebuildHost(slot: Slot<P, S>): Promise<boolean> {
    const placement = placementFor(slot.mirror.hasStorage ? 'manager' : 'worker');
    try {
      const snapshot = slot.mirror.snapshot('crashed');
      slot.host = await this.#hostFactory({ kind: 'disk', snapshot }, placement);
    } catch (error: unknown) {
      slot.failure = error instanceof Error ? error.message : String(error);
      return false;
    }
    slot.placement = placement;
    slot.placementRefused = null;
    return true;
  }

  /** Assigns the next node id, builds the machine's host and records the slot. */
  async #install(machine: MachineInit, voters: readonly NodeId[]): Promise<Slot<P, S>> {
    assert(!this.#ids.has(machine.hostname), `hostname ${machine.hostname} is taken`);
    const spec: MachineSpec = {
      ...machine,
      nodeId: this.#nextNodeId++,
      epochMs: this.#config.epochMs,
    };
    const recovery = newMachineSnapshot({
      spec,
      voters,
      raftOptions: this.#raftOptions,
      seed: this.#prng.nextUint32(),
      stateMachine: this.#stateMachine,
    });
    this.#ids.set(spec.hostname, spec.nodeId);
    this.#names.set(spec.nodeId, spec.hostname);
    this.#addresses.set(spec.address, spec.nodeId);
    const slot: Slot<P, S> = {
      spec,
      host: undefined,
      status: { ...spec, daemon: 'stopped', raft: null, durable: null },
      nextTickMs: Infinity,
      mirror: new DurableMirror(recovery),
      placement: placementFor(recovery.storage === null ? 'worker' : 'manager'),
      placementRefused: null,
      rehost: false,
      failure: null,
      units: { service: 'active', socket: 'active', serviceSinceMs: 0, socketSinceMs: 0 },
      activation: null,
    };
    this.#slots.set(spec.nodeId, slot);
    try {
      slot.host = await this.#hostFactory({ kind: 'disk', snapshot: recovery }, slot.placement);
    } catch (error: unknown) {
      slot.failure = error instanceof Error ? error.message : String(error);
    }
    return slot;
  }

  #require(hostname: string): Slot<P, S> {
    const id = this.#ids.get(hostname);
    const slot = id === undefined ? undefined : this.#slots.get(id);
    if (slot === undefined) throw new Error(`no machine named ${hostname}`);
    return slot;
  }

  #name(id: NodeId): string | null {
    return this.#names.get(id) ?? null;
  }

  #view(slot: Slot<P, S>): MachineStatus {
    const { status } = slot;
    const raft = status.raft;
    return {
      hostname: status.hostname,
      address: status.address,
      nodeId: status.nodeId,
      daemon: status.daemon,
      role: status.role,
      raft:
        raft === null
          ? null
          : {
              role: raft.role,
              term: raft.term,
              lead: this.#name(raft.lead),
              commit: raft.commit,
              lastIndex: raft.lastIndex,
              applied: raft.applied,
            },
      durable: status.durable,
      failure: slot.failure,
      units: slot.units,
      placement: slot.placement,
      ...(status.swarm === undefined ? {} : { swarm: status.swarm }),
    };
  }

  // ---- Replay ----

  async #replay(input: SimInput<P>): Promise<void> {
    if (input.type !== 'advance' && input.type !== 'host-failed' && input.atMs !== this.#nowMs) {
      throw new SnapshotError(`the save's ${input.type} input is out of time order`);
    }
    switch (input.type) {
      case 'advance':
        return this.#enqueue(() => this.#advanceTo(input.toMs));
      case 'stop-daemon':
        await this.stopDaemon(input.hostname);
        return;
      case 'start-daemon':
        await this.startDaemon(input.hostname);
        return;
      case 'partition':
        return this.partition(input.groups);
      case 'heal':
        return this.heal();
      case 'propose':
        await this.propose(input.hostname, input.payload);
        return;
      case 'add-machine':
        return this.addMachine(input.machine);
      case 'remove-machine':
        return this.removeMachine(input.hostname);
      case 'call':
        await this.#enqueue(() => this.#call(input.hostname, input.request));
        return;
      case 'cancel-call':
        return this.cancelCall(input.callId);
      case 'systemctl':
        return this.systemctl(input.hostname, input.action, input.units);
      case 'host-failed':
        // Injected where it happened (see restore); nothing to do in sequence.
        return;
    }
  }

  // ---- Trace ----

  #emit(event: TraceEvent): void {
    this.#trace.emit(event);
  }

  #traceDelivered(envelope: InFlight<Packet<P, S>, NodeId>): void {
    if (!this.#traceRpcs) return;
    this.#emit(rpcEvent('rpc-delivered', envelope.message, this.#nowMs));
    this.#flight(envelope, 'delivered', null);
  }

  #traceDrop(envelope: InFlight<Packet<P, S>, NodeId>, reason: DropReason): void {
    if (!this.#traceRpcs) return;
    const { message } = envelope;
    this.#emit({
      type: 'rpc-dropped',
      timeMs: this.#nowMs,
      member: message.from,
      to: message.to,
      rpc: message.type,
      term: message.term,
      reason,
    });
    this.#flight(envelope, 'dropped', reason);
  }

  #flight(
    envelope: InFlight<Packet<P, S>, NodeId>,
    outcome: RpcFlight['outcome'],
    reason: DropReason | null,
  ): void {
    this.#flights.push({
      sequence: envelope.sequence,
      from: this.#name(envelope.from) ?? String(envelope.from),
      to: this.#name(envelope.to) ?? String(envelope.to),
      rpc: envelope.message.type,
      term: envelope.message.term,
      sentAtMs: envelope.sentAtMs,
      resolvedAtMs: this.#nowMs,
      outcome,
      reason,
    });
    if (this.#flights.length > FLIGHT_BUFFER_MAX) this.#flights.splice(0, FLIGHT_BUFFER_MAX >> 1);
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

/** Read through a function so that TypeScript does not keep a narrowing across an await. */
function isRunning<P, S>(slot: Slot<P, S>): boolean {
  return slot.status.daemon === 'running';
}

function rpcEvent<P, S>(
  type: 'rpc-sent' | 'rpc-delivered',
  message: Packet<P, S>,
  nowMs: number,
): TraceEvent {
  return {
    type,
    timeMs: nowMs,
    member: message.from,
    to: message.to,
    rpc: message.type,
    term: message.term,
  };
}
