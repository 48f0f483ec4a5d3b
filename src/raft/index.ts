/** The public surface of the Raft core. */
export { defaultRaftOptions, validateRaftOptions, type RaftOptions } from './config';
export type { RaftEvent } from './events';
export { isMessageType, type Message, type MessageType } from './messages';
export type { ProgressState } from './progress';
export { committedIndex, quorumSize, voteResult, type VoteResult } from './quorum';
export type { ProposalRejection, ProposalResult } from './raft';
export {
  RawNode,
  type ProgressStatus,
  type RaftNodeState,
  type RaftStatus,
  type RawNodeOptions,
  type RawNodeStateOptions,
  type Ready,
} from './raw-node';
export { MemoryStorage, type StorageData } from './storage';
export {
  NO_NODE,
  type ConfChange,
  type Entry,
  type EntryData,
  type HardState,
  type NodeId,
  type Role,
  type Snapshot,
  type SnapshotMetadata,
  type SoftState,
} from './types';
