import { assert } from '../lib/assert';
import type { Prng } from '../lib/prng';
import { validateRaftOptions, type RaftOptions } from './config';
import type { RaftEvent } from './events';
import type { Message } from './messages';
import type { ProgressState } from './progress';
import { Raft, type ProposalResult, type RaftData } from './raft';
import type { MemoryStorage } from './storage';
import {
  hardStateEqual,
  type ConfChange,
  type Entry,
  type HardState,
  type NodeId,
  type Role,
  type Snapshot,
  type SoftState,
} from './types';

/**
 * Everything the host must do after a batch of inputs, in this order (etcd `node.go` Ready):
 * 1. persist `snapshot`, `entries` and `hardState` to storage;
 * 2. send `messages` (only now: a vote or an append acknowledgement must be durable first);
 * 3. apply `committedEntries` to the state machine (and restore `snapshot` into it first);
 * 4. call `advance(ready)`.
 */
export interface Ready<P, S> {
  readonly softState: SoftState | undefined;
  readonly hardState: HardState | undefined;
  readonly entries: readonly Entry<P>[];
  readonly snapshot: Snapshot<S> | undefined;
  readonly committedEntries: readonly Entry<P>[];
  readonly messages: readonly Message<P, S>[];
  readonly events: readonly RaftEvent[];
}

export interface ProgressStatus {
  readonly id: NodeId;
  readonly match: number;
  readonly next: number;
  readonly state: ProgressState;
  readonly recentActive: boolean;
}

/** A read model for the UI and the checkers. */
export interface RaftStatus {
  readonly id: NodeId;
  readonly role: Role;
  readonly term: number;
  readonly vote: NodeId;
  readonly lead: NodeId;
  readonly commit: number;
  readonly applied: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly voters: readonly NodeId[];
  readonly leadTransferee: NodeId;
  readonly progress: readonly ProgressStatus[];
}

export interface RawNodeOptions<P, S> {
  readonly id: NodeId;
  readonly raftOptions: RaftOptions;
  /** The durable state; a restart passes the storage the crashed member left behind. */
  readonly storage: MemoryStorage<P, S>;
  /** The only source of randomness: the election timeout jitter. */
  readonly prng: Prng;
}

/**
 * The whole volatile state of a running member, as plain data: arrays and plain objects only, so
 * it survives structuredClone (a move between Web Workers) and JSON alike, provided the payloads
 * `P` and snapshot data `S` do. With the storage it was exported with (`MemoryStorage.toData()`,
 * moved separately) and the same options, `RawNode.fromState` rebuilds a member that behaves
 * exactly as this one would have.
 */
export interface RaftNodeState<P, S> {
  /** Checked against the id the member is rebuilt with. */
  readonly id: NodeId;
  /** The soft state last handed out in a Ready. */
  readonly softState: SoftState;
  /** The hard state last handed out in a Ready, which the host has persisted. */
  readonly hardState: HardState;
  readonly raft: RaftData<P, S>;
}

/** What `RawNode.fromState` needs: the options of a new member, with the state for the prng. */
export interface RawNodeStateOptions<P, S> {
  readonly id: NodeId;
  readonly raftOptions: RaftOptions;
  /** The storage the state was exported with (a copy of it is fine). */
  readonly storage: MemoryStorage<P, S>;
  readonly state: RaftNodeState<P, S>;
}

/**
 * The thread-unsafe surface of one member (etcd `rawnode.go`): tick, step, propose, then
 * ready / advance. Time and randomness come in from the host; nothing here does I/O.
 */
export class RawNode<P, S> {
  readonly #raft: Raft<P, S>;
  readonly #storage: MemoryStorage<P, S>;
  #softState: SoftState;
  #hardState: HardState;

