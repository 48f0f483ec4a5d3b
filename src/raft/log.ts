import { assert } from '../lib/assert';
import { UnstableLog, type UnstableLogData } from './log-unstable';
import type { MemoryStorage } from './storage';
import { isCount, type Entry, type Snapshot } from './types';

/** A RaftLog's own state as plain data: the commit and apply cursors and the unstable tail. */
export interface RaftLogData<P, S> {
  readonly committed: number;
  readonly applied: number;
  readonly unstable: UnstableLogData<P, S>;
}

/** Where an append landed, so the caller can update the membership view. */
export interface AppendResult<P> {
  readonly lastNewIndex: number;
  /** The entries actually written (the part after the first conflict), possibly empty. */
  readonly written: readonly Entry<P>[];
}

/**
 * A member's view of the log: the persisted part in storage plus the unstable tail (etcd
 * `log.go`). It also holds the commit and apply cursors.
 * Invariant: applied <= committed <= lastIndex().
 */
export class RaftLog<P, S> {
  readonly storage: MemoryStorage<P, S>;
  readonly unstable: UnstableLog<P, S>;
  committed: number;
  applied: number;

  /**
   * Over `storage` alone (a start or a restart), or with `data` exported from a running member
   * that moves, together with the storage it was exported with.
   */
  constructor(storage: MemoryStorage<P, S>, data?: RaftLogData<P, S>) {
    this.storage = storage;
    if (data === undefined) {
      this.unstable = new UnstableLog<P, S>(storage.lastIndex() + 1);
      this.committed = storage.hardState.commit;
      // After a restart the host rebuilds its state machine from the snapshot and re-applies the
      // committed entries after it, as swarmkit does when it replays the WAL.
      this.applied = storage.snapshot.metadata.index;
      assert(this.committed >= this.applied, 'the persisted commit covers the snapshot');
    } else {
      this.unstable = UnstableLog.fromData(data.unstable);
      this.committed = data.committed;
      this.applied = data.applied;
      this.checkImported();
    }
  }

  /** The cursors and the unstable tail as plain data; the storage moves separately. */
  toData(): RaftLogData<P, S> {
    return { committed: this.committed, applied: this.applied, unstable: this.unstable.toData() };
  }

