import type { NodeId } from '../../raft';
import { PEER_SILENCE_MS, recordSendOutcome, type TransportActivity } from '../raftmembers';
import { epochNow } from '../runtime/control';
import type { Control } from '../runtime/control';
import { sortedEntries } from '../record-utils';

/**
 * This member's Raft transport as swarmkit's tracks it: which peers it heard from lately. The
 * role manager and MANAGER STATUS read it; the machine tells it of every Raft message arriving,
 * and the daemon's tick marks the peers that fell silent.
 */
export class PeerActivity {
  #activity: TransportActivity = {};
  /** When a Raft message from each peer last arrived, by Raft ID. */
  readonly #lastHeard = new Map<NodeId, number>();

  /** Replaced, never mutated: a caller may keep it. */
  get activity(): TransportActivity {
    return this.#activity;
  }

  heardFrom(control: Control, from: NodeId): void {
    this.#lastHeard.set(from, control.nowMs);
    this.#activity = recordSendOutcome(this.#activity, {
      raftId: from,
      outcome: 'delivered',
      atMs: epochNow(control),
    });
  }

  /** Marks every voter not heard of within PEER_SILENCE_MS as timed out. */
  expireSilent(control: Control): void {
    const raft = control.raft();
    if (raft === undefined) return;
    for (const voter of raft.status().voters) {
      if (voter === control.machineId) continue;
      const heard = this.#lastHeard.get(voter);
      if (heard !== undefined && control.nowMs - heard <= PEER_SILENCE_MS) continue;
      this.#activity = recordSendOutcome(this.#activity, {
        raftId: voter,
        outcome: 'timed-out',
        atMs: epochNow(control),
      });
    }
  }

  reset(): void {
    this.#activity = {};
    this.#lastHeard.clear();
  }

  /** By ascending Raft ID: only looked up, so the order carries nothing. */
  exportLastHeard(): [NodeId, number][] {
    return sortedEntries(this.#lastHeard);
  }

  load(activity: TransportActivity, lastHeard: readonly (readonly [NodeId, number])[]): void {
    this.#activity = activity;
    this.#lastHeard.clear();
    for (const [raftId, atMs] of lastHeard) this.#lastHeard.set(raftId, atMs);
  }
}
