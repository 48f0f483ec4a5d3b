import type { EngineApi } from '../api/engine';
import type {
  ClusterEvent,
  ClusterView,
  MachineView,
  PresetId,
  RaftView,
  RpcKind,
  RpcView,
} from '../api/read-model';
import { assert } from '../lib/assert';
import { uuidFromBytes } from '../lib/go-time';
import { Prng } from '../lib/prng';
import type { CoordinatorConfig, MachineStatus, RpcFlight, SimulationFrame } from './coordinator';
import { describeTraceEvent } from './describe';
import { MachineEngine } from './machine-engine';
import { presetById, type Preset } from './presets';
import type { SimulationPort } from './simulation-port';
import type { TraceEvent } from './trace';

/** The event log keeps this many events; older ones scroll away, as in a terminal. */
export const EVENT_LOG_CAPACITY = 500;

/** The epoch used when none is given: fixed, so tests and sweeps are repeatable. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 10, 25, 9, 0, 0);

const GIB = 1024 ** 3;

export interface PlaygroundOptions {
  readonly preset: PresetId;
  readonly seed: number;
  /**
   * The wall-clock instant at which virtual time 0 falls, in Unix milliseconds: the machines'
   * clocks read `epochMs + timeMs`. An input like any other, so a run replays exactly.
   */
  readonly epochMs: number;
}

/**
 * The coordinator's configuration for a preset. Until `docker swarm init` is simulated, a preset
 * that "forms a swarm" runs its managers as one Raft group from the start, and the no-swarm
 * preset runs no Raft at all.
 */
export function coordinatorConfig(options: PlaygroundOptions): CoordinatorConfig {
  const preset = presetById(options.preset);
  return {
    seed: options.seed,
    epochMs: options.epochMs,
    machines: preset.machines.map((machine) => ({
      hostname: machine.hostname,
      address: machine.address,
      role: preset.formsSwarm ? machine.intendedRole : 'worker',
    })),
  };
}

type Listener<T> = (value: T) => void;

/**
 * The cluster as the page sees it: the read model, each machine's docker daemon, and the event
 * stream, built from the frames of a running simulation (in a Web Worker in the browser,
 * in-process in tests). `advance` may be called every animation frame: while one advance is
 * still running, later requests are added up and run next, so the page never queues work faster
 * than the simulation does it.
 */
export class Playground {
  readonly #options: PlaygroundOptions;
  readonly #preset: Preset;
  readonly #port: SimulationPort;
  readonly #engines = new Map<string, MachineEngine>();
  readonly #viewListeners = new Set<Listener<ClusterView>>();
  readonly #rpcListeners = new Set<Listener<readonly RpcView[]>>();
  #statuses: readonly MachineStatus[] = [];
  #machineViews: readonly MachineView[] = [];
  #events: ClusterEvent[] = [];
  #eventSequence = 0;
  #timeMs = 0;
  #traceHash = '';
  #view: ClusterView | null = null;
  #pendingAdvanceMs = 0;
  #advancing: Promise<void> | null = null;

