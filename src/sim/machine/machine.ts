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
import { stableHash, type TraceEvent } from '../trace';
import type { ReplicatedStateMachine } from './state-machine';
import type { DaemonState, MachineSnapshot, MachineSpec, MachineStatusData } from './types';

/** What a machine emitted while handling one call, in the order it emitted it. */
export interface MachineEmission<P, S> {
  readonly messages: Message<P, S>[];
  readonly events: TraceEvent[];
}

/** A Ready loop that does not settle is a Raft bug; stop it instead of spinning. */
const READY_ROUNDS_MAX = 1000;

/**
 * One simulated host: hostname, address, its daemon, and, on a manager, a Raft member with its
 * durable storage and the replicated state machine it applies. The machine knows nothing about
 * the network or the clock: the host passes the virtual time in, and takes the messages and trace
 * events out. Stopping the daemon drops the Raft core and the applied state and keeps the
 * storage, as `/var/lib/docker/swarm` survives `systemctl stop docker`.
 */
export class Machine<P, S> {
  readonly spec: MachineSpec;
  readonly #stateMachine: ReplicatedStateMachine<P, S>;
  readonly #snapshotRaftOptions: MachineSnapshot<P, S>['raftOptions'];
  readonly #storage: MemoryStorage<P, S> | undefined;
  readonly #prng: Prng;
  #daemon: DaemonState;
  #bootCount: number;
  #node: RawNode<P, S> | undefined;
  #appState: S;
  #appliedIndex = 0;
  #nowMs = 0;
  #messages: Message<P, S>[] = [];
  #events: TraceEvent[] = [];

  private constructor(snapshot: MachineSnapshot<P, S>, stateMachine: ReplicatedStateMachine<P, S>) {
    assert(snapshot.spec.nodeId > 0, 'a machine has a positive node id');
    assert(
      (snapshot.storage === null) === (snapshot.spec.role === 'worker'),
      'managers, and only managers, have Raft storage',
    );
    this.spec = snapshot.spec;
    this.#stateMachine = stateMachine;
    this.#snapshotRaftOptions = snapshot.raftOptions;
    this.#storage = snapshot.storage === null ? undefined : new MemoryStorage(snapshot.storage);
    this.#prng = Prng.fromState(snapshot.prngState);
    this.#daemon = snapshot.daemon;
    this.#bootCount = snapshot.bootCount;
    this.#appState = stateMachine.initial;
  }

