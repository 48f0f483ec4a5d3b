import { assert } from '../lib/assert';
import { isCount, type Entry, type Snapshot } from './types';

/** An UnstableLog as plain data; `null` rather than `undefined` so that JSON keeps the key. */
export interface UnstableLogData<P, S> {
  readonly offset: number;
  readonly entries: readonly Entry<P>[];
  readonly snapshot: Snapshot<S> | null;
}

/**
 * Entries and a snapshot that the core accepted but the host has not yet persisted (etcd
 * `log_unstable.go`). They are handed out in the next Ready and dropped here on Advance.
 * Invariant: when `entries` is not empty, entries[0].index === offset.
 */
export class UnstableLog<P, S> {
  snapshot: Snapshot<S> | undefined;
  entries: Entry<P>[] = [];
  offset: number;

  constructor(offset: number) {
    this.offset = offset;
  }

  /** Rebuilds an exported unstable tail, checking its own invariant. */
  static fromData<P, S>(data: UnstableLogData<P, S>): UnstableLog<P, S> {
    assert(isCount(data.offset) && data.offset >= 1, `unstable offset ${data.offset} is below 1`);
    data.entries.forEach((entry, i) => {
      assert(entry.index === data.offset + i, 'unstable entries are contiguous from the offset');
    });
    const unstable = new UnstableLog<P, S>(data.offset);
    unstable.entries = [...data.entries];
    unstable.snapshot = data.snapshot ?? undefined;
    return unstable;
  }

  /** A copy of the tail; entries and the snapshot are immutable and shared. */
  toData(): UnstableLogData<P, S> {
    return { offset: this.offset, entries: [...this.entries], snapshot: this.snapshot ?? null };
  }

  maybeFirstIndex(): number | undefined {
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index + 1;
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot?.metadata.index;
  }

  maybeTerm(index: number): number | undefined {
    if (index < this.offset) {
      const meta = this.snapshot?.metadata;
      return meta !== undefined && meta.index === index ? meta.term : undefined;
    }
    return this.entries[index - this.offset]?.term;
  }

  /** The host persisted everything up to `index` (with `term`): forget it here. */
  stableTo(index: number, term: number): void {
    if (index < this.offset || this.maybeTerm(index) !== term) return;
    this.entries = this.entries.slice(index + 1 - this.offset);
    this.offset = index + 1;
  }

  stableSnapshotTo(index: number): void {
    if (this.snapshot?.metadata.index === index) this.snapshot = undefined;
  }

  restore(snapshot: Snapshot<S>): void {
    this.offset = snapshot.metadata.index + 1;
    this.entries = [];
    this.snapshot = snapshot;
  }

  /** Appends, replacing whatever unstable suffix conflicts with `entries` (§5.3). */
  truncateAndAppend(entries: readonly Entry<P>[]): void {
    const first = entries[0];
    if (first === undefined) return;
    const after = first.index;
    if (after === this.offset + this.entries.length) {
      for (const entry of entries) this.entries.push(entry);
    } else if (after <= this.offset) {
      // The new entries replace everything unstable, and part of the stable log too; storage
      // truncates its own copy when this Ready is persisted.
      this.offset = after;
      this.entries = [...entries];
    } else {
      this.entries = this.entries.slice(0, after - this.offset).concat(entries);
    }
    assert(this.entries[0]?.index === this.offset, 'unstable entries start at the offset');
  }

  slice(lo: number, hi: number): Entry<P>[] {
    assert(lo >= this.offset && hi <= this.offset + this.entries.length, 'unstable slice bounds');
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
