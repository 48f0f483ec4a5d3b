import { assert } from '../lib/assert';
import { isCount, type Entry, type NodeId } from './types';

/** The voters in force from `index` on. */
export interface Configuration {
  readonly index: number;
  readonly voters: readonly NodeId[];
}

/** A Membership as plain data: the base configuration and the changes recorded after it. */
export interface MembershipData {
  readonly base: Configuration;
  readonly changes: readonly Configuration[];
}

/**
 * Which members vote, as a function of the log. A member uses the latest configuration in its
 * log, committed or not (Raft dissertation §4.1), so every change appended or truncated shows
 * here at once. etcd and swarmkit switch configuration when the entry is applied instead; the
 * difference is a few milliseconds, and the append-time rule keeps single-server changes safe
 * even when a member restarts with conf changes it has not applied (see docs/raft.md).
 *
 * Invariant: `changes` is sorted by index and every index is above `base.index`.
 */
export class Membership {
  #base: Configuration;
  #changes: Configuration[] = [];

  constructor(index: number, voters: readonly NodeId[]) {
    this.#base = { index, voters: [...voters] };
  }

  /** Rebuilds an exported Membership, checking its invariant. */
  static fromData(data: MembershipData): Membership {
    assert(isCount(data.base.index), `membership base index ${data.base.index}`);
    let previous = data.base.index;
    for (const change of data.changes) {
      assert(
        Number.isInteger(change.index) && change.index > previous,
        'membership changes are sorted and above the base',
      );
      previous = change.index;
    }
    const membership = new Membership(data.base.index, data.base.voters);
    membership.#changes = data.changes.map((change) => ({
      index: change.index,
      voters: [...change.voters],
    }));
    return membership;
  }

  /** A copy: later changes to this Membership do not show in the returned data. */
  toData(): MembershipData {
    const copy = (configuration: Configuration): Configuration => ({
      index: configuration.index,
      voters: [...configuration.voters],
    });
    return { base: copy(this.#base), changes: this.#changes.map(copy) };
  }

  voters(): readonly NodeId[] {
    return this.#changes.at(-1)?.voters ?? this.#base.voters;
  }

  isVoter(id: NodeId): boolean {
    return this.voters().includes(id);
  }

  /** The voters in force at `index` (the latest change at or below it). */
  votersAt(index: number): readonly NodeId[] {
    let voters = this.#base.voters;
    for (const change of this.#changes) {
      if (change.index > index) break;
      voters = change.voters;
    }
    return voters;
  }

  /** Records entries written at the end of the log; anything at or after them was truncated. */
  record<P>(entries: readonly Entry<P>[]): boolean {
    const first = entries[0];
    if (first === undefined) return false;
    const before = this.voters();
    this.#changes = this.#changes.filter((change) => change.index < first.index);
    for (const entry of entries) {
      if (entry.data.type === 'conf-change') {
        this.#changes.push({ index: entry.index, voters: entry.data.voters });
      }
    }
    return before !== this.voters();
  }

  /** A snapshot replaced the log: its configuration is the whole story. */
  restore(index: number, voters: readonly NodeId[]): void {
    this.#base = { index, voters: [...voters] };
    this.#changes = [];
  }

  /** Forgets history at or below a snapshot index that nothing can truncate any more. */
  rebase(index: number): void {
    this.#base = { index, voters: this.votersAt(index) };
    this.#changes = this.#changes.filter((change) => change.index > index);
  }
}
