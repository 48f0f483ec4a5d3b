/**
 * Which Raft peers a manager can reach, as swarmkit's Raft transport tracks it
 * (`manager/state/raft/transport/peer.go`): a peer becomes active when a send to it succeeds and
 * inactive as soon as one fails. MANAGER STATUS (Reachable/Unreachable) and the demotion quorum
 * check both read this (raft.go `GetMemberlist`, `CanRemoveMember`).
 *
 * Timing (semantics §1.9): the leader sends to every follower each Raft tick (1 s). A send to a
 * stopped daemon is refused at once; a send into a partition fails at the 2 s send timeout. So a
 * stopped manager turns Unreachable within about 1 s, a partitioned one within about 3 s. The
 * host reports each send's outcome at the time the sender learns it (`outcomeKnownAtMs`).
 */

/** Swarmkit `raft.go` `NewNode`: `SendTimeout: 2 * time.Second`. */
export const RAFT_SEND_TIMEOUT_MS = 2_000;

/** A peer not heard of for this long counts as unreachable (a send timed out). */
export const PEER_SILENCE_MS = RAFT_SEND_TIMEOUT_MS + 1_000;

export type SendOutcome = 'delivered' | 'refused' | 'timed-out';

export interface PeerActivity {
  readonly active: boolean;
  /** When the peer last became active; `LongestActive` prefers the oldest. */
  readonly becameActiveAtMs: number | null;
}

/** Activity by Raft ID (decimal string). A peer never heard of is inactive. */
export type TransportActivity = Readonly<Record<string, PeerActivity>>;

/**
 * When the sender learns the outcome of a send made at `sentAtMs`: a refused connection at once,
 * a send that gets no answer at the send timeout. A delivered send is known when the host
 * delivers it, which only the host knows, so it passes that time itself.
 */
export function outcomeKnownAtMs(sentAtMs: number, outcome: 'refused' | 'timed-out'): number {
  return outcome === 'refused' ? sentAtMs : sentAtMs + RAFT_SEND_TIMEOUT_MS;
}

export function recordSendOutcome(
  activity: TransportActivity,
  report: { readonly raftId: number; readonly outcome: SendOutcome; readonly atMs: number },
): TransportActivity {
  const key = String(report.raftId);
  const current = activity[key];
  if (report.outcome === 'delivered') {
    if (current?.active === true) return activity;
    return { ...activity, [key]: { active: true, becameActiveAtMs: report.atMs } };
  }
  if (current !== undefined && !current.active) return activity;
  return { ...activity, [key]: { active: false, becameActiveAtMs: null } };
}

export function isPeerActive(activity: TransportActivity, raftId: number): boolean {
  return activity[String(raftId)]?.active === true;
}

/**
 * The peer among `candidates` that has been active the longest (transport.go `LongestActive`),
 * the target of a leadership transfer when the leader is demoted. Ties go to the lower Raft ID
 * so the choice is deterministic.
 */
export function longestActivePeer(
  activity: TransportActivity,
  candidates: readonly number[],
): number | null {
  let best: { raftId: number; sinceMs: number } | null = null;
  for (const raftId of [...candidates].sort((a, b) => a - b)) {
    const peer = activity[String(raftId)];
    if (peer?.active !== true || peer.becameActiveAtMs === null) continue;
    if (best === null || peer.becameActiveAtMs < best.sinceMs) {
      best = { raftId, sinceMs: peer.becameActiveAtMs };
    }
  }
  return best?.raftId ?? null;
}
