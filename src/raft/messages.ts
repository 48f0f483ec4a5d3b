import { kindGuard } from '../lib/kinds';
import type { Entry, NodeId, Snapshot } from './types';

/**
 * The messages members exchange, as a discriminated union on `type`. The names follow etcd-io/raft
 * (MsgApp, MsgVote, ...) so that the trace reads like etcd's. Every message carries the sender's
 * term; a higher term always wins (Raft paper §5.1).
 */
interface Envelope {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

/** AppendEntries (§5.3). `index`/`logTerm` name the entry just before `entries`. */
export interface MsgApp<P> extends Envelope {
  readonly type: 'MsgApp';
  readonly index: number;
  readonly logTerm: number;
  readonly entries: readonly Entry<P>[];
  readonly commit: number;
}

/**
 * The answer to MsgApp or MsgSnap. On success `index` is the last index the follower now matches.
 * On rejection `rejectHint`/`logTerm` let the leader skip a whole term at once (fast back-off,
 * Raft paper §5.3, last paragraphs; etcd `findConflictByTerm`).
 */
export interface MsgAppResp extends Envelope {
  readonly type: 'MsgAppResp';
  readonly index: number;
  readonly reject: boolean;
  readonly rejectHint: number;
  readonly logTerm: number;
}

interface VoteRequest extends Envelope {
  /** The candidate's last log index and term, for the up-to-date check (§5.4.1). */
  readonly index: number;
  readonly logTerm: number;
  /** Set when a leadership transfer asked for this election, so the leader lease is ignored. */
  readonly transfer: boolean;
}

/** RequestVote (§5.2). */
export interface MsgVote extends VoteRequest {
  readonly type: 'MsgVote';
}

/** A pre-vote (dissertation §9.6): asks "would you vote for me?" without raising anyone's term. */
export interface MsgPreVote extends VoteRequest {
  readonly type: 'MsgPreVote';
}

export interface MsgVoteResp extends Envelope {
  readonly type: 'MsgVoteResp';
  readonly reject: boolean;
}

export interface MsgPreVoteResp extends Envelope {
  readonly type: 'MsgPreVoteResp';
  readonly reject: boolean;
}

/** An empty AppendEntries that keeps followers from timing out (§5.2). */
export interface MsgHeartbeat extends Envelope {
  readonly type: 'MsgHeartbeat';
  /** min(follower's match, leader's commit): a follower must never commit past what it holds. */
  readonly commit: number;
}

export interface MsgHeartbeatResp extends Envelope {
  readonly type: 'MsgHeartbeatResp';
}

/** InstallSnapshot (§7). Sent in one piece; swarmkit streams it in chunks, which we do not model. */
export interface MsgSnap<S> extends Envelope {
  readonly type: 'MsgSnap';
  readonly snapshot: Snapshot<S>;
}

/** Tells the transfer target to campaign at once (dissertation §3.10). */
export interface MsgTimeoutNow extends Envelope {
  readonly type: 'MsgTimeoutNow';
}

export type Message<P, S> =
  | MsgApp<P>
  | MsgAppResp
  | MsgVote
  | MsgPreVote
  | MsgVoteResp
  | MsgPreVoteResp
  | MsgHeartbeat
  | MsgHeartbeatResp
  | MsgSnap<S>
  | MsgTimeoutNow;

export type MessageType = Message<unknown, unknown>['type'];

/** Whether `value` names a Raft message type (a value that crossed a worker boundary, a trace). */
export const isMessageType = kindGuard<MessageType>({
  MsgApp: true,
  MsgAppResp: true,
  MsgVote: true,
  MsgPreVote: true,
  MsgVoteResp: true,
  MsgPreVoteResp: true,
  MsgHeartbeat: true,
  MsgHeartbeatResp: true,
  MsgSnap: true,
  MsgTimeoutNow: true,
});
