import type { MsgApp, MsgHeartbeat, MsgSnap, Message } from './messages';
import type { Raft } from './raft';

/** Follower: accept the leader's log and commit index; answer nothing else. */
export function stepFollower<P, S>(raft: Raft<P, S>, message: Message<P, S>): void {
  switch (message.type) {
    case 'MsgApp':
      hearFromLeader(raft, message.from);
      handleAppend(raft, message);
      return;
    case 'MsgHeartbeat':
      hearFromLeader(raft, message.from);
      handleHeartbeat(raft, message);
      return;
    case 'MsgSnap':
      hearFromLeader(raft, message.from);
      handleSnapshot(raft, message);
      return;
    case 'MsgTimeoutNow':
      // The leader is handing over (dissertation §3.10): campaign at once, past the lease.
      raft.campaign('transfer');
      return;
    case 'MsgAppResp':
    case 'MsgVote':
    case 'MsgPreVote':
    case 'MsgVoteResp':
    case 'MsgPreVoteResp':
    case 'MsgHeartbeatResp':
      return;
  }
}

function hearFromLeader<P, S>(raft: Raft<P, S>, leader: number): void {
  raft.electionElapsedTicks = 0;
  raft.lead = leader;
}

/** AppendEntries receiver (§5.3), with a fast back-off hint on rejection. */
export function handleAppend<P, S>(raft: Raft<P, S>, message: MsgApp<P>): void {
  const log = raft.log;
  if (message.index < log.committed) {
    // Everything up to our commit index already matches the leader (Log Matching, §5.3).
    sendAppendResponse(raft, message.from, log.committed, undefined);
    return;
  }
  const committedBefore = log.committed;
  const result = log.maybeAppend(message.index, message.logTerm, message.commit, message.entries);
  if (result !== undefined) {
    if (result.written.length > 0 && raft.membership.record(result.written)) raft.syncProgress();
    noteCommit(raft, committedBefore);
    sendAppendResponse(raft, message.from, result.lastNewIndex, undefined);
    return;
  }
  // Point the leader at the last entry that could match: the largest index whose term is no
  // higher than the leader's term at `message.index`.
  const hint = log.findConflictByTerm(Math.min(message.index, log.lastIndex()), message.logTerm);
  sendAppendResponse(raft, message.from, message.index, hint);
}

/** MsgAppResp: success at `index`, or a rejection of `index` with a back-off hint. */
function sendAppendResponse<P, S>(
  raft: Raft<P, S>,
  to: number,
  index: number,
  hint: { index: number; term: number } | undefined,
): void {
  raft.send({
    type: 'MsgAppResp',
    from: raft.id,
    to,
    term: raft.term,
    index,
    reject: hint !== undefined,
    rejectHint: hint?.index ?? 0,
    logTerm: hint?.term ?? 0,
  });
}

export function handleHeartbeat<P, S>(raft: Raft<P, S>, message: MsgHeartbeat): void {
  const committedBefore = raft.log.committed;
  raft.log.commitTo(Math.min(message.commit, raft.log.lastIndex()));
  noteCommit(raft, committedBefore);
  raft.send({ type: 'MsgHeartbeatResp', from: raft.id, to: message.from, term: raft.term });
}

/** InstallSnapshot receiver (§7). */
export function handleSnapshot<P, S>(raft: Raft<P, S>, message: MsgSnap<S>): void {
  const meta = message.snapshot.metadata;
  const log = raft.log;
  if (meta.index <= log.committed) {
    sendAppendResponse(raft, message.from, log.committed, undefined);
    return;
  }
  if (log.matchTerm(meta.index, meta.term)) {
    // We already hold the snapshot's last entry: it is committed, so just fast-forward.
    const committedBefore = log.committed;
    log.commitTo(meta.index);
    noteCommit(raft, committedBefore);
    sendAppendResponse(raft, message.from, log.committed, undefined);
    return;
  }
  log.restore(message.snapshot);
  raft.membership.restore(meta.index, meta.voters);
  raft.syncProgress();
  raft.emit({ type: 'snapshot-installed', index: meta.index, term: meta.term });
  raft.emit({ type: 'commit-advanced', commitIndex: meta.index });
  sendAppendResponse(raft, message.from, log.lastIndex(), undefined);
}

function noteCommit<P, S>(raft: Raft<P, S>, committedBefore: number): void {
  if (raft.log.committed > committedBefore) {
    raft.emit({ type: 'commit-advanced', commitIndex: raft.log.committed });
  }
}