  /** Cheap checks that imported data fits the storage it came with. */
  private checkImported(): void {
    const storage = this.storage;
    const unstable = this.unstable;
    if (unstable.entries.length === 0 && unstable.snapshot === undefined) {
      // Everything accepted was persisted: the tail starts right after the storage's log.
      assert(
        unstable.offset === storage.lastIndex() + 1,
        `unstable offset ${unstable.offset} does not follow the storage's last index ${storage.lastIndex()}`,
      );
    } else if (unstable.snapshot === undefined) {
      assert(
        unstable.offset <= storage.lastIndex() + 1,
        `unstable entries from ${unstable.offset} leave a gap after the storage's last index ${storage.lastIndex()}`,
      );
    }
    assert(
      isCount(this.applied) && isCount(this.committed),
      'the log cursors are non-negative integers',
    );
    assert(
      this.applied <= this.committed && this.committed <= this.lastIndex(),
      `need applied ${this.applied} <= committed ${this.committed} <= last index ${this.lastIndex()}`,
    );
    // The host snapshots only what it applied, and applies a snapshot it installs.
    assert(
      this.applied >= storage.snapshot.metadata.index,
      `applied ${this.applied} is behind the storage's snapshot ${storage.snapshot.metadata.index}`,
    );
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  /** The term at `index`, or undefined when compacted away or beyond the end. */
  term(index: number): number | undefined {
    if (index < this.firstIndex() - 1 || index > this.lastIndex()) return undefined;
    return this.unstable.maybeTerm(index) ?? this.storage.term(index);
  }

  lastTerm(): number {
    const term = this.term(this.lastIndex());
    assert(term !== undefined, 'the last term is always known');
    return term;
  }

  matchTerm(index: number, term: number): boolean {
    return this.term(index) === term;
  }

  /** The §5.4.1 election restriction: is (lastIndex, lastTerm) at least as up to date as ours? */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /** Entries in [lo, hi), or undefined when part of the range is compacted. */
  slice(lo: number, hi: number): Entry<P>[] | undefined {
    if (lo >= hi) return [];
    if (lo < this.firstIndex()) return undefined;
    // Here and below, a message is built only on failure: these run on every append and commit.
    if (hi > this.lastIndex() + 1) assert(false, `slice ${lo}..${hi} is past the end`);
    const split = this.unstable.offset;
    if (hi <= split) return this.storage.slice(lo, hi);
    if (lo >= split) return this.unstable.slice(lo, hi);
    return this.storage.slice(lo, split).concat(this.unstable.slice(split, hi));
  }

  /** The latest snapshot, pending or persisted, to send to a follower that lags too far. */
  snapshot(): Snapshot<S> {
    return this.unstable.snapshot ?? this.storage.snapshot;
  }

  /** Leader-side append at the end of the log. */
  append(entries: readonly Entry<P>[]): number {
    const first = entries[0];
    if (first === undefined) return this.lastIndex();
    assert(first.index - 1 >= this.committed, 'never overwrite committed entries');
    this.unstable.truncateAndAppend(entries);
    return this.lastIndex();
  }

  /**
   * Follower-side append (§5.3): accept `entries` only if our log holds (index, logTerm), keep
   * what matches, replace from the first conflict, and commit what the leader has committed and
   * we now provably hold.
   */
  maybeAppend(
    index: number,
    logTerm: number,
    commit: number,
    entries: readonly Entry<P>[],
  ): AppendResult<P> | undefined {
    if (!this.matchTerm(index, logTerm)) return undefined;
    const lastNewIndex = index + entries.length;
    const conflict = this.findConflict(entries);
    let written: readonly Entry<P>[] = [];
    if (conflict !== 0) {
      assert(conflict > this.committed, `conflict at ${conflict} is within the committed prefix`);
      written = entries.slice(conflict - index - 1);
      this.append(written);
    }
    this.commitTo(Math.min(commit, lastNewIndex));
    return { lastNewIndex, written };
  }

  /** The first index whose term differs from ours (or that we lack); 0 if all match. */
  findConflict(entries: readonly Entry<P>[]): number {
    for (const entry of entries) {
      if (!this.matchTerm(entry.index, entry.term)) return entry.index;
    }
    return 0;
  }

  /**
   * The largest index <= `index` whose term is <= `term`, with that term (etcd
   * `findConflictByTerm`). It lets a rejection skip every entry of a conflicting term at once.
   * A compacted index reports term 0.
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (let at = index; at > 0; at--) {
      const ourTerm = this.term(at);
      if (ourTerm === undefined) return { index: at, term: 0 };
      if (ourTerm <= term) return { index: at, term: ourTerm };
    }
    return { index: 0, term: 0 };
  }

  /** Moves the commit cursor forward; returns whether it moved. */
  commitTo(index: number): boolean {
    if (index <= this.committed) return false;
    if (index > this.lastIndex()) assert(false, `commit ${index} is past the last index`);
    this.committed = index;
    return true;
  }

  hasNextCommittedEntries(): boolean {
    return this.committed > this.applied;
  }

  nextCommittedEntries(max: number): Entry<P>[] {
    if (!this.hasNextCommittedEntries()) return [];
    const hi = Math.min(this.committed, this.applied + max) + 1;
    const entries = this.slice(this.applied + 1, hi);
    assert(entries !== undefined, 'committed but unapplied entries are never compacted');
    return entries;
  }

  appliedTo(index: number): void {
    if (index > this.committed) {
      assert(false, `applied ${index} is past the commit ${this.committed}`);
    }
    if (index > this.applied) this.applied = index;
  }

  /** Installs a leader's snapshot, discarding the whole log (§7). */
  restore(snapshot: Snapshot<S>): void {
    this.committed = snapshot.metadata.index;
    this.applied = snapshot.metadata.index;
    this.unstable.restore(snapshot);
  }
}
