import { assert } from '../../lib/assert';
import { Prng } from '../../lib/prng';
import {
  MemoryStorage,
  RawNode,
  type Entry,
  type Message,
  type RaftEvent,
  type Ready,
} from '../../raft';
import type { DaemonRequest, DaemonResponse } from '../../api/operations';
import type { DaemonWire } from '../../machine-api';
import { stableHash, type TraceEvent } from '../trace';
import type { DaemonLogic, MachineControl } from '../../machine-api';
import { appliedText } from './applied';
import { machineStatus } from './status';
import { stampRaftEvent } from './raft-event';
import type { DurableChange } from './durable';
import type { CallAnswer, RaftAdminAction } from './host';
import {
  isReadRequest,
  type AnyFileAnswer,
  type FileRequest,
  type FileSystem,
} from '../../lib/filesystem';
import type { ReplicatedStateMachine } from '../../machine-api';
import type {
  DaemonState,
  MachineSnapshot,
  MachineSpec,
  MachineState,
  MachineStatusData,
} from './types';
import { hostFiles } from './types';
import type { DaemonData, DiskKey } from '../../machine-api';
import {
  needsKek,
  openStorage,
  sealStorage,
  sealedLastIndex,
  type SealedStorageData,
} from './sealed-storage';
import type { DurableLog } from './status';

/** What a machine emitted while handling one call, in the order it emitted it. */
export interface MachineEmission<P, S, D extends DaemonData> {
  readonly messages: readonly Message<P, S>[];
  readonly events: readonly TraceEvent[];
  readonly wires: readonly DaemonWire[];
  readonly answers: readonly CallAnswer[];
  readonly durable: readonly DurableChange<P, S, D>[];
  /** For each of `durable`, how many of `events` came before it. */
  readonly durableAfterEvents: readonly number[];
}

/** What a proposal or a Raft admin action emitted, with the core's answer to it. */
export interface ProposalEmission<P, S, D extends DaemonData> extends MachineEmission<P, S, D> {
  readonly accepted: boolean;
  readonly index: number;
  readonly reason: string;
}

/** What a call that emitted nothing returns: most ticks. Shared, so it costs no allocation. */
const NOTHING_EMITTED: MachineEmission<never, never, never> = Object.freeze({
  messages: Object.freeze([]),
  events: Object.freeze([]),
  wires: Object.freeze([]),
  answers: Object.freeze([]),
  durable: Object.freeze([]),
  durableAfterEvents: Object.freeze([]),
});

/**
 * Work for the host's cipher that a call left behind (Web Crypto is asynchronous and the
 * machine is not): bring the open storage to rest sealed (the daemon stopped), or open the
 * sealed storage, then boot (a start over a DEK in clear) or tell the daemon (an unlock).
 */
type CryptoWork<P, S> =
  | { readonly kind: 'seal' }
  | {
      readonly kind: 'open';
      readonly kek: string | null;
      readonly then: 'boot' | ((control: MachineControl<P, S>, opened: boolean) => void);
    };

/** A Ready loop that does not settle is a Raft bug; stop it instead of spinning. */
const READY_ROUNDS_MAX = 1000;

/**
 * One simulated host: hostname, address, its daemon, and, on a manager, a Raft member with its
 * durable storage and the replicated state machine it applies. The machine knows nothing about
 * the network or the clock: the host passes the virtual time in, and takes the messages and trace
 * events out. Stopping the daemon drops the Raft core and the applied state and keeps the
 * storage, as `/var/lib/docker/swarm` survives `systemctl stop docker`.
 */
