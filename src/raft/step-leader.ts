import type { MsgAppResp, Message } from './messages';
import type { Raft } from './raft';
import { bcastAppend, maybeCommit, sendAppend } from './replication';
import type { NodeId } from './types';

/** Leader: track each follower's progress and push the log forward (§5.3). */
export function stepLeader<P, S>(raft: Raft<P, S>, message: Message<P, S>): void {
  switch (message.type) {
    case 'MsgAppResp':
      handleAppendResponse(raft, message);
      return;
    case 'MsgHeartbeatResp':
      handleHeartbeatResponse(raft, message.from);
      return;
    case 'MsgApp':
    case 'MsgHeartbeat':
    case 'MsgSnap':
    case 'MsgVote':
    case 'MsgPreVote':
    case 'MsgVoteResp':
    case 'MsgPreVoteResp':
    case 'MsgTimeoutNow':
      // Election Safety (§5.2) means no other leader shares our term; the rest is stale.
      return;
  }
}

function handleHeartbeatResponse<P, S>(raft: Raft<P, S>, from: NodeId): void {
  const progress = raft.progress.get(from);
  if (progress === undefined) return;
  progress.recentActive = true;
  progress.probeSent = false;
  // MsgApps can be lost: a full window would then never drain. Free one slot per heartbeat so
  // the leader sends again and the follower's answer resynchronises the pipeline (etcd does the
  // same).
  if (progress.state === 'replicate' && progress.isPaused(raft.options.inflightMessagesMax)) {
    progress.inflights.shift();
  }
  if (progress.match < raft.log.lastIndex()) sendAppend(raft, from, true);
}

function handleAppendResponse<P, S>(raft: Raft<P, S>, message: MsgAppResp): void {
  const progress = raft.progress.get(message.from);
  if (progress === undefined) return;
  progress.recentActive = true;
  if (message.reject) {
    // Fast back-off: with the follower's (hint, term), skip every entry of a term it lacks.
    const nextProbe =
      message.logTerm > 0
        ? raft.log.findConflictByTerm(message.rejectHint, message.logTerm).index
        : message.rejectHint;
    if (progress.maybeDecrTo(message.index, nextProbe)) {
      if (progress.state === 'replicate') progress.becomeProbe();
      sendAppend(raft, message.from, true);
    }
    return;
  }
  const wasPaused = progress.isPaused(raft.options.inflightMessagesMax);
  const updated = progress.maybeUpdate(message.index);
  if (!updated && !(progress.match === message.index && progress.state === 'probe')) return;
  if (progress.state === 'probe') {
    progress.becomeReplicate();
  } else if (progress.state === 'snapshot') {
    if (progress.match + 1 >= raft.log.firstIndex()) {
      progress.becomeProbe();
      progress.becomeReplicate();
    }
  } else {
    progress.freeInflightsUpTo(message.index);
  }
  if (maybeCommit(raft)) bcastAppend(raft);
  else if (wasPaused) sendAppend(raft, message.from, true);
  // Stream what is left, as far as the inflight window allows.
  while (sendAppend(raft, message.from, false)) {
    /* each send advances next or pauses the follower */
  }
  if (message.from === raft.leadTransferee && progress.match === raft.log.lastIndex()) {
    raft.sendTimeoutNow(message.from);
  }
}
