import { rpcError, type SwarmError } from '../errors';
import { DEADLINE_EXCEEDED, LOST_QUORUM_MESSAGE } from './messages';

/**
 * A call on a manager that knows no leader (swarmkit raft.go `LeaderConn`; moby
 * `daemon/cluster/cluster.go`). Followers proxy every control-API call to the leader, so with no
 * leader a call either fails at once or waits for one:
 * - once this manager has counted more than 10 Raft ticks with no leader (≈11 s), it fails at
 *   once with the "does not have a leader" error (`code = Unknown`: a plain Go error);
 * - before that it polls for a leader every second, and the daemon gives up after 20 s with
 *   `context deadline exceeded`.
 * The host counts ticks with no leader and drives the wait; this says what to do now.
 */

/** raft.go `lostQuorumTimeout`, in Raft ticks (1 s each). */
export const LOST_QUORUM_TIMEOUT_TICKS = 10;
/** raft.go `LeaderConn`: how often a waiting call looks for a leader again. */
export const LEADER_POLL_INTERVAL_MS = 1_000;
/** moby cluster.go `swarmRequestTimeout`. */
export const SWARM_REQUEST_TIMEOUT_MS = 20_000;

/** The error at once, or 'wait' (poll again in `LEADER_POLL_INTERVAL_MS`). */
export function leaderlessCall(ticksWithNoLeader: number): SwarmError | 'wait' {
  return ticksWithNoLeader > LOST_QUORUM_TIMEOUT_TICKS
    ? rpcError('Unknown', LOST_QUORUM_MESSAGE)
    : 'wait';
}

/** What a call that waited `SWARM_REQUEST_TIMEOUT_MS` for a leader in vain ends with. */
export function leaderWaitTimedOut(): SwarmError {
  return rpcError('DeadlineExceeded', DEADLINE_EXCEEDED);
}