  private constructor(options: PlaygroundOptions, port: SimulationPort) {
    this.#options = options;
    this.#preset = presetById(options.preset);
    this.#port = port;
    const prng = new Prng(options.seed);
    for (const spec of this.#preset.machines) {
      this.#engines.set(
        spec.hostname,
        new MachineEngine({
          facts: {
            hostname: spec.hostname,
            engineId: uuidFromBytes(Array.from({ length: 16 }, () => prng.nextUint32() & 0xff)),
            cpuCount: 2,
            memoryBytes: 4 * GIB - 180 * 1024 ** 2,
            kernelAbi: 30,
          },
          isDaemonRunning: () => this.#daemonOf(spec.hostname) === 'running',
          isInSwarm: () => this.#preset.formsSwarm,
          nowEpochMs: () => this.#options.epochMs + this.#timeMs,
        }),
      );
    }
  }

  /** Wraps a simulation that was created (or restored) for these options. */
  static async start(options: PlaygroundOptions, port: SimulationPort): Promise<Playground> {
    const playground = new Playground(options, port);
    await playground.#takeFrame();
    return playground;
  }

  get options(): PlaygroundOptions {
    return this.#options;
  }

  get view(): ClusterView {
    this.#view ??= {
      preset: this.#options.preset,
      seed: this.#options.seed,
      timeMs: this.#timeMs,
      traceHash: this.#traceHash,
      machines: this.#machineViews,
      events: this.#events,
    };
    return this.#view;
  }

  hostnames(): string[] {
    return this.#preset.machines.map((machine) => machine.hostname);
  }

  engine(hostname: string): EngineApi {
    const engine = this.#engines.get(hostname);
    assert(engine !== undefined, `no machine ${hostname}`);
    return engine;
  }

  /** Moves virtual time on; resolves once the simulation has caught up with every request. */
  advance(milliseconds: number): Promise<void> {
    assert(milliseconds >= 0, 'time only moves forward');
    this.#pendingAdvanceMs += milliseconds;
    this.#advancing ??= this.#drainAdvances().finally(() => {
      this.#advancing = null;
    });
    return this.#advancing;
  }

  /** True while an advance is running: the page skips frames rather than pile them up. */
  get busy(): boolean {
    return this.#advancing !== null;
  }

  async setDaemon(hostname: string, daemon: 'running' | 'stopped'): Promise<void> {
    await this.#advancing;
    if (daemon === 'running') await this.#port.startDaemon(hostname);
    else await this.#port.stopDaemon(hostname);
    await this.#takeFrame();
  }

  snapshot(): Promise<unknown> {
    return this.#port.snapshot();
  }

  subscribe(listener: Listener<ClusterView>): () => void {
    this.#viewListeners.add(listener);
    return () => this.#viewListeners.delete(listener);
  }

  /** RPCs resolved since the last frame, batched once per frame, for the graph to animate. */
  subscribeRpcs(listener: Listener<readonly RpcView[]>): () => void {
    this.#rpcListeners.add(listener);
    return () => this.#rpcListeners.delete(listener);
  }

  dispose(): void {
    this.#viewListeners.clear();
    this.#rpcListeners.clear();
    this.#port.dispose();
  }

  async #drainAdvances(): Promise<void> {
    while (this.#pendingAdvanceMs > 0) {
      const step = this.#pendingAdvanceMs;
      this.#pendingAdvanceMs = 0;
      await this.#port.advanceBy(step);
      await this.#takeFrame();
    }
  }

  async #takeFrame(): Promise<void> {
    this.#apply(await this.#port.frame());
  }

  #apply(frame: SimulationFrame): void {
    const names = new Map(frame.machines.map((machine) => [machine.nodeId, machine.hostname]));
    const nameOf = (member: number): string => names.get(member) ?? `node ${member}`;
    const timeChanged = frame.nowMs !== this.#timeMs;
    this.#timeMs = frame.nowMs;
    this.#traceHash = frame.traceHash;
    const machinesChanged = this.#updateMachines(frame.machines);
    const eventsAdded = this.#recordEvents(frame.events, nameOf);
    if (frame.rpcs.length > 0 && this.#rpcListeners.size > 0) {
      const rpcs = frame.rpcs.flatMap(toRpcView);
      for (const listener of this.#rpcListeners) listener(rpcs);
    }
    if (timeChanged || machinesChanged || eventsAdded) this.#changed();
  }

  /** Keeps the machines list when nothing about a machine changed, so the graph stays put. */
  #updateMachines(statuses: readonly MachineStatus[]): boolean {
    const next = statuses.map((status) => toMachineView(status, this.#preset));
    const same =
      next.length === this.#machineViews.length &&
      next.every((view, i) => JSON.stringify(view) === JSON.stringify(this.#machineViews[i]));
    this.#statuses = statuses;
    if (same) return false;
    this.#machineViews = next;
    return true;
  }

  #recordEvents(events: readonly TraceEvent[], nameOf: (member: number) => string): boolean {
    const described = events.flatMap((event) => {
      const text = describeTraceEvent(event, nameOf);
      if (text === null) return [];
      return [{ timeMs: event.timeMs, kind: event.type, machine: nameOf(event.member), text }];
    });
    if (described.length === 0) return false;
    const numbered = described.map((event) => ({ sequence: ++this.#eventSequence, ...event }));
    this.#events = [...this.#events, ...numbered].slice(-EVENT_LOG_CAPACITY);
    return true;
  }

  #daemonOf(hostname: string): MachineStatus['daemon'] | undefined {
    return this.#statuses.find((status) => status.hostname === hostname)?.daemon;
  }

  #changed(): void {
    this.#view = null;
    if (this.#viewListeners.size === 0) return;
    const view = this.view;
    for (const listener of this.#viewListeners) listener(view);
  }
}

function toMachineView(status: MachineStatus, preset: Preset): MachineView {
  const spec = preset.machines.find((machine) => machine.hostname === status.hostname);
  return {
    hostname: status.hostname,
    address: status.address,
    daemon: status.daemon,
    swarmRole: preset.formsSwarm ? status.role : null,
    intendedRole: spec?.intendedRole ?? status.role,
    raft: toRaftView(status),
  };
}

function toRaftView(status: MachineStatus): RaftView | null {
  if (status.raft === null) return null;
  return {
    role: status.raft.role,
    term: status.raft.term,
    leader: status.raft.lead,
    commitIndex: status.raft.commit,
    lastIndex: status.raft.lastIndex,
  };
}

const RPC_KINDS: ReadonlySet<string> = new Set<RpcKind>([
  'MsgApp',
  'MsgAppResp',
  'MsgVote',
  'MsgVoteResp',
  'MsgPreVote',
  'MsgPreVoteResp',
  'MsgHeartbeat',
  'MsgHeartbeatResp',
  'MsgSnap',
  'MsgTimeoutNow',
]);

function isRpcKind(value: string): value is RpcKind {
  return RPC_KINDS.has(value);
}

function toRpcView(flight: RpcFlight): RpcView[] {
  if (!isRpcKind(flight.rpc)) return [];
  return [
    {
      timeMs: flight.sentAtMs,
      from: flight.from,
      to: flight.to,
      kind: flight.rpc,
      dropped: flight.outcome === 'dropped' ? (flight.reason ?? 'loss') : null,
    },
  ];
}
