/**
 * The leader-side control API (swarmkit `manager/controlapi`, `ca/server.go`): pure functions
 * from (store view, request, time, Prng) to a proposal or the daemon's exact error.
 */
export {
  DEFAULT_ADDR_POOL,
  DEFAULT_CLUSTER_NAME,
  DEFAULT_DATA_PATH_PORT,
  DEFAULT_HEARTBEAT_PERIOD_NS,
  DEFAULT_NODE_CERT_EXPIRY_NS,
  DEFAULT_SUBNET_SIZE,
  DEFAULT_TASK_HISTORY_RETENTION_LIMIT,
  defaultSwarmSpec,
  heartbeatPeriodMs,
  mergeInitSpec,
} from './cluster-spec';
export { getUnlockKey, updateCluster, type UpdateClusterInput } from './cluster-update';
export { proposal, timestamp, type ControlContext, type LeaderContext } from './context';
export { forceNewCluster, type ForceNewClusterResult } from './force-new-cluster';
export { initCluster, type InitInput, type InitResult } from './init';
export { joinNode, joinRaft, type JoinInput, type JoinResult, type RaftJoinResult } from './join';
export {
  LEADER_POLL_INTERVAL_MS,
  leaderlessCall,
  leaderWaitTimedOut,
  LOST_QUORUM_TIMEOUT_TICKS,
  SWARM_REQUEST_TIMEOUT_MS,
} from './leader-wait';
export { leaveRefusal, type LeaveInput } from './leave';
export { listNodes } from './node-list';
export * from './messages';
export { filterNodes } from './node-filters';
export { refusedTaskFilter } from './task-filters';
export { resolveNode } from './node-lookup';
export { removeNode, type RemoveNodeInput } from './node-remove';
export { routeControlCall, type ControlOutcome } from './router';
export { subscribeLogs, type LogSubscription } from './service-logs';
export {
  ERR_DEMOTE_LAST_MANAGER,
  ERR_DEMOTE_LOSES_QUORUM,
  ERR_NOT_IN_MEMBERLIST,
  parseNodeSpec,
  updateNode,
  type UpdateNodeInput,
} from './node-update';
