import type { Message } from './messages';
import type { Raft } from './raft';
import { handleAppend, handleHeartbeat, handleSnapshot } from './step-follower';

/**
 * Candidate and pre-candidate: count votes; yield to a leader of the same term (§5.2).
 */
export function stepCandidate<P, S>(raft: Raft<P, S>, message: Message<P, S>): void {
  switch (message.type) {
    case 'MsgApp':
      raft.becomeFollower(message.term, message.from);
      handleAppend(raft, message);
      return;
    case 'MsgHeartbeat':
      raft.becomeFollower(message.term, message.from);
      handleHeartbeat(raft, message);
      return;
    case 'MsgSnap':
      raft.becomeFollower(message.term, message.from);
      handleSnapshot(raft, message);
      return;
    case 'MsgVoteResp':
    case 'MsgPreVoteResp':
      tally(raft, message.type, message.from, !message.reject);
      return;
    case 'MsgAppResp':
    case 'MsgVote':
    case 'MsgPreVote':
    case 'MsgHeartbeatResp':
    case 'MsgTimeoutNow':
      return;
  }
}

function tally<P, S>(
  raft: Raft<P, S>,
  type: 'MsgVoteResp' | 'MsgPreVoteResp',
  from: number,
  granted: boolean,
): void {
  // A pre-candidate counts pre-votes only, a candidate real votes only.
  const expected = raft.role === 'pre-candidate' ? 'MsgPreVoteResp' : 'MsgVoteResp';
  if (type !== expected) return;
  switch (raft.poll(from, granted)) {
    case 'won':
      raft.winElection();
      return;
    case 'lost':
      raft.becomeFollower(raft.term, 0);
      return;
    case 'pending':
      return;
  }
}
