/** Raft members as the swarm sees them: names, reachability, the removal quorum rule. */
export {
  canRemoveMember,
  managerStatus,
  memberForNode,
  memberList,
  nodeWithManagerStatus,
  type MemberListInput,
  type RaftMemberStatus,
} from './member-list';
export {
  isPeerActive,
  longestActivePeer,
  outcomeKnownAtMs,
  PEER_SILENCE_MS,
  RAFT_SEND_TIMEOUT_MS,
  recordSendOutcome,
  type PeerActivity,
  type SendOutcome,
  type TransportActivity,
} from './transport';
