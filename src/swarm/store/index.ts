/** The replicated swarm store: tables, the Raft entry payload, apply, snapshot. */
export {
  clusterObject,
  configObject,
  createAction,
  memberObject,
  nodeObject,
  objectId,
  removeAction,
  secretObject,
  serviceObject,
  taskObject,
  updateAction,
  type StoreAction,
  type StoredObject,
  type StoreProposal,
  type TableName,
} from './actions';
export type {
  ClusterRecord,
  ConfigRecord,
  MemberRecord,
  NodeRecord,
  SecretRecord,
  ServiceRecord,
  TaskRecord,
} from './objects';
export {
  allConfigs,
  allMembers,
  allNodes,
  allSecrets,
  allServices,
  allTasks,
  getCluster,
  getConfig,
  getNode,
  getSecret,
  getService,
  getTask,
  tasksOfNode,
  tasksOfService,
  managerNodes,
  memberByNodeId,
  memberByRaftId,
} from './queries';
export { restoreStore, snapshotStore, type StoreSnapshot } from './snapshot';
export {
  applyEntry,
  emptyStore,
  ERR_EXIST,
  ERR_NOT_EXIST,
  ERR_SEQUENCE_CONFLICT,
  skipEntry,
  type ApplyResult,
  type StoreEvent,
  type StoreState,
} from './store';
export { isTaskDirty } from './task-dirty';
