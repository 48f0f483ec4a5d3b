/**
 * Tunables of one Raft member. Durations are in ticks; the host decides what a tick is worth
 * (swarmkit: one tick = 1 s). Defaults are swarmkit's (`manager/state/raft/raft.go`
 * DefaultNodeConfig / DefaultRaftConfig), see reference/swarm-semantics.md §1.1.
 */
export interface RaftOptions {
  /** Followers campaign after a random timeout in [electionTimeoutTicks, 2 × it − 1]. */
  readonly electionTimeoutTicks: number;
  readonly heartbeatIntervalTicks: number;
  /** A leader that hears from no quorum for an election timeout steps down (etcd CheckQuorum). */
  readonly checkQuorum: boolean;
  /** Campaign only after a pre-vote round succeeds (dissertation §9.6). Off in swarmkit. */
  readonly preVote: boolean;
  /** Optimistic MsgApp pipeline depth per follower in replicate state. */
  readonly inflightMessagesMax: number;
  /** Entries per MsgApp; etcd bounds by bytes (swarmkit 65,535), we bound by count. */
  readonly entriesPerMessageMax: number;
  /** Committed entries handed out by one Ready. */
  readonly committedEntriesPerReadyMax: number;
  /** Take a snapshot once this many entries were applied since the last one. */
  readonly snapshotIntervalEntries: number;
  /** After a snapshot, keep this many applied entries for followers that lag a little. */
  readonly logEntriesForSlowFollowers: number;
}

export const defaultRaftOptions: RaftOptions = {
  electionTimeoutTicks: 10,
  heartbeatIntervalTicks: 1,
  checkQuorum: true,
  preVote: false,
  inflightMessagesMax: 256,
  entriesPerMessageMax: 64,
  committedEntriesPerReadyMax: 1024,
  snapshotIntervalEntries: 10_000,
  logEntriesForSlowFollowers: 500,
};

export function validateRaftOptions(options: RaftOptions): void {
  const positive: readonly (keyof RaftOptions)[] = [
    'electionTimeoutTicks',
    'heartbeatIntervalTicks',
    'inflightMessagesMax',
    'entriesPerMessageMax',
    'committedEntriesPerReadyMax',
    'snapshotIntervalEntries',
  ];
  for (const key of positive) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`raft option ${key} must be a positive integer`);
    }
  }
  if (options.heartbeatIntervalTicks >= options.electionTimeoutTicks) {
    throw new Error('raft: the heartbeat interval must be shorter than the election timeout');
  }
  if (options.logEntriesForSlowFollowers < 0) {
    throw new Error('raft option logEntriesForSlowFollowers must not be negative');
  }
}
