import { committedIndex } from './quorum';
import type { Raft } from './raft';
import type { NodeId } from './types';

/**
 * Leader-side sending (Raft paper §5.3): what to send each follower given its Progress.
 */

/**
 * Sends `to` the entries it lacks, or a snapshot when they are compacted away. With
 * `sendIfEmpty` false, nothing is sent when there is nothing new. Returns whether it sent.
 */
export function sendAppend<P, S>(raft: Raft<P, S>, to: NodeId, sendIfEmpty: boolean): boolean {
  const progress = raft.progress.get(to);
  if (progress === undefined || progress.isPaused(raft.options.inflightMessagesMax)) return false;
  const prevIndex = progress.next - 1;
  const prevTerm = raft.log.term(prevIndex);
  const lastIndex = raft.log.lastIndex();
  const hi = Math.min(lastIndex + 1, progress.next + raft.options.entriesPerMessageMax);
  const entries = prevTerm === undefined ? undefined : raft.log.slice(progress.next, hi);
  if (prevTerm === undefined || entries === undefined) return sendSnapshot(raft, to);
  if (entries.length === 0 && !sendIfEmpty) return false;
  raft.send({
    type: 'MsgApp',
    from: raft.id,
    to,
    term: raft.term,
    index: prevIndex,
    logTerm: prevTerm,
    entries,
    commit: raft.log.committed,
  });
  progress.sentEntries(entries.length, prevIndex + entries.length);
  return true;
}

/** The follower lags behind the compacted log: send the latest snapshot (§7). */
function sendSnapshot<P, S>(raft: Raft<P, S>, to: NodeId): boolean {
  const progress = raft.progress.get(to);
  // A follower we have not heard from lately is probably down: don't ship it a snapshot.
  if (progress === undefined || !progress.recentActive) return false;
  const snapshot = raft.log.snapshot();
  progress.becomeSnapshot(snapshot.metadata.index);
  raft.send({ type: 'MsgSnap', from: raft.id, to, term: raft.term, snapshot });
  return true;
}

export function bcastAppend<P, S>(raft: Raft<P, S>): void {
  for (const id of raft.progress.keys()) {
    if (id !== raft.id) sendAppend(raft, id, true);
  }
}

export function bcastHeartbeat<P, S>(raft: Raft<P, S>): void {
  for (const [id, progress] of raft.progress) {
    if (id === raft.id) continue;
    raft.send({
      type: 'MsgHeartbeat',
      from: raft.id,
      to: id,
      term: raft.term,
      commit: Math.min(progress.match, raft.log.committed),
    });
  }
}

/**
 * Advances the commit index to what a majority holds, but only through an entry of the current
 * term: counting replicas never commits an earlier term's entry directly (§5.4.2, Figure 8).
 */
export function maybeCommit<P, S>(raft: Raft<P, S>): boolean {
  const index = committedIndex(
    raft.membership.voters(),
    (voter) => raft.progress.get(voter)?.match ?? 0,
  );
  if (index <= raft.log.committed || raft.log.term(index) !== raft.term) return false;
  raft.log.commitTo(index);
  raft.emit({ type: 'commit-advanced', commitIndex: index });
  return true;
}