export class Machine<P, S, D extends DaemonData> {
  readonly spec: MachineSpec;
  readonly #stateMachine: ReplicatedStateMachine<P, S, D>;
  readonly #snapshotRaftOptions: MachineSnapshot<P, S, D>['raftOptions'];
  #storage: MemoryStorage<P, S> | undefined;
  /** The storage at rest, sealed; set exactly when a manager's storage is not open. */
  #sealed: SealedStorageData | undefined;
  #sealedLog: DurableLog | undefined;
  /** The keys the open storage is sealed with when it comes to rest. */
  #diskKey: DiskKey | undefined;
  #crypto: CryptoWork<P, S> | undefined;
  readonly #prng: Prng;
  readonly #logic: DaemonLogic<P, S, D> | undefined;
  #wires: DaemonWire[] = [];
  #answers: CallAnswer[] = [];
  #settling = false;
  #daemon: DaemonState;
  #bootCount: number;
  #node: RawNode<P, S> | undefined;
  #appState: S;
  #appliedIndex = 0;
  #nowMs = 0;
  #messages: Message<P, S>[] = [];
  #events: TraceEvent[] = [];
  /** Disk writes not yet reported, and what was last reported of the disk and counters. */
  #durable: DurableChange<P, S, D>[] = [];
  #durableAfterEvents: number[] = [];
  #reportedDisk: D['disk'] | null;
  #reportedPrngState: number;
  #reportedBootCount: number;
  /** The status last reported, kept while nothing in it changes (see `status.ts`). */
  #status: MachineStatusData | undefined;
  /** The snapshot the machine was built from, for its files until they are first read. */
  readonly #builtFrom: MachineSnapshot<P, S, D>;
  #files: FileSystem | undefined;

  private constructor(
    snapshot: MachineSnapshot<P, S, D>,
    stateMachine: ReplicatedStateMachine<P, S, D>,
    daemonState: MachineState<P, S, D>['daemonState'] = null,
  ) {
    assert(snapshot.spec.nodeId > 0, 'a machine has a positive node id');
    // Without daemon logic the role is fixed by the spec; with it, the swarm decides.
    assert(
      stateMachine.daemon !== undefined ||
        (snapshot.storage === null && snapshot.sealed === undefined) ===
          (snapshot.spec.role === 'worker'),
      'managers, and only managers, have Raft storage',
    );
    this.spec = snapshot.spec;
    this.#builtFrom = snapshot;
    this.#stateMachine = stateMachine;
    this.#snapshotRaftOptions = snapshot.raftOptions;
    this.#storage = snapshot.storage === null ? undefined : new MemoryStorage(snapshot.storage);
    if (snapshot.sealed !== undefined) this.#rest(snapshot.sealed);
    this.#diskKey = snapshot.storage === null ? undefined : snapshot.diskKey;
    this.#prng = Prng.fromState(snapshot.prngState);
    this.#daemon = snapshot.daemon;
    this.#bootCount = snapshot.bootCount;
    this.#appState = stateMachine.initial;
    this.#logic = stateMachine.daemon?.(snapshot.disk ?? null, daemonState ?? undefined);
    // What the disk record was when this machine was written down; a daemon that fills in an
    // empty record reports it with its first output.
    this.#reportedDisk = snapshot.disk ?? null;
    this.#reportedPrngState = this.#prng.state;
    this.#reportedBootCount = this.#bootCount;
  }

  /**
   * Builds a machine from plain data. A running daemon boots at once (a restart from storage);
   * what the boot emits comes out with the next call.
   */
  static fromSnapshot<P, S, D extends DaemonData>(
    snapshot: MachineSnapshot<P, S, D>,
    stateMachine: ReplicatedStateMachine<P, S, D>,
  ): Machine<P, S, D> {
    const machine = new Machine(snapshot, stateMachine);
    if (machine.#daemon === 'running') {
      machine.startBooting();
    } else if (machine.#storage !== undefined && machine.#diskKey !== undefined) {
      // Built from a disk that was open (the coordinator's copy of a host that failed): it
      // rests sealed before anything reads it, as it would have on the real disk.
      machine.#crypto = { kind: 'seal' };
    }
    return machine;
  }

