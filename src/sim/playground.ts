import { isReadRequest, type AnyFileAnswer, type FileRequest } from '../lib/filesystem';
import type { RaftLogView } from './raft-log-view';
import type { EngineApi } from '../api/engine';
import type { InitRequest } from '../api/swarm';
import type {
  ClusterView,
  MachineView,
  PendingTask,
  PresetId,
  RaftView,
  RpcView,
  TaskChip,
} from './read-model';
import { assert } from '../lib/assert';
import { isMessageType } from '../raft';
import { uuidFromBytes } from '../lib/uuid';
import { Prng } from '../lib/prng';
import type { CancelSignal } from '../lib/cancel';
import type { VirtualClock } from '../lib/virtual-clock';
import type {
  CoordinatorConfig,
  MachineStatus,
  RpcFlight,
  SimulationFrame,
  SystemdAction,
  SystemdUnit,
  UnitsStatus,
} from './coordinator';
import { isOkResponseTo, type DaemonRequest, type DaemonResponse } from '../api/operations';
import type { SwarmNodeView } from '../machine-api';
import { EventLog, type EventLogData } from './event-log';
import { MachineEngine } from './machine-engine';
import { LAB_KERNEL_ABI } from '../swarm/node/system-info';
import { MAX_PER_ROLE, labAddress, presetById, type Preset } from './presets';
import type { SimulationPort } from './simulation-port';

// Still exported from here, where it was defined before the event log had a module.
export { EVENT_LOG_CAPACITY } from './event-log';

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
 * The coordinator's configuration for a preset. Every machine starts with a daemon in no swarm:
 * the swarm decides roles and Raft membership (`formSwarm` builds a preset's swarm with the
 * same calls a learner would type).
 */
export function coordinatorConfig(options: PlaygroundOptions): CoordinatorConfig {
  const preset = presetById(options.preset);
  return {
    seed: options.seed,
    epochMs: options.epochMs,
    machines: preset.machines.map((machine) => ({
      hostname: machine.hostname,
      address: machine.address,
      role: 'worker',
    })),
  };
}

type Listener<T> = (value: T) => void;

/**
 * A save of the page's cluster: the simulation's snapshot, and what the playground keeps that
 * the simulation does not (the event log as told so far, and the groups of a partition).
 */
export interface PlaygroundSave {
  readonly simulation: unknown;
  readonly playground: PlaygroundState;
}