  /**
   * Builds a machine from plain data. A running daemon boots at once (a restart from storage);
   * what the boot emits comes out with the next call.
   */
  static fromSnapshot<P, S>(
    snapshot: MachineSnapshot<P, S>,
    stateMachine: ReplicatedStateMachine<P, S>,
  ): Machine<P, S> {
    const machine = new Machine(snapshot, stateMachine);
    if (machine.#daemon === 'running') machine.boot();
    return machine;
  }

  get daemon(): DaemonState {
    return this.#daemon;
  }

  /** The applied replicated state; the initial state while the daemon is down. */
  get appState(): S {
    return this.#appState;
  }

  /** Delivers messages (in order), then ticks once if asked. A down daemon ignores both. */
  step(nowMs: number, messages: readonly Message<P, S>[], tick: boolean): MachineEmission<P, S> {
    this.#nowMs = nowMs;
    const node = this.#node;
    if (node !== undefined) {
      for (const message of messages) {
        node.step(message);
        this.handleReady(node);
      }
      if (tick) {
        node.tick();
        this.handleReady(node);
      }
    }
    return this.drain();
  }

  /** A client write. The trace names it `proposalId`, which the caller chose. */
  propose(
    nowMs: number,
    proposalId: string,
    payload: P,
  ): MachineEmission<P, S> & { readonly accepted: boolean; index: number; reason: string } {
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
    return { ...this.drain(), accepted, index, reason };
  }

  /** Starts, stops or crashes the daemon. Setting the state it already has does nothing. */
  setDaemon(nowMs: number, daemon: DaemonState): MachineEmission<P, S> {
    this.#nowMs = nowMs;
    if (daemon === this.#daemon) return this.drain();
    const wasRunning = this.#daemon === 'running';
    this.#daemon = daemon;
    if (daemon === 'running') {
      this.boot();
    } else if (wasRunning) {
      // The volatile half goes: the Raft core, the applied state, anything not yet sent.
      this.#node = undefined;
      this.#appState = this.#stateMachine.initial;
      this.#messages = [];
      this.emit({ type: 'member-stopped', timeMs: nowMs, member: this.spec.nodeId });
    }
    return this.drain();
  }

  status(): MachineStatusData {
    const node = this.#node;
    const storage = this.#storage;
    const raft = node === undefined ? null : node.status();
    return {
      hostname: this.spec.hostname,
      address: this.spec.address,
      nodeId: this.spec.nodeId,
      role: this.spec.role,
      daemon: this.#daemon,
      raft:
        raft === null
          ? null
          : {
              role: raft.role,
              term: raft.term,
              lead: raft.lead,
              commit: raft.commit,
              lastIndex: raft.lastIndex,
              applied: this.#appliedIndex,
              voters: raft.voters,
            },
      durable:
        storage === undefined
          ? null
          : {
              term: storage.hardState.term,
              vote: storage.hardState.vote,
              commit: storage.hardState.commit,
              lastIndex: storage.lastIndex(),
            },
    };
  }

  snapshot(): MachineSnapshot<P, S> {
    return {
      spec: this.spec,
      daemon: this.#daemon,
      raftOptions: this.#snapshotRaftOptions,
      storage: this.#storage === undefined ? null : this.#storage.toData(),
      prngState: this.#prng.state,
      bootCount: this.#bootCount,
    };
  }

  /** Builds a Raft core over the storage, as dockerd does when it starts. */
  private boot(): void {
    const first = this.#bootCount === 0;
    this.#bootCount++;
    const member = this.spec.nodeId;
    this.emit({ type: first ? 'member-started' : 'member-restarted', timeMs: this.#nowMs, member });
    const storage = this.#storage;
    if (storage === undefined) return;
    this.#appState = storage.snapshot.data;
    this.#appliedIndex = storage.snapshot.metadata.index;
    const node = new RawNode<P, S>({
      id: member,
      raftOptions: this.#snapshotRaftOptions,
      storage,
      prng: new Prng(this.#prng.nextUint32()),
    });
    this.#node = node;
    this.handleReady(node);
  }

  private handleReady(node: RawNode<P, S>): void {
    for (let round = 0; round < READY_ROUNDS_MAX; round++) {
      if (!node.hasReady()) return;
      this.handleOneReady(node, node.ready());
    }
    assert(false, `machine ${this.spec.hostname} keeps producing Readys`);
  }

  /** Persist, send, apply, advance: the order etcd's Ready contract demands. */
  private handleOneReady(node: RawNode<P, S>, ready: Ready<P, S>): void {
    const storage = this.#storage;
    assert(storage !== undefined, 'only a manager has a Raft core');
    if (ready.snapshot !== undefined) {
      storage.applySnapshot(ready.snapshot);
      this.#appState = ready.snapshot.data;
      this.#appliedIndex = ready.snapshot.metadata.index;
    }
    if (ready.entries.length > 0) storage.append(ready.entries);
    if (ready.hardState !== undefined) storage.setHardState(ready.hardState);
    for (const message of ready.messages) this.#messages.push(message);
    for (const entry of ready.committedEntries) this.apply(entry);
    for (const event of ready.events) this.emitRaftEvent(event);
    node.advance(ready);
    if (node.snapshotDue()) node.createSnapshot(this.#appState);
  }

  private apply(entry: Entry<P>): void {
    if (entry.index <= this.#appliedIndex) return;
    assert(entry.index === this.#appliedIndex + 1, 'entries apply in order');
    this.#appState = this.#stateMachine.apply(this.#appState, entry);
    this.#appliedIndex = entry.index;
    const data = entry.data;
    const text = data.type === 'normal' ? this.#stateMachine.describe(data.payload) : data.type;
    this.emit({
      type: 'entry-applied',
      timeMs: this.#nowMs,
      member: this.spec.nodeId,
      index: entry.index,
      term: entry.term,
      kind: data.type,
      digest: stableHash(text),
    });
  }

  private emitRaftEvent(event: RaftEvent): void {
    this.emit({ ...event, timeMs: this.#nowMs, member: this.spec.nodeId });
  }

  private emit(event: TraceEvent): void {
    this.#events.push(event);
  }

  private drain(): MachineEmission<P, S> {
    const emission = { messages: this.#messages, events: this.#events };
    this.#messages = [];
    this.#events = [];
    return emission;
  }
}
