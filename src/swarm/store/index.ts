/** The replicated swarm store: tables, the Raft entry payload, apply, snapshot. */
export {
  clusterObject,
  createAction,
  memberObject,
  nodeObject,
  objectId,
  removeAction,
  serviceObject,
  taskObject,
  updateAction,
  type StoreAction,
  type StoredObject,
  type StoreProposal,
  type TableName,
} from './actions';
export type { ClusterRecord, MemberRecord, NodeRecord, ServiceRecord, TaskRecord } from './objects';
export {
  allMembers,
  allNodes,
  allServices,
  allTasks,
  getCluster,
  getNode,
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