  /**
   * Builds a machine that carries on exactly where an exported one was (see `exportState`):
   * nothing boots, the Raft member keeps its role, timers and progress, the daemon its sessions.
   */
  static fromState<P, S, D extends DaemonData>(
    state: MachineState<P, S, D>,
    stateMachine: ReplicatedStateMachine<P, S, D>,
  ): Machine<P, S, D> {
    assert(
      (stateMachine.daemon === undefined) === (state.daemonState === null),
      'a moved machine brings its daemon state exactly when it runs daemon logic',
    );
    const machine = new Machine(state.snapshot, stateMachine, state.daemonState);
    machine.#appState = state.appState;
    machine.#appliedIndex = state.appliedIndex;
    if (state.raft !== null) {
      const storage = machine.#storage;
      assert(storage !== undefined, 'a running Raft member moves with its storage');
      assert(machine.#daemon === 'running', 'only a running daemon has a Raft member');
      machine.#node = RawNode.fromState<P, S>({
        id: machine.spec.nodeId,
        raftOptions: machine.#snapshotRaftOptions,
        storage,
        state: state.raft,
      });
    }
    return machine;
  }

  /**
   * The whole machine as plain data, between two calls. Null while the daemon holds a
   * continuation (a call or an RPC in flight): those are closures and cannot move, so the caller
   * tries again at a later instant. Exporting changes nothing in the machine.
   */
  exportState(): MachineState<P, S, D> | null {
    assert(
      this.#messages.length === 0 &&
        this.#events.length === 0 &&
        this.#wires.length === 0 &&
        this.#answers.length === 0 &&
        this.#durable.length === 0 &&
        this.#crypto === undefined,
      'a machine exports its state only between calls',
    );
    const logic = this.#logic;
    const daemonState = logic === undefined ? null : logic.exportVolatile();
    if (logic !== undefined && daemonState === null) return null;
    return {
      snapshot: this.snapshot(),
      raft: this.#node?.exportState() ?? null,
      appState: this.#appState,
      appliedIndex: this.#appliedIndex,
      daemonState,
    };
  }

  get daemon(): DaemonState {
    return this.#daemon;
  }

  /** The applied replicated state; the initial state while the daemon is down. */
  get appState(): S {
    return this.#appState;
  }

  /** Delivers messages (in order), then ticks once if asked. A down daemon ignores both. */
  step(
    nowMs: number,
    messages: readonly Message<P, S>[],
    tick: boolean,
    wires: readonly DaemonWire[] = [],
  ): MachineEmission<P, S, D> {
    this.#nowMs = nowMs;
    if (this.#daemon !== 'running') return this.drain();
    const logic = this.#logic;
    // Indexed loops: a step runs for every machine at every instant, and for-of over the shared
    // frozen empty lists the hosts pass allocated an iterator result each time.
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i];
      // Read the core each time: the daemon may create or drop it while handling a message.
      const node = this.#node;
      if (node === undefined || message === undefined) continue;
      logic?.heardFrom(this.control(), message.from);
      node.step(message);
      this.handleReady(node);
    }
    for (let i = 0; i < wires.length; i++) {
      const wire = wires[i];
      if (wire !== undefined) logic?.receive(this.control(), wire);
    }
    if (tick) {
      const node = this.#node;
      if (node !== undefined) {
        node.tick();
        this.handleReady(node);
      }
      logic?.tick(this.control());
    }
    return this.drain();
  }

  /** An Engine API call from this machine's CLI. Without daemon logic it is refused. */
  call(nowMs: number, callId: string, request: DaemonRequest): MachineEmission<P, S, D> {
    this.#nowMs = nowMs;
    const logic = this.#logic;
    if (this.#daemon !== 'running') {
      this.#answers.push({ callId, response: { status: 'connection' } });
    } else if (logic === undefined) {
      const response: DaemonResponse = {
        status: 'error',
        error: { kind: 'unimplemented', message: `${request.op}: no daemon on this machine` },
      };
      this.#answers.push({ callId, response });
    } else {
      logic.call(this.control(), callId, request);
    }
    return this.drain();
  }

  /**
   * A request of the host's files from its shell. A change is a disk write, reported as the
   * request itself whether or not it succeeded (a failed `mkdir -p` may have made some
   * parents), so the coordinator's mirror applies it and ends up with the same tree.
   */
  files(nowMs: number, request: FileRequest): MachineEmission<P, S, D> & { answer: AnyFileAnswer } {
    this.#nowMs = nowMs;
    const wallMs = (this.spec.epochMs ?? 0) + nowMs;
    const answer = this.#hostFiles().apply(request, wallMs);
    if (!isReadRequest(request)) this.write({ kind: 'files', request, nowMs: wallMs });
    return { ...this.drain(), answer };
  }

  #hostFiles(): FileSystem {
    this.#files ??= hostFiles(this.#builtFrom);
    return this.#files;
  }

  /** A client write. The trace names it `proposalId`, which the caller chose. */
  propose(nowMs: number, proposalId: string, payload: P): ProposalEmission<P, S, D> {
    this.#nowMs = nowMs;
    const node = this.#node;
    const result = node === undefined ? undefined : node.propose(payload);
    const accepted = result?.ok === true;
    const index = result?.ok === true ? result.index : 0;
    const reason = result === undefined ? 'daemon-not-running' : result.ok ? '' : result.reason;
    this.emit({
      type: 'proposal',
      timeMs: nowMs,
      member: this.spec.nodeId,
      proposal: `${proposalId} ${this.#stateMachine.describe(payload)}`,
      accepted,
      index,
      reason,
    });
    if (node !== undefined) this.handleReady(node);
    return this.drainAnswered(accepted, index, reason);
  }

  /**
   * A membership change or leadership transfer asked of this member's Raft core, as the swarm
   * daemon makes them itself; the trace names it like a proposal.
   */
  raftAdmin(nowMs: number, action: RaftAdminAction): ProposalEmission<P, S, D> {
    this.#nowMs = nowMs;
    const node = this.#node;
    const result =
      node === undefined
        ? undefined
        : action.kind === 'conf-change'
          ? node.proposeConfChange(action.change)
          : node.transferLeadership(action.to);
    const accepted = result?.ok === true;
    const index = result?.ok === true ? result.index : 0;
    const reason = result === undefined ? 'daemon-not-running' : result.ok ? '' : result.reason;
    this.emit({
      type: 'proposal',
      timeMs: nowMs,
      member: this.spec.nodeId,
      proposal:
        action.kind === 'conf-change'
          ? `${action.change.kind}:${action.change.nodeId}`
          : `transfer-leadership:${action.to}`,
      accepted,
      index,
      reason,
    });
    if (node !== undefined) this.handleReady(node);
    return this.drainAnswered(accepted, index, reason);
  }

  /** Starts, stops or crashes the daemon. Setting the state it already has does nothing. */
  setDaemon(nowMs: number, daemon: DaemonState): MachineEmission<P, S, D> {
    this.#nowMs = nowMs;
    if (daemon === this.#daemon) return this.drain();
    const wasRunning = this.#daemon === 'running';
    this.#daemon = daemon;
    if (daemon === 'running') {
      this.startBooting();
    } else if (wasRunning) {
      // The volatile half goes: the Raft core, the applied state, anything not yet sent.
      this.#node = undefined;
      this.#appState = this.#stateMachine.initial;
      this.#messages = [];
      this.#wires = [];
      this.#logic?.stop();
      this.emit({ type: 'member-stopped', timeMs: nowMs, member: this.spec.nodeId });
      if (this.#storage !== undefined && this.#diskKey !== undefined) {
        this.#crypto = { kind: 'seal' };
      }
    }
    return this.drain();
  }

  status(): MachineStatusData {
    const storage = this.#storage;
    const logic = this.#logic;
    this.#status = machineStatus(this.#status, {
      identity: this.spec,
      role:
        logic === undefined
          ? this.spec.role
          : storage === undefined && this.#sealed === undefined
            ? 'worker'
            : 'manager',
      daemon: this.#daemon,
      node: this.#node,
      applied: this.#appliedIndex,
      storage: storage ?? this.#sealedLog,
      swarm: logic?.view(),
    });
    return this.#status;
  }

  snapshot(): MachineSnapshot<P, S, D> {
    return {
      spec: this.spec,
      daemon: this.#daemon,
      raftOptions: this.#snapshotRaftOptions,
      storage: this.#storage === undefined ? null : this.#storage.toData(),
      ...(this.#sealed === undefined ? {} : { sealed: this.#sealed }),
      ...(this.#diskKey === undefined || this.#storage === undefined
        ? {}
        : { diskKey: this.#diskKey }),
      prngState: this.#prng.state,
      bootCount: this.#bootCount,
      ...(this.#logic === undefined ? {} : { disk: this.#logic.disk() }),
      ...(this.#files === undefined
        ? this.#builtFrom.files === undefined
          ? {}
          : { files: this.#builtFrom.files }
        : { files: this.#files.toData() }),
    };
  }

  /**
   * Starts the daemon. Storage that rests under a DEK in clear is opened first, by the host's
   * cipher (see `runCrypto`); storage whose DEK only the unlock key opens stays sealed, and the
   * daemon boots locked over it.
   */
  private startBooting(): void {
    const sealed = this.#sealed;
    if (sealed !== undefined && !needsKek(sealed)) {
      this.#crypto = { kind: 'open', kek: null, then: 'boot' };
    } else {
      this.boot();
    }
  }

  /** Whether the last call left work for the host's cipher (see `runCrypto`). */
  get cryptoDue(): boolean {
    return this.#crypto !== undefined;
  }

  /**
   * Does the cipher work the last call left, and what follows from it, until none is left. The
   * host runs it within the same call and drains the machine after it, so the coordinator sees
   * one call, and a run stays deterministic: AES-GCM with a given key and nonce always gives
   * the same bytes, and nothing else happens in between.
   */
  async runCrypto(): Promise<void> {
    for (let work = this.#crypto; work !== undefined; work = this.#crypto) {
      this.#crypto = undefined;
      if (work.kind === 'seal') {
        await this.#sealStorage();
      } else {
        const opened = await this.#openStorage(work.kek);
        if (work.then === 'boot') {
          assert(opened, 'storage under a DEK in clear opens');
          this.boot();
        } else {
          work.then(this.control(), opened);
        }
      }
    }
  }

  /** The pending output, after `runCrypto`. */
  drainAfterCrypto(): MachineEmission<P, S, D> {
    return this.drain();
  }

  async #sealStorage(): Promise<void> {
    const storage = this.#storage;
    const key = this.#diskKey;
    if (storage === undefined || key === undefined || this.#daemon === 'running') return;
    const sealed = await sealStorage(storage.toData(), key);
    this.#storage = undefined;
    this.#diskKey = undefined;
    this.#rest(sealed);
    this.write({ kind: 'sealed', data: sealed });
  }

  async #openStorage(kek: string | null): Promise<boolean> {
    const sealed = this.#sealed;
    if (sealed === undefined) return this.#storage !== undefined;
    const opened = await openStorage<P, S>(sealed, kek);
    if (opened === null) return false;
    this.#storage = new MemoryStorage(opened.data);
    this.#sealed = undefined;
    this.#sealedLog = undefined;
    this.#diskKey = opened.key;
    this.write({ kind: 'storage', data: opened.data });
    this.write({ kind: 'disk-key', key: opened.key });
    return true;
  }

  /** Keeps `sealed` as the storage, with what stays readable of it for the status. */
  #rest(sealed: SealedStorageData): void {
    this.#sealed = sealed;
    const lastIndex = sealedLastIndex(sealed);
    this.#sealedLog = { hardState: sealed.hardState, lastIndex: () => lastIndex };
  }

  /** Builds a Raft core over the storage, as dockerd does when it starts. */
  private boot(): void {
    const first = this.#bootCount === 0;
    this.#bootCount++;
    const member = this.spec.nodeId;
    this.emit({ type: first ? 'member-started' : 'member-restarted', timeMs: this.#nowMs, member });
    this.bootRaft();
    this.#logic?.boot(this.control());
  }

  private bootRaft(): void {
    const storage = this.#storage;
    if (storage === undefined) return;
    this.#appState = storage.snapshot.data;
    this.#appliedIndex = storage.snapshot.metadata.index;
    const node = new RawNode<P, S>({
      id: this.spec.nodeId,
      raftOptions: this.#snapshotRaftOptions,
      storage,
      prng: new Prng(this.#prng.nextUint32()),
    });
    this.#node = node;
    this.handleReady(node);
  }

  /** The daemon's handle on this machine, valid for the current call. */
  private control(): MachineControl<P, S> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter below needs it
    const machine = this;
    return {
      nowMs: this.#nowMs,
      machineId: this.spec.nodeId,
      epochMs: this.spec.epochMs ?? 0,
      hostname: this.spec.hostname,
      address: this.spec.address,
      prng: this.#prng,
      // A getter, not a copy: the daemon keeps one handle across proposals that apply entries
      // (propose, settle, apply), and a stale state made a leader look behind its own log.
      get appState(): S {
        return machine.#appState;
      },
      // A getter: most daemons never read the host's files, so most machines never build them.
      get files(): FileSystem {
        return machine.#hostFiles();
      },
      raft: () => this.#node,
      diskKey: () => (this.#storage === undefined ? null : (this.#diskKey ?? null)),
      setDiskKey: (key) => {
        assert(this.#storage !== undefined, 'only open storage takes new keys');
        this.#diskKey = key;
        this.write({ kind: 'disk-key', key });
      },
      get storageLocked(): boolean {
        return machine.#storage === undefined && machine.#sealed !== undefined;
      },
      unlockStorage: (kek, done) => {
        this.#crypto = { kind: 'open', kek, then: done };
      },
      startRaft: (voters) => {
        this.#storage = MemoryStorage.bootstrap<P, S>(voters, this.#stateMachine.initial);
        this.#sealed = undefined;
        this.#sealedLog = undefined;
        this.#diskKey = undefined;
        this.write({ kind: 'storage', data: this.#storage.toData() });
        this.bootRaft();
      },
      dropRaft: () => {
        this.#node = undefined;
        this.#storage = undefined;
        this.#sealed = undefined;
        this.#sealedLog = undefined;
        this.#diskKey = undefined;
        this.write({ kind: 'storage', data: null });
        this.#appState = this.#stateMachine.initial;
        this.#appliedIndex = 0;
        this.#messages = [];
      },
      pauseRaft: () => {
        this.#node = undefined;
        this.#messages = [];
      },
      resumeRaft: () => {
        if (this.#node === undefined) this.bootRaft();
      },
      restartRaftAlone: () => {
        const storage = this.#storage;
        if (storage === undefined) return;
        // Keep the committed log, drop what never committed, and make this member the only
        // voter: a snapshot of the applied state at the applied index, as swarmkit's
        // loadAndStart does before it appends the conf changes that remove the others.
        const node = this.#node;
        const term = node?.termAt(this.#appliedIndex) ?? storage.hardState.term;
        const data = {
          hardState: { term: storage.hardState.term, vote: 0, commit: this.#appliedIndex },
          snapshot: {
            metadata: { index: this.#appliedIndex, term, voters: [this.spec.nodeId] },
            data: this.#appState,
          },
          offsetIndex: this.#appliedIndex,
          offsetTerm: term,
          entries: [],
        };
        this.#storage = new MemoryStorage<P, S>(data);
        this.write({ kind: 'storage', data });
        this.bootRaft();
        this.#node?.campaign();
        const restarted = this.#node;
        if (restarted !== undefined) this.handleReady(restarted);
      },
      settle: () => {
        const node = this.#node;
        if (node !== undefined) this.handleReady(node);
      },
      send: (wire) => {
        this.#wires.push(wire);
      },
      answer: (callId, response) => {
        this.#answers.push({ callId, response });
      },
      emit: (event) => {
        this.emit(event);
      },
    };
  }

  private handleReady(node: RawNode<P, S>): void {
    for (let round = 0; round < READY_ROUNDS_MAX; round++) {
      if (!node.hasReady()) {
        this.afterReady();
        return;
      }
      this.handleOneReady(node, node.ready());
    }
    assert(false, `machine ${this.spec.hostname} keeps producing Readys`);
  }

  /**
   * The daemon acts on what was applied only once the Ready loop is done: proposing from inside
   * `apply` would re-enter Raft before `advance`.
   */
  private afterReady(): void {
    const logic = this.#logic;
    if (logic === undefined || this.#settling) return;
    this.#settling = true;
    try {
      logic.settled(this.control());
    } finally {
      this.#settling = false;
    }
  }

  /** Persist, send, apply, advance: the order etcd's Ready contract demands. */
  private handleOneReady(node: RawNode<P, S>, ready: Ready<P, S>): void {
    const storage = this.#storage;
    assert(storage !== undefined, 'only a manager has a Raft core');
    if (ready.snapshot !== undefined) {
      storage.applySnapshot(ready.snapshot);
      this.write({ kind: 'install-snapshot', snapshot: ready.snapshot });
      this.#appState = ready.snapshot.data;
      this.#appliedIndex = ready.snapshot.metadata.index;
    }
    if (ready.entries.length > 0) {
      storage.append(ready.entries);
      this.write({ kind: 'append', entries: ready.entries });
    }
    if (ready.hardState !== undefined) {
      storage.setHardState(ready.hardState);
      this.write({ kind: 'hard-state', hardState: ready.hardState });
    }
    for (const message of ready.messages) this.#messages.push(message);
    for (const entry of ready.committedEntries) this.apply(entry);
    for (const event of ready.events) this.emitRaftEvent(event);
    node.advance(ready);
    if (node.snapshotDue()) {
      node.createSnapshot(this.#appState);
      // A compaction rewrites the log's head; it is rare (every 10,000 entries), so the mirror
      // takes the whole storage rather than a delta of its own.
      this.write({ kind: 'storage', data: storage.toData() });
    }
  }

  private apply(entry: Entry<P>): void {
    if (entry.index <= this.#appliedIndex) return;
    assert(entry.index === this.#appliedIndex + 1, 'entries apply in order');
    const before = this.#appState;
    this.#appState = this.#stateMachine.apply(this.#appState, entry);
    this.#appliedIndex = entry.index;
    this.#logic?.applied(this.control(), entry, before, this.#appState);
    this.emit({
      type: 'entry-applied',
      timeMs: this.#nowMs,
      member: this.spec.nodeId,
      index: entry.index,
      term: entry.term,
      kind: entry.data.type,
      digest: stableHash(appliedText(entry, (payload) => this.#stateMachine.describe(payload))),
    });
  }

  private emitRaftEvent(event: RaftEvent): void {
    this.emit(stampRaftEvent(event, this.#nowMs, this.spec.nodeId));
  }

  /** A disk write, noted with its place among the events. */
  private write(change: DurableChange<P, S, D>): void {
    this.#durable.push(change);
    this.#durableAfterEvents.push(this.#events.length);
  }

  private emit(event: TraceEvent): void {
    this.#events.push(event);
  }

  private drain(): MachineEmission<P, S, D> {
    this.noteDiskAndCounters();
    if (
      this.#messages.length === 0 &&
      this.#events.length === 0 &&
      this.#wires.length === 0 &&
      this.#answers.length === 0 &&
      this.#durable.length === 0
    ) {
      return NOTHING_EMITTED;
    }
    // Only the lists that hold something are handed over and replaced; an empty one is shared.
    // A sweep drains a machine about once per instant, mostly with two or three lists filled.
    const emission: MachineEmission<P, S, D> = {
      messages: this.#messages.length === 0 ? NOTHING_EMITTED.messages : this.#messages,
      events: this.#events.length === 0 ? NOTHING_EMITTED.events : this.#events,
      wires: this.#wires.length === 0 ? NOTHING_EMITTED.wires : this.#wires,
      answers: this.#answers.length === 0 ? NOTHING_EMITTED.answers : this.#answers,
      durable: this.#durable.length === 0 ? NOTHING_EMITTED.durable : this.#durable,
      durableAfterEvents:
        this.#durable.length === 0 ? NOTHING_EMITTED.durableAfterEvents : this.#durableAfterEvents,
    };
    if (this.#messages.length > 0) this.#messages = [];
    if (this.#events.length > 0) this.#events = [];
    if (this.#wires.length > 0) this.#wires = [];
    if (this.#answers.length > 0) this.#answers = [];
    if (this.#durable.length > 0) {
      this.#durable = [];
      this.#durableAfterEvents = [];
    }
    return emission;
  }

  /**
   * The pending output with a proposal's answer. Field by field rather than a spread of
   * `drain()`: a spread of its two shapes (the shared empty emission is frozen) was most of
   * what a proposal cost the machine.
   */
  private drainAnswered(
    accepted: boolean,
    index: number,
    reason: string,
  ): ProposalEmission<P, S, D> {
    const emitted = this.drain();
    return {
      messages: emitted.messages,
      events: emitted.events,
      wires: emitted.wires,
      answers: emitted.answers,
      durable: emitted.durable,
      durableAfterEvents: emitted.durableAfterEvents,
      accepted,
      index,
      reason,
    };
  }

  /** The daemon replaces its disk record wholesale, so a changed identity is a write. */
  private noteDiskAndCounters(): void {
    const disk = this.#logic?.disk() ?? null;
    if (disk !== this.#reportedDisk) {
      this.#reportedDisk = disk;
      this.write({ kind: 'disk', disk });
    }
    if (
      this.#prng.state !== this.#reportedPrngState ||
      this.#bootCount !== this.#reportedBootCount
    ) {
      this.#reportedPrngState = this.#prng.state;
      this.#reportedBootCount = this.#bootCount;
      this.write({
        kind: 'counters',
        prngState: this.#prng.state,
        bootCount: this.#bootCount,
      });
    }
  }
}