  /** A new member over `storage`, or (what `fromState` does) a moved one carrying on. */
  constructor(options: RawNodeOptions<P, S> | RawNodeStateOptions<P, S>) {
    validateRaftOptions(options.raftOptions);
    this.#storage = options.storage;
    if ('state' in options) {
      const { id, raftOptions, storage, state } = options;
      assert(state.id === id, `the state of member ${state.id} is imported as member ${id}`);
      // The host persists each Ready's hard state before it advances, so the storage holds the
      // last reported one; anything else is a storage from another member or another moment.
      assert(
        hardStateEqual(state.hardState, storage.hardState),
        'the storage holds the hard state the member last reported',
      );
      this.#raft = new Raft<P, S>({ id, raftOptions, storage, state: state.raft });
      this.#softState = { lead: state.softState.lead, role: state.softState.role };
      this.#hardState = {
        term: state.hardState.term,
        vote: state.hardState.vote,
        commit: state.hardState.commit,
      };
      // Exported between Readys, a member has nothing to report until its next input.
      assert(!this.hasReady(), 'an imported member has no pending Ready');
      return;
    }
    this.#raft = new Raft<P, S>(options);
    this.#softState = this.currentSoftState();
    this.#hardState = options.storage.hardState;
  }

  /**
   * Rebuilds a member from `exportState()` over the storage it was exported with: same role,
   * timers, randomized timeout, progress, votes, log cursors, membership and prng state, so it
   * answers every later input exactly as the exported member would have. Nothing is reset,
   * emitted or drawn. Throws when the state does not fit the storage or the options.
   */
  static fromState<P, S>(options: RawNodeStateOptions<P, S>): RawNode<P, S> {
    return new RawNode<P, S>(options);
  }

  /**
   * The member's whole volatile state, to move it to another host without a restart; the
   * storage moves separately (`toData()`), the options stay with the caller. The result is a
   * copy that shares no mutable object with the member (only immutable entries and snapshots),
   * and exporting changes nothing. Only between Readys: the host drains the Ready loop first,
   * so no message, event, unstable entry or unapplied commit is left behind.
   */
  exportState(): RaftNodeState<P, S> {
    assert(!this.hasReady(), 'export a member only after the host drained its Ready loop');
    return {
      id: this.id,
      softState: { lead: this.#softState.lead, role: this.#softState.role },
      hardState: {
        term: this.#hardState.term,
        vote: this.#hardState.vote,
        commit: this.#hardState.commit,
      },
      raft: this.#raft.toData(),
    };
  }

  get id(): NodeId {
    return this.#raft.id;
  }

  get options(): RaftOptions {
    return this.#raft.options;
  }

  /** Advances logical time by one tick (swarmkit: one second). */
  tick(): void {
    this.#raft.tick();
  }

  /** Delivers a message from a peer. Messages addressed to someone else are a host bug. */
  step(message: Message<P, S>): void {
    // The message is built only on failure: a sweep steps millions of messages.
    if (message.to !== this.#raft.id) {
      assert(false, `message for ${message.to} stepped into ${this.id}`);
    }
    this.#raft.step(message);
  }

  /** Starts an election now, as if the election timeout had expired. */
  campaign(): void {
    this.#raft.hup();
  }

  /** Appends a normal entry; only a leader accepts proposals (swarmkit drops forwarded ones). */
  propose(payload: P): ProposalResult {
    return this.#raft.propose({ type: 'normal', payload });
  }

  proposeConfChange(change: ConfChange): ProposalResult {
    return this.#raft.proposeConfChange(change);
  }

  transferLeadership(target: NodeId): ProposalResult {
    return this.#raft.transferLeadership(target);
  }

  hasReady(): boolean {
    const raft = this.#raft;
    return (
      raft.messages.length > 0 ||
      raft.events.length > 0 ||
      raft.log.unstable.entries.length > 0 ||
      raft.log.unstable.snapshot !== undefined ||
      raft.log.hasNextCommittedEntries() ||
      !hardStateEqual(this.currentHardState(), this.#hardState) ||
      !softStateEqual(this.currentSoftState(), this.#softState)
    );
  }

  ready(): Ready<P, S> {
    const raft = this.#raft;
    const softState = this.currentSoftState();
    const hardState = this.currentHardState();
    const committedEntries = raft.log.nextCommittedEntries(
      raft.options.committedEntriesPerReadyMax,
    );
    const events = raft.events;
    // The configuration switched when these entries were appended; report the change as
    // applied now, when the host applies it, as swarmkit's membership view would.
    for (const entry of committedEntries) {
      if (entry.data.type === 'conf-change') {
        events.push({
          type: 'membership-applied',
          index: entry.index,
          change: entry.data.change,
          voters: entry.data.voters,
        });
      }
    }
    const ready: Ready<P, S> = {
      softState: softStateEqual(softState, this.#softState) ? undefined : softState,
      hardState: hardStateEqual(hardState, this.#hardState) ? undefined : hardState,
      entries: [...raft.log.unstable.entries],
      snapshot: raft.log.unstable.snapshot,
      committedEntries,
      messages: raft.messages,
      events,
    };
    raft.messages = [];
    raft.events = [];
    return ready;
  }

  advance(ready: Ready<P, S>): void {
    const log = this.#raft.log;
    if (ready.softState !== undefined) this.#softState = ready.softState;
    if (ready.hardState !== undefined) this.#hardState = ready.hardState;
    const lastEntry = ready.entries.at(-1);
    if (lastEntry !== undefined) log.unstable.stableTo(lastEntry.index, lastEntry.term);
    if (ready.snapshot !== undefined) log.unstable.stableSnapshotTo(ready.snapshot.metadata.index);
    const lastApplied = ready.committedEntries.at(-1);
    if (lastApplied !== undefined) log.appliedTo(lastApplied.index);
  }

  /** Whether enough entries were applied since the last snapshot to take a new one. */
  snapshotDue(): boolean {
    const sinceSnapshot = this.#raft.log.applied - this.#storage.snapshot.metadata.index;
    return sinceSnapshot >= this.#raft.options.snapshotIntervalEntries;
  }

  /**
   * Records `data` (the state machine at the applied index) as a snapshot and compacts the log,
   * keeping `logEntriesForSlowFollowers` entries so a follower that lags a little can still be
   * caught up with entries (swarmkit `triggerSnapshot`).
   */
  createSnapshot(data: S): Snapshot<S> {
    const raft = this.#raft;
    const index = raft.log.applied;
    assert(raft.log.unstable.offset > index, 'snapshot only what is persisted');
    const snapshot = this.#storage.createSnapshot(index, raft.membership.votersAt(index), data);
    this.#storage.compact(index - raft.options.logEntriesForSlowFollowers);
    raft.membership.rebase(index);
    raft.emit({ type: 'snapshot-taken', index, term: snapshot.metadata.term });
    return snapshot;
  }

  /** The term of the entry at `index`, when the log still holds it. */
  termAt(index: number): number | undefined {
    return this.#raft.log.term(index);
  }

  /** Entries in [lo, hi) of the log, or undefined when part of the range is compacted. */
  entries(lo: number, hi: number): readonly Entry<P>[] | undefined {
    return this.#raft.log.slice(lo, hi);
  }

  status(): RaftStatus {
    const raft = this.#raft;
    return {
      id: raft.id,
      role: raft.role,
      term: raft.term,
      vote: raft.vote,
      lead: raft.lead,
      commit: raft.log.committed,
      applied: raft.log.applied,
      firstIndex: raft.log.firstIndex(),
      lastIndex: raft.log.lastIndex(),
      voters: raft.membership.voters(),
      leadTransferee: raft.leadTransferee,
      progress: [...raft.progress].map(([id, progress]) => ({
        id,
        match: progress.match,
        next: progress.next,
        state: progress.state,
        recentActive: progress.recentActive,
      })),
    };
  }

  get role(): Role {
    return this.#raft.role;
  }

  get term(): number {
    return this.#raft.term;
  }

  get lead(): NodeId {
    return this.#raft.lead;
  }

  get commitIndex(): number {
    return this.#raft.log.committed;
  }

  get appliedIndex(): number {
    return this.#raft.log.applied;
  }

  get lastIndex(): number {
    return this.#raft.log.lastIndex();
  }

  voters(): readonly NodeId[] {
    return this.#raft.membership.voters();
  }

  /** The member this leader is handing leadership to; 0 when none. */
  get leadTransferee(): NodeId {
    return this.#raft.leadTransferee;
  }

  private currentSoftState(): SoftState {
    return { lead: this.#raft.lead, role: this.#raft.role };
  }

  private currentHardState(): HardState {
    return { term: this.#raft.term, vote: this.#raft.vote, commit: this.#raft.log.committed };
  }
}

function softStateEqual(a: SoftState, b: SoftState): boolean {
  return a.lead === b.lead && a.role === b.role;
}
