import { assert } from '../lib/assert';
import type { Entry, HardState, NodeId, Snapshot } from './types';

/** A plain-data copy of a storage, for snapshots of the whole simulation. */
export interface StorageData<P, S> {
  readonly hardState: HardState;
  readonly snapshot: Snapshot<S>;
  readonly offsetIndex: number;
  readonly offsetTerm: number;
  readonly entries: readonly Entry<P>[];
}

/**
 * The durable half of a member: what survives a crash (term, vote, commit, the log and the latest
 * snapshot). The host writes it while handling a Ready, before it sends that Ready's messages, as
 * etcd's MemoryStorage is written by the application. A restart builds a new core over the same
 * storage.
 *
 * The log is kept from `offsetIndex + 1`; the entry at `offsetIndex` is compacted but its term is
 * remembered so that an append right after it can still be checked (§5.3 consistency check).
 * Invariant: offsetIndex <= snapshot.metadata.index <= lastIndex().
 */
export class MemoryStorage<P, S> {
  #hardState: HardState;
  #snapshot: Snapshot<S>;
  #offsetIndex: number;
  #offsetTerm: number;
  #entries: Entry<P>[];

  constructor(data: StorageData<P, S>) {
    this.#hardState = data.hardState;
    this.#snapshot = data.snapshot;
    this.#offsetIndex = data.offsetIndex;
    this.#offsetTerm = data.offsetTerm;
    this.#entries = [...data.entries];
  }

  /** An empty storage whose configuration starts as `voters` with state-machine state `data`. */
  static bootstrap<P, S>(voters: readonly NodeId[], data: S): MemoryStorage<P, S> {
    return new MemoryStorage<P, S>({
      hardState: { term: 0, vote: 0, commit: 0 },
      snapshot: { metadata: { index: 0, term: 0, voters: [...voters] }, data },
      offsetIndex: 0,
      offsetTerm: 0,
      entries: [],
    });
  }

  toData(): StorageData<P, S> {
    return {
      hardState: this.#hardState,
      snapshot: this.#snapshot,
      offsetIndex: this.#offsetIndex,
      offsetTerm: this.#offsetTerm,
      entries: [...this.#entries],
    };
  }

  get hardState(): HardState {
    return this.#hardState;
  }

  get snapshot(): Snapshot<S> {
    return this.#snapshot;
  }

  firstIndex(): number {
    return this.#offsetIndex + 1;
  }

  lastIndex(): number {
    return this.#offsetIndex + this.#entries.length;
  }

  /** The term at `index`, or undefined when it is compacted away or not yet written. */
  term(index: number): number | undefined {
    if (index === this.#offsetIndex) return this.#offsetTerm;
    if (index < this.#offsetIndex || index > this.lastIndex()) return undefined;
    return this.#entries[index - this.#offsetIndex - 1]?.term;
  }

  /** Entries in [lo, hi). The caller checks the bounds against firstIndex and lastIndex. */
  slice(lo: number, hi: number): Entry<P>[] {
    // Messages are built only on failure: every append and every commit slices.
    if (lo <= this.#offsetIndex) assert(false, `storage slice ${lo} is compacted`);
    if (hi > this.lastIndex() + 1) assert(false, `storage slice ${hi} is past the end`);
    return this.#entries.slice(lo - this.#offsetIndex - 1, hi - this.#offsetIndex - 1);
  }

  /** The entries after the snapshot, which a restarting member reads to rebuild its view. */
  entriesAfter(index: number): Entry<P>[] {
    return this.#entries.slice(Math.max(0, index - this.#offsetIndex));
  }

  setHardState(hardState: HardState): void {
    assert(hardState.term >= this.#hardState.term, 'the persisted term never decreases');
    this.#hardState = hardState;
  }

  /** Appends entries, replacing any conflicting suffix (§5.3). */
  append(entries: readonly Entry<P>[]): void {
    const first = entries[0];
    if (first === undefined) return;
    // Entries at or below the compaction point are already covered; skip them.
    const fresh = entries.filter((entry) => entry.index > this.#offsetIndex);
    const head = fresh[0];
    if (head === undefined) return;
    if (head.index > this.lastIndex() + 1) {
      assert(false, `storage append leaves a gap at ${head.index}`);
    }
    this.#entries.length = head.index - this.#offsetIndex - 1;
    for (const entry of fresh) this.#entries.push(entry);
  }

  /** Replaces the whole log with a snapshot received from the leader (§7). */
  applySnapshot(snapshot: Snapshot<S>): void {
    if (snapshot.metadata.index <= this.#snapshot.metadata.index) return;
    this.#snapshot = snapshot;
    this.#offsetIndex = snapshot.metadata.index;
    this.#offsetTerm = snapshot.metadata.term;
    this.#entries = [];
  }

  /** Records a snapshot of the local state machine at an applied index. */
  createSnapshot(index: number, voters: readonly NodeId[], data: S): Snapshot<S> {
    assert(index > this.#snapshot.metadata.index, 'a new snapshot must be newer than the last');
    const term = this.term(index);
    assert(term !== undefined, `snapshot index ${index} is not in the log`);
    this.#snapshot = { metadata: { index, term, voters: [...voters] }, data };
    return this.#snapshot;
  }

  /** Drops the entries up to and including `index`, which must be covered by the snapshot. */
  compact(index: number): void {
    if (index <= this.#offsetIndex) return;
    assert(index <= this.#snapshot.metadata.index, 'compact only what a snapshot covers');
    const term = this.term(index);
    assert(term !== undefined, `compact index ${index} is not in the log`);
    this.#entries = this.#entries.slice(index - this.#offsetIndex);
    this.#offsetIndex = index;
    this.#offsetTerm = term;
  }
}