export interface PlaygroundState {
  readonly eventLog: EventLogData;
  readonly partition: readonly (readonly string[])[] | null;
}

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
  #log = new EventLog();
  /** Frames taken but not applied yet (they wait for a save): a save's log includes them. */
  readonly #arrived: SimulationFrame[] = [];
  #timeMs = 0;
  /** Programs waiting on virtual time (`clock.sleep`). */
  readonly #sleepers = new Set<Sleeper>();
  #traceHash = '';
  #view: ClusterView | null = null;
  /** The groups the page split the network into, or null while it is whole. */
  #partition: string[][] | null = null;
  #pendingAdvanceMs = 0;
  /** The time the step in flight covers: it is not in `#timeMs` until its frame is applied. */
  #inFlightMs = 0;
  /** The loop that sends the pending time in steps, while there is some. */
  #advancing: Promise<void> | null = null;
  /** Who waits on `advance`: until a frame shows `untilMs`. */
  readonly #advanceWaiters: {
    readonly untilMs: number;
    readonly resolve: () => void;
    readonly reject: (error: unknown) => void;
  }[] = [];
  /** The step in flight (its advance and its frame): inputs go in after it. */
  #stepping: Promise<void> = Promise.resolve();
  #callTokens = 0;
  /** Writes the run down after an input; set by the page (`persistInputs`). */
  #persist: (() => Promise<void>) | null = null;
  /** The writes asked so far, in order: no frame is shown before the latest is done. */
  #persisting: Promise<void> = Promise.resolve();

  private constructor(options: PlaygroundOptions, port: SimulationPort) {
    this.#options = options;
    this.#preset = presetById(options.preset);
    this.#port = port;
  }

  /**
   * Wraps a simulation that was created (or restored) for these options; `saved` is the
   * playground's part of the save it was restored from (unreadable: a new event log).
   */
  static async start(
    options: PlaygroundOptions,
    port: SimulationPort,
    saved: unknown = null,
  ): Promise<Playground> {
    const playground = new Playground(options, port);
    playground.#takeBack(saved);
    await playground.#takeFrame();
    const fresh =
      playground.#timeMs === 0 &&
      playground.#statuses.every(
        (status) => (status.swarm?.localNodeState ?? 'inactive') === 'inactive',
      );
    if (playground.#preset.formsSwarm && fresh) await playground.#formSwarm();
    return playground;
  }

  /**
   * Builds the preset's swarm as PWD's templates do, with the calls a learner would type:
   * `docker swarm init` on manager1, then `docker swarm join` with the manager or worker token
   * on every other machine. They are ordinary recorded inputs, so a save replays them.
   */
  async #formSwarm(): Promise<void> {
    const [first, ...rest] = this.#preset.machines;
    if (first === undefined) return;
    const init = await this.#settle(
      this.call(first.hostname, { op: 'swarmInit', request: formInitRequest(first.address) }),
    );
    if (init.status !== 'ok') return;
    const inspect = await this.#settle(this.call(first.hostname, { op: 'swarmInspect' }));
    if (!isOkResponseTo('swarmInspect', inspect)) return;
    const swarm = inspect.value;
    for (const machine of rest) {
      const token =
        machine.intendedRole === 'manager' ? swarm.JoinTokens.Manager : swarm.JoinTokens.Worker;
      await this.#settle(
        this.call(machine.hostname, {
          op: 'swarmJoin',
          request: {
            ListenAddr: '0.0.0.0:2377',
            AdvertiseAddr: '',
            DataPathAddr: '',
            RemoteAddrs: [`${first.address}:2377`],
            JoinToken: token,
            Availability: '',
          },
        }),
      );
    }
    // Let every agent register with the dispatcher, so the first `docker node ls` shows Ready.
    await this.#port.advanceBy(6_000);
    await this.#takeFrame();
  }

  /** Advances virtual time in small steps until `pending` settles (at most a virtual minute). */
  async #settle<T>(pending: Promise<T>): Promise<T> {
    const state = { done: false };
    const result = pending.finally(() => {
      state.done = true;
    });
    for (let step = 0; step < 600 && !state.done; step++) {
      await this.#port.advanceBy(100);
      await Promise.resolve();
    }
    return result;
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
      events: this.#log.events,
      partition: this.#partition,
    };
    return this.#view;
  }

  /** The machines that exist now: the preset's, plus any added, less any removed. */
  hostnames(): string[] {
    return this.#statuses.map((status) => status.hostname);
  }

  /**
   * Virtual time as the machines' programs see it: a sleep resolves once a frame shows virtual
   * time past its end, so a paused simulation holds it and 50× hurries it.
   */
  readonly clock: VirtualClock = {
    nowEpochMs: () => this.#options.epochMs + this.#timeMs,
    sleep: (ms, cancel) =>
      new Promise((resolve) => {
        if (cancel.cancelled) {
          resolve();
          return;
        }
        const sleeper: Sleeper = { untilMs: this.#timeMs + ms, wake: () => undefined };
        const dispose = cancel.onCancel(() => {
          sleeper.wake();
        });
        sleeper.wake = () => {
          dispose();
          this.#sleepers.delete(sleeper);
          resolve();
        };
        this.#sleepers.add(sleeper);
      }),
  };

  engine(hostname: string): EngineApi {
    assert(this.hostnames().includes(hostname), `no machine ${hostname}`);
    let engine = this.#engines.get(hostname);
    if (engine === undefined) {
      engine = this.#newEngine(hostname);
      this.#engines.set(hostname, engine);
    }
    return engine;
  }

  /**
   * Adds a machine as a lab host that is in no swarm yet: the next free `manager<N>` or
   * `worker<N>` with its stable address. Returns its hostname, or an error sentence.
   */
  async addMachine(role: 'manager' | 'worker'): Promise<{ hostname: string } | { error: string }> {
    const taken = new Set(this.hostnames());
    let index = 1;
    while (taken.has(`${role}${index}`)) index++;
    if (index > MAX_PER_ROLE[role]) {
      return { error: `the lab network has room for ${MAX_PER_ROLE[role]} ${role}s` };
    }
    const hostname = `${role}${index}`;
    await this.#stepping.catch(() => undefined);
    await this.#port.addMachine({
      hostname,
      address: labAddress(role, index),
      role: 'worker',
    });
    this.#inputGiven();
    await this.#takeFrame();
    return { hostname };
  }

  /** Takes a machine away for good; the swarm sees it stop answering, as a deleted VM. */
  async removeMachine(hostname: string): Promise<{ removed: true } | { error: string }> {
    if (!this.hostnames().includes(hostname)) return { error: `no machine named ${hostname}` };
    if (this.hostnames().length === 1) return { error: 'the last machine cannot be removed' };
    await this.#stepping.catch(() => undefined);
    await this.#port.removeMachine(hostname);
    this.#inputGiven();
    this.#engines.delete(hostname);
    await this.#takeFrame();
    return { removed: true };
  }

  /** A machine's daemon as the CLI reaches it; its engine ID is fixed by the seed and name. */
  #newEngine(hostname: string): MachineEngine {
    const prng = new Prng((this.#options.seed ^ stableNameHash(hostname)) >>> 0);
    return new MachineEngine({
      facts: {
        hostname,
        engineId: uuidFromBytes(Array.from({ length: 16 }, () => prng.nextUint32() & 0xff)),
        cpuCount: 2,
        memoryBytes: 4 * GIB - 180 * 1024 ** 2,
        kernelAbi: LAB_KERNEL_ABI,
      },
      call: (request, cancel) => this.call(hostname, request, cancel),
      nowEpochMs: () => this.#options.epochMs + this.#timeMs,
    });
  }

  /**
   * From now on, every input (a call, its cancel, a fault, a machine added or removed) is
   * written down with `persist` before its effect is shown: no frame is applied, and no answer
   * returned, until the write that holds it is done. A reload straight after a command keeps it.
   * `persist` must take a snapshot of the simulation then; its failures are its own business.
   */
  persistInputs(persist: () => Promise<void>): void {
    this.#persist = persist;
  }

  /** An input was just handed to the simulation: write the run down behind it. */
  #inputGiven(): void {
    const persist = this.#persist;
    if (persist === null) return;
    // The snapshot is asked after the input in the simulation's queue, so it holds it.
    this.#persisting = this.#persisting.then(persist).catch(() => undefined);
  }

  /**
   * Moves virtual time on; resolves once a frame shows the time this request (and every one
   * before it) asked for. Not once nothing is pending: while time plays on a cluster that takes
   * longer than a frame to step, the page adds time at every frame and the queue never empties.
   */
  advance(milliseconds: number): Promise<void> {
    assert(milliseconds >= 0, 'time only moves forward');
    this.#pendingAdvanceMs += milliseconds;
    const untilMs = this.#timeMs + this.#inFlightMs + this.#pendingAdvanceMs;
    const reached = new Promise<void>((resolve, reject) => {
      this.#advanceWaiters.push({ untilMs, resolve, reject });
    });
    this.#advancing ??= this.#drainAdvances().then(
      () => {
        this.#advancing = null;
        this.#answerAdvances(null);
      },
      (error: unknown) => {
        this.#advancing = null;
        this.#answerAdvances(error);
      },
    );
    return reached;
  }

  /**
   * Resolves the advances whose time a frame has shown (all of them once the loop has ended),
   * or rejects them all with the loop's `error`.
   */
  #answerAdvances(error: unknown): void {
    const ended = this.#advancing === null;
    const waiters = this.#advanceWaiters.splice(0);
    for (const waiter of waiters) {
      if (ended && error !== null) waiter.reject(error);
      else if (ended || waiter.untilMs <= this.#timeMs) waiter.resolve();
      else this.#advanceWaiters.push(waiter);
    }
  }

  /** True while an advance is running: the page skips frames rather than pile them up. */
  get busy(): boolean {
    return this.#advancing !== null;
  }

  /**
   * An Engine API call on `hostname`'s daemon. It waits for the daemon's answer while the page
   * keeps advancing time; Ctrl+C (`cancel`) stops the wait.
   */
  async call(
    hostname: string,
    request: DaemonRequest,
    cancel: CancelSignal | null = null,
  ): Promise<DaemonResponse> {
    if (cancel?.cancelled === true) return { status: 'cancelled' };
    const token = `t${++this.#callTokens}`;
    const dispose = cancel?.onCancel(() => {
      void this.#port.cancelCall(token);
      this.#inputGiven();
    });
    try {
      const answer = this.#port.call(hostname, request, token);
      this.#inputGiven();
      const response = await answer;
      await this.#persisting;
      return response;
    } finally {
      dispose?.();
      void this.#takeFrame();
    }
  }

  /** `systemctl start|stop|restart` of docker.service and/or docker.socket. */
  async systemctl(
    hostname: string,
    action: SystemdAction,
    units: readonly SystemdUnit[],
  ): Promise<void> {
    await this.#port.systemctl(hostname, action, units);
    this.#inputGiven();
    await this.#takeFrame();
  }

  /**
   * A request of `hostname`'s own files. A change is an input: it is written down before its
   * answer returns, as a call is, so a reload straight after `echo x > f` keeps the file.
   */
  async files(hostname: string, request: FileRequest): Promise<AnyFileAnswer> {
    const answer = await this.#port.files(hostname, request);
    if (isReadRequest(request)) return answer;
    this.#inputGiven();
    await this.#persisting;
    return answer;
  }

  /**
   * `hostname`'s Raft log as its disk holds it, for the graph's log panel: a look, not an
   * input, so it changes nothing and is not saved.
   */
  raftLog(hostname: string): Promise<RaftLogView | null> {
    return this.#port.raftLog(hostname);
  }

  /** The two units as `systemctl status` shows them, from the last frame. */
  units(hostname: string): UnitsStatus {
    const status = this.#statuses.find((candidate) => candidate.hostname === hostname);
    assert(status !== undefined, `no machine ${hostname}`);
    return status.units;
  }

  /** Splits the network into groups that cannot reach each other; an input like any other. */
  async partition(groups: readonly (readonly string[])[]): Promise<void> {
    await this.#stepping.catch(() => undefined);
    await this.#port.partition(groups);
    this.#inputGiven();
    this.#partition = groups.map((group) => [...group]);
    await this.#takeFrame();
    this.#changed();
  }

  async heal(): Promise<void> {
    await this.#stepping.catch(() => undefined);
    await this.#port.heal();
    this.#inputGiven();
    this.#partition = null;
    await this.#takeFrame();
    this.#changed();
  }

  async setDaemon(hostname: string, daemon: 'running' | 'stopped'): Promise<void> {
    await this.#stepping.catch(() => undefined);
    if (daemon === 'running') await this.#port.startDaemon(hostname);
    else await this.#port.stopDaemon(hostname);
    this.#inputGiven();
    await this.#takeFrame();
  }

  /**
   * The whole cluster as plain data. The log in it has read the same trace events as the
   * simulation's snapshot: those of every frame that arrived before the snapshot did, applied
   * or not, since a frame drains the trace as it is taken.
   */
  async snapshot(): Promise<PlaygroundSave> {
    const simulation = await this.#port.snapshot();
    const log = this.#log.copy();
    for (const frame of this.#arrived) log.read(frame.events, frame.traceCount, namesOf(frame));
    return {
      simulation,
      playground: { eventLog: log.toData(), partition: this.#partition },
    };
  }

  #takeBack(saved: unknown): void {
    if (typeof saved !== 'object' || saved === null) return;
    const state: Partial<Record<keyof PlaygroundState, unknown>> = saved;
    this.#log = EventLog.fromData(state.eventLog) ?? new EventLog();
    const partition = state.partition;
    if (
      Array.isArray(partition) &&
      partition.every(
        (group) => Array.isArray(group) && group.every((name) => typeof name === 'string'),
      )
    ) {
      this.#partition = partition.map((group: string[]) => [...group]);
    }
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
      this.#inFlightMs = step;
      this.#stepping = (async () => {
        await this.#port.advanceBy(step);
        await this.#takeFrame();
      })();
      try {
        await this.#stepping;
      } finally {
        this.#inFlightMs = 0;
      }
      // More to run: who asked for no more than this step covered may go on now.
      if (this.#pendingAdvanceMs > 0) this.#answerAdvances(null);
    }
  }

  async #takeFrame(): Promise<void> {
    const frame = await this.#port.frame();
    this.#arrived.push(frame);
    await this.#persisting;
    // Frames are applied in the order they arrived: each waits on the saves asked before it.
    this.#arrived.splice(this.#arrived.indexOf(frame), 1);
    this.#apply(frame);
  }

  #apply(frame: SimulationFrame): void {
    const timeChanged = frame.nowMs !== this.#timeMs;
    this.#timeMs = frame.nowMs;
    for (const sleeper of [...this.#sleepers]) if (sleeper.untilMs <= frame.nowMs) sleeper.wake();
    this.#traceHash = frame.traceHash;
    const machinesChanged = this.#updateMachines(frame.machines);
    const eventsAdded = this.#log.read(frame.events, frame.traceCount, namesOf(frame));
    if (frame.rpcs.length > 0 && this.#rpcListeners.size > 0) {
      const rpcs = frame.rpcs.flatMap(toRpcView);
      for (const listener of this.#rpcListeners) listener(rpcs);
    }
    if (timeChanged || machinesChanged || eventsAdded) this.#changed();
  }

  /** Keeps the machines list when nothing about a machine changed, so the graph stays put. */
  #updateMachines(statuses: readonly MachineStatus[]): boolean {
    const leaderNodes = leaderNodeViews(statuses);
    const next = statuses.map((status) => toMachineView(status, this.#preset, leaderNodes));
    const same =
      next.length === this.#machineViews.length &&
      next.every((view, i) => JSON.stringify(view) === JSON.stringify(this.#machineViews[i]));
    this.#statuses = statuses;
    if (same) return false;
    this.#machineViews = next;
    return true;
  }

  #changed(): void {
    this.#view = null;
    if (this.#viewListeners.size === 0) return;
    const view = this.view;
    for (const listener of this.#viewListeners) listener(view);
  }
}

/** A frame's node ids by hostname, for the log's sentences. */
function namesOf(frame: SimulationFrame): (member: number) => string {
  const names = new Map(frame.machines.map((machine) => [machine.nodeId, machine.hostname]));
  return (member) => names.get(member) ?? `node ${member}`;
}

function formInitRequest(address: string): InitRequest {
  return {
    ListenAddr: '0.0.0.0:2377',
    AdvertiseAddr: address,
    DataPathAddr: '',
    DataPathPort: 0,
    ForceNewCluster: false,
    Spec: {
      Labels: {},
      Orchestration: {},
      Raft: { ElectionTick: 10, HeartbeatTick: 1 },
      Dispatcher: {},
      CAConfig: {},
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    },
    AutoLockManagers: false,
    Availability: '',
    DefaultAddrPool: [],
    SubnetSize: 0,
  };
}

const MANAGER_STATUS = {
  Leader: 'leader',
  Reachable: 'reachable',
  Unreachable: 'unreachable',
  none: null,
} as const;

/**
 * The node table of the leader, as the graph shows STATUS and MANAGER STATUS. A partition may
 * leave a stale leader behind for a while (until CheckQuorum), so the highest term wins.
 */
function leaderNodeViews(statuses: readonly MachineStatus[]): readonly SwarmNodeView[] | null {
  let best: { term: number; nodes: readonly SwarmNodeView[] } | null = null;
  for (const status of statuses) {
    const nodes = status.swarm?.nodes ?? null;
    if (nodes === null || status.daemon !== 'running') continue;
    const term = status.raft?.term ?? 0;
    if (best === null || term > best.term) best = { term, nodes };
  }
  return best?.nodes ?? null;
}

/** FNV-1a over a hostname, to give each machine its own engine-ID stream under one seed. */
function stableNameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function toMachineView(
  status: MachineStatus,
  preset: Preset,
  leaderNodes: readonly SwarmNodeView[] | null,
): MachineView {
  const spec = preset.machines.find((machine) => machine.hostname === status.hostname);
  const namedRole = status.hostname.startsWith('manager') ? 'manager' : 'worker';
  const nodeId = status.swarm?.nodeId ?? null;
  const node =
    nodeId === null ? undefined : leaderNodes?.find((candidate) => candidate.nodeId === nodeId);
  return {
    hostname: status.hostname,
    address: status.address,
    daemon: status.daemon,
    swarmRole: status.swarm?.role ?? null,
    locked: status.swarm?.localNodeState === 'locked',
    controlAvailable: status.swarm?.controlAvailable ?? false,
    intendedRole: spec?.intendedRole ?? namedRole,
    raft: toRaftView(status),
    thread: status.placement,
    nodeStatus: node?.state ?? null,
    managerStatus: MANAGER_STATUS[node?.managerStatus ?? 'none'],
    availability: node?.availability ?? null,
    tasks: taskChips(status),
    pendingTasks: pendingTasks(status),
  };
}

function pendingTasks(status: MachineStatus): PendingTask[] {
  return (status.swarm?.pending ?? []).map(({ taskId, name, error, nodes }) => ({
    taskId,
    name,
    error,
    nodes,
  }));
}

function taskChips(status: MachineStatus): TaskChip[] {
  return (status.swarm?.tasks ?? []).map((task) => ({
    taskId: task.taskId,
    name: task.name,
    state: task.state,
    desiredState: task.desiredState,
    files: task.files.map(({ source, name, path }) => ({ source, name, path })),
  }));
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

function toRpcView(flight: RpcFlight): RpcView[] {
  // Only Raft's messages fly as dots; daemon traffic (joins, heartbeats) is not drawn.
  if (!isMessageType(flight.rpc)) return [];
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

/** A program waiting until virtual time reaches `untilMs`. */
interface Sleeper {
  readonly untilMs: number;
  wake: () => void;
}
