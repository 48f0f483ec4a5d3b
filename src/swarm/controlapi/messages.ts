/**
 * The daemon's own swarm error texts (moby `daemon/cluster/errors.go`, `swarm.go`), which the
 * machine model raises before or around a control-API call. They print after
 * `Error response from daemon: ` without an `rpc error` prefix (reference docker-cli.md §10).
 */

export const ERR_SWARM_EXISTS =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';

export const ERR_NO_SWARM = 'This node is not part of a swarm';

export const ERR_NOT_MANAGER_WORKER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

export const ERR_NOT_MANAGER_INACTIVE =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

export const ERR_MANAGER_NOT_READY =
  'This node is not a swarm manager. Manager is being prepared or has trouble connecting to the cluster.';

export const ERR_SWARM_LOCKED =
  'Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.';

export const ERR_SWARM_CERTIFICATES_EXPIRED =
  'Swarm certificates have expired. To replace them, leave the swarm and join again.';

export const ERR_JOIN_TIMEOUT =
  'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.';

/** swarmkit raft.go `lostQuorumMessage`, sent as `code = Unknown` once ≈11 s pass leaderless. */
export const LOST_QUORUM_MESSAGE =
  "The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";

/** What a call that waited the daemon's 20 s for a leader ends with (`code = DeadlineExceeded`). */
export const DEADLINE_EXCEEDED = 'context deadline exceeded';

/** swarmkit raft.go `ErrLostLeadership`: proposals pending when leadership is lost. */
export const ERR_LOST_LEADERSHIP = 'raft: failed to process the request: node lost leader status';
