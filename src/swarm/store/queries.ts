import type {
  ClusterRecord,
  ConfigRecord,
  MemberRecord,
  NetworkRecord,
  NodeRecord,
  SecretRecord,
  ServiceRecord,
  TaskRecord,
} from './objects';
import type { StoreState } from './store';

/**
 * Read helpers (swarmkit `store.View` with `GetNode`, `FindNodes`, …). Lists come back sorted by
 * ID so every caller sees one deterministic order.
 */

/** The swarm's one cluster object, or undefined before init. */
export function getCluster(store: StoreState): ClusterRecord | undefined {
  const ids = Object.keys(store.clusters).sort();
  const first = ids[0];
  return first === undefined ? undefined : store.clusters[first];
}

export function getNode(store: StoreState, nodeId: string): NodeRecord | undefined {
  return store.nodes[nodeId];
}

export function allNodes(store: StoreState): NodeRecord[] {
  return sortedById(store.nodes);
}

/** Nodes whose current role is manager (swarmkit `store.ByRole(NodeRoleManager)`). */
export function managerNodes(store: StoreState): NodeRecord[] {
  return allNodes(store).filter((record) => record.role === 'manager');
}

export function allMembers(store: StoreState): MemberRecord[] {
  return Object.values(store.members).sort((a, b) => a.raftId - b.raftId);
}

export function memberByRaftId(store: StoreState, raftId: number): MemberRecord | undefined {
  return store.members[String(raftId)];
}

export function memberByNodeId(store: StoreState, nodeId: string): MemberRecord | undefined {
  return allMembers(store).find((member) => member.nodeId === nodeId);
}

export function getService(store: StoreState, serviceId: string): ServiceRecord | undefined {
  return store.services?.[serviceId];
}

/** Every service, sorted by ID. */
export function allServices(store: StoreState): ServiceRecord[] {
  return sortedById(store.services ?? {});
}

export function getTask(store: StoreState, taskId: string): TaskRecord | undefined {
  return store.tasks?.[taskId];
}

/**
 * Every task, sorted by ID. The control loops ask for it many times per pass over a store that
 * does not change meanwhile, so the sorted list is kept per tasks table (a new store after a
 * task write has a new table).
 */
export function allTasks(store: StoreState): readonly TaskRecord[] {
  const tasks = store.tasks ?? EMPTY_TASKS;
  let sorted = SORTED_TASKS.get(tasks);
  if (sorted === undefined) {
    sorted = Object.keys(tasks)
      .sort()
      .flatMap((id) => {
        const record = tasks[id];
        return record === undefined ? [] : [record];
      });
    SORTED_TASKS.set(tasks, sorted);
  }
  return sorted;
}

const EMPTY_TASKS: Readonly<Record<string, TaskRecord>> = {};
const SORTED_TASKS = new WeakMap<Readonly<Record<string, TaskRecord>>, readonly TaskRecord[]>();

/** The tasks of one service, sorted by ID (swarmkit `store.ByServiceID`). */
export function tasksOfService(store: StoreState, serviceId: string): TaskRecord[] {
  return allTasks(store).filter((record) => record.task.ServiceID === serviceId);
}

/** The tasks assigned to one node, sorted by ID (swarmkit `store.ByNodeID`). */
export function tasksOfNode(store: StoreState, nodeId: string): TaskRecord[] {
  return allTasks(store).filter((record) => record.task.NodeID === nodeId);
}

/** The records of a table, sorted by ID. */
function sortedById<R>(table: Readonly<Record<string, R>>): R[] {
  return Object.keys(table)
    .sort()
    .flatMap((id) => {
      const record = table[id];
      return record === undefined ? [] : [record];
    });
}

export function getSecret(store: StoreState, secretId: string): SecretRecord | undefined {
  return store.secrets?.[secretId];
}

/** Every secret, sorted by ID. */
export function allSecrets(store: StoreState): SecretRecord[] {
  return sortedById(store.secrets ?? {});
}

export function getConfig(store: StoreState, configId: string): ConfigRecord | undefined {
  return store.configs?.[configId];
}

/** Every config, sorted by ID. */
export function allConfigs(store: StoreState): ConfigRecord[] {
  return sortedById(store.configs ?? {});
}

export function getNetwork(store: StoreState, networkId: string): NetworkRecord | undefined {
  return store.networks?.[networkId];
}

/** Every swarm network, sorted by ID. */
export function allNetworks(store: StoreState): NetworkRecord[] {
  return sortedById(store.networks ?? {});
}
