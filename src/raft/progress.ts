/**
 * The leader's view of one follower (etcd `tracker/progress.go`).
 *
 * - probe: the leader does not know where the follower's log matches; it sends one MsgApp and
 *   waits for the answer (or a heartbeat response) before sending another.
 * - replicate: the follower is matching; the leader streams entries optimistically, bounded by
 *   `inflightMessagesMax` unacknowledged messages.
 * - snapshot: the follower needs a snapshot; nothing else is sent until it is installed.
 *
 * Invariant: 0 <= match < next.
 */
import { assert } from '../lib/assert';
import { isCount } from './types';

export type ProgressState = 'probe' | 'replicate' | 'snapshot';

const PROGRESS_STATES: readonly ProgressState[] = ['probe', 'replicate', 'snapshot'];

/** Every field of a Progress as plain data, for moving a running member (`RawNode.exportState`). */
export interface ProgressData {
  readonly match: number;
  readonly next: number;
  readonly state: ProgressState;
  readonly probeSent: boolean;
  readonly pendingSnapshot: number;
  readonly snapshotWaitTicks: number;
  readonly recentActive: boolean;
  readonly inflights: readonly number[];
}

export class Progress {
  match = 0;
  next: number;
  state: ProgressState = 'probe';
  /** In probe state: a MsgApp is out and unanswered. */
  probeSent = false;
  /** In snapshot state: the index of the snapshot that was sent. */
  pendingSnapshot = 0;
  /** Ticks spent waiting for that snapshot; a lost MsgSnap must not stall the follower forever. */
  snapshotWaitTicks = 0;
  /** Heard from since the last CheckQuorum round. */
  recentActive: boolean;
  /** Last index of each MsgApp in flight, oldest first (replicate state). */
  inflights: number[] = [];

  constructor(options: { next: number; recentActive: boolean }) {
    this.next = options.next;
    this.recentActive = options.recentActive;
  }

  /** Rebuilds an exported Progress; the arrays are copied, so `data` stays the caller's. */
  static fromData(data: ProgressData): Progress {
    assert(PROGRESS_STATES.includes(data.state), `unknown progress state ${data.state}`);
    assert(
      isCount(data.match) && isCount(data.next) && data.match < data.next,
      `progress needs 0 <= match < next (match ${data.match}, next ${data.next})`,
    );
    assert(
      isCount(data.pendingSnapshot) && isCount(data.snapshotWaitTicks),
      'progress counters are non-negative integers',
    );
    // Only replicate state streams optimistically; every state change empties the window.
    assert(
      data.state === 'replicate' || data.inflights.length === 0,
      `a progress in ${data.state} state has no inflight messages`,
    );
    const progress = new Progress({ next: data.next, recentActive: data.recentActive });
    progress.match = data.match;
    progress.state = data.state;
    progress.probeSent = data.probeSent;
    progress.pendingSnapshot = data.pendingSnapshot;
    progress.snapshotWaitTicks = data.snapshotWaitTicks;
    progress.inflights = [...data.inflights];
    return progress;
  }

  /** A copy: later changes to this Progress do not show in the returned data. */
  toData(): ProgressData {
    return {
      match: this.match,
      next: this.next,
      state: this.state,
      probeSent: this.probeSent,
      pendingSnapshot: this.pendingSnapshot,
      snapshotWaitTicks: this.snapshotWaitTicks,
      recentActive: this.recentActive,
      inflights: [...this.inflights],
    };
  }

  isPaused(inflightMessagesMax: number): boolean {
    switch (this.state) {
      case 'probe':
        return this.probeSent;
      case 'replicate':
        return this.inflights.length >= inflightMessagesMax;
      case 'snapshot':
        return true;
    }
  }

  /** A success response for `index`; returns whether `match` moved. */
  maybeUpdate(index: number): boolean {
    let updated = false;
    if (this.match < index) {
      this.match = index;
      this.probeSent = false;
      updated = true;
    }
    this.next = Math.max(this.next, index + 1);
    return updated;
  }

  /**
   * A rejection of the MsgApp whose previous index was `rejected`; `matchHint` is the leader's
   * guess from the follower's hint. Returns false for a stale rejection.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'replicate') {
      // In replicate state a rejection below match is stale; otherwise fall back to match + 1.
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    // In probe state only the answer to the last probe counts.
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.probeSent = false;
    return true;
  }

  /** Notes that a MsgApp whose last entry is `lastIndex` was sent with `count` entries. */
  sentEntries(count: number, lastIndex: number): void {
    if (this.state === 'replicate') {
      if (count > 0) {
        this.next = lastIndex + 1;
        this.inflights.push(lastIndex);
      }
    } else {
      this.probeSent = true;
    }
  }

  freeInflightsUpTo(index: number): void {
    let drop = 0;
    while (drop < this.inflights.length && (this.inflights[drop] ?? Infinity) <= index) drop++;
    if (drop > 0) this.inflights.splice(0, drop);
  }

  becomeProbe(): void {
    // After a snapshot, the follower holds at least the snapshot: probe from just after it.
    this.next =
      this.state === 'snapshot'
        ? Math.max(this.match + 1, this.pendingSnapshot + 1)
        : this.match + 1;
    this.resetState('probe');
  }

  becomeReplicate(): void {
    this.next = this.match + 1;
    this.resetState('replicate');
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
  }

  private resetState(state: ProgressState): void {
    this.state = state;
    this.probeSent = false;
    this.pendingSnapshot = 0;
    this.snapshotWaitTicks = 0;
    this.inflights = [];
  }
}
