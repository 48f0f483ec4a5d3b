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

/**
 * The Raft entry payload of the swarm (swarmkit `api/raft.proto`): an `InternalRaftRequest` is a
 * request ID and a list of `StoreAction`s, each the CREATE, UPDATE or REMOVE of one object. One
 * proposal is one store transaction: every manager applies all of it, or (on a version conflict)
 * none of it.
 */

export type StoredObject =
  | { readonly table: 'cluster'; readonly record: ClusterRecord }
  | { readonly table: 'node'; readonly record: NodeRecord }
  | { readonly table: 'member'; readonly record: MemberRecord }
  | { readonly table: 'service'; readonly record: ServiceRecord }
  | { readonly table: 'task'; readonly record: TaskRecord }
  | { readonly table: 'secret'; readonly record: SecretRecord }
  | { readonly table: 'config'; readonly record: ConfigRecord }
  | { readonly table: 'network'; readonly record: NetworkRecord };

export type TableName = StoredObject['table'];

export type StoreAction =
  | { readonly kind: 'create'; readonly object: StoredObject }
  /**
   * The whole new object. Its `Version.Index` is the version the proposer read: applying fails
   * the transaction unless it is still the stored one (swarmkit `ErrSequenceConflict`), and the
   * stored copy gets the entry's index.
   */
  | { readonly kind: 'update'; readonly object: StoredObject }
  | { readonly kind: 'remove'; readonly table: TableName; readonly id: string };

/** The table an action writes to. */
export function actionTable(action: StoreAction): TableName {
  return action.kind === 'remove' ? action.table : action.object.table;
}

/** An action in words, never its object's data: `create secret`, `remove task`. */
export function describeAction(action: StoreAction): string {
  return `${action.kind} ${actionTable(action)}`;
}

/** swarmkit `InternalRaftRequest`. */
export interface StoreProposal {
  /** Unique per proposal, so the proposer can tell its own entry when it commits. */
  readonly requestId: string;
  readonly actions: readonly StoreAction[];
}

/** The key of an object in its table. */
export function objectId(object: StoredObject): string {
  switch (object.table) {
    case 'cluster':
      return object.record.swarm.ID;
    case 'node':
      return object.record.node.ID;
    case 'member':
      return String(object.record.raftId);
    case 'service':
      return object.record.service.ID;
    case 'task':
      return object.record.task.ID;
    case 'secret':
      return object.record.secret.ID;
    case 'config':
      return object.record.config.ID;
    case 'network':
      return object.record.network.ID;
  }
}

export function createAction(object: StoredObject): StoreAction {
  return { kind: 'create', object };
}

export function updateAction(object: StoredObject): StoreAction {
  return { kind: 'update', object };
}

export function removeAction(table: TableName, id: string): StoreAction {
  return { kind: 'remove', table, id };
}

export function nodeObject(record: NodeRecord): StoredObject {
  return { table: 'node', record };
}

export function clusterObject(record: ClusterRecord): StoredObject {
  return { table: 'cluster', record };
}

export function memberObject(record: MemberRecord): StoredObject {
  return { table: 'member', record };
}

export function serviceObject(record: ServiceRecord): StoredObject {
  return { table: 'service', record };
}

export function taskObject(record: TaskRecord): StoredObject {
  return { table: 'task', record };
}

export function secretObject(record: SecretRecord): StoredObject {
  return { table: 'secret', record };
}

export function configObject(record: ConfigRecord): StoredObject {
  return { table: 'config', record };
}

export function networkObject(record: NetworkRecord): StoredObject {
  return { table: 'network', record };
}
