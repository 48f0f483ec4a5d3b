/** The dispatcher: agent sessions, heartbeats, node STATUS over virtual time. */
export {
  clusterHeartbeatPeriodMs,
  expireHeartbeats,
  forgetNode,
  heartbeat,
  MESSAGE_HEARTBEAT_FAILURE,
  MESSAGE_LEADERSHIP_CHANGE,
  MESSAGE_UNKNOWN_HEARTBEAT_FAILURE,
  nextExpiryMs,
  registerNode,
  startDispatcher,
  type DispatcherStart,
  type DispatcherState,
  type HeartbeatInput,
  type RegisterInput,
  type Registration,
} from './dispatcher';
export {
  choosePeriodMs,
  DEFAULT_HEARTBEAT_PERIOD_MS,
  GRACE_PERIOD_MULTIPLIER,
  HEARTBEAT_EPSILON_MS,
  NODE_DOWN_ORPHAN_PERIOD_MS,
  REGISTRATION_RATE_LIMIT_COUNT,
  REGISTRATION_RATE_LIMIT_PERIOD_MS,
  UNKNOWN_GRACE_PERIOD_MULTIPLIER,
} from './period';
export {
  assignmentsByNode,
  assignmentsDigest,
  assignmentsFor,
  nodeAttachments,
  dependenciesOf,
} from './assignments';
export { taskStatusProposal, type TaskStatusInput } from './task-status';
