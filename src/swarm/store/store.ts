import { assert } from '../../lib/assert';
import { rpcError, type SwarmError } from '../errors';
import { omitKey } from '../record-utils';
import {
  objectId,
  type StoreAction,
  type StoredObject,
  type StoreProposal,
  type TableName,
} from './actions';
import type { ClusterRecord, MemberRecord, NodeRecord } from './objects';

/**
 * One manager's replica of the swarm store (swarmkit `manager/state/store/memory.go`): one table
 * per object type, keyed by ID. Plain, immutable data: `applyEntry` returns a new state, so a
 * snapshot is the state itself and a view can be read while the next entry applies.
 */
export interface StoreState {
  /** The Raft index of the last entry applied; 0 for an empty store. */
  readonly appliedIndex: number;
  readonly clusters: Readonly<Record<string, ClusterRecord>>;
  readonly nodes: Readonly<Record<string, NodeRecord>>;
  /** Raft members by Raft ID (as a decimal string). */
  readonly members: Readonly<Record<string, MemberRecord>>;
  /**
   * Raft IDs removed from the cluster, in removal order. Never reused; messages from them are
   * refused with `raft: member was removed from the cluster` (membership/cluster.go).
   */
  readonly removedRaftIds: readonly number[];
}

/** What one applied action changed, for the watchers (role manager, trace, UI). */
export interface StoreEvent {
  readonly kind: StoreAction['kind'];
  readonly table: TableName;
  readonly id: string;
  /** The object as stored now (absent for a remove). */
  readonly object?: StoredObject;
  /** The object before the change (absent for a create). */
  readonly previous?: StoredObject;
}

export interface ApplyResult {
  readonly store: StoreState;
  /** Empty when the transaction was refused. */
  readonly events: readonly StoreEvent[];
  /**
   * Why the transaction was refused, identically on every manager: a stale version
   * (`update out of sequence`), a create of an existing object or a change to a missing one.
   */
  readonly error: SwarmError | null;
}

export function emptyStore(): StoreState {
  return { appliedIndex: 0, clusters: {}, nodes: {}, members: {}, removedRaftIds: [] };
}

/** swarmkit store errors (memory.go); they reach the CLI as `code = Unknown`. */
export const ERR_SEQUENCE_CONFLICT = 'update out of sequence';
export const ERR_EXIST = 'object already exists';
export const ERR_NOT_EXIST = 'object does not exist';

interface Tables {
  cluster: Record<string, ClusterRecord>;
  node: Record<string, NodeRecord>;
  member: Record<string, MemberRecord>;
}

function lookup(tables: Tables, table: TableName, id: string): StoredObject | undefined {
  switch (table) {
    case 'cluster': {
      const record = tables.cluster[id];
      return record === undefined ? undefined : { table, record };
    }
    case 'node': {
      const record = tables.node[id];
      return record === undefined ? undefined : { table, record };
    }
    case 'member': {
      const record = tables.member[id];
      return record === undefined ? undefined : { table, record };
    }
  }
}

/** The object with `Version.Index` set to the entry's index (members carry no version). */
function stamp(object: StoredObject, index: number): StoredObject {
  switch (object.table) {
    case 'cluster':
      return {
        table: 'cluster',
        record: { ...object.record, swarm: { ...object.record.swarm, Version: { Index: index } } },
      };
    case 'node':
      return {
        table: 'node',
        record: { ...object.record, node: { ...object.record.node, Version: { Index: index } } },
      };
    case 'member':
      return object;
  }
}

function versionOf(object: StoredObject): number | null {
  switch (object.table) {
    case 'cluster':
      return object.record.swarm.Version.Index;
    case 'node':
      return object.record.node.Version.Index;
    case 'member':
      return null;
  }
}

function put(tables: Tables, object: StoredObject): void {
  switch (object.table) {
    case 'cluster':
      tables.cluster[object.record.swarm.ID] = object.record;
      return;
    case 'node':
      tables.node[object.record.node.ID] = object.record;
      return;
    case 'member':
      tables.member[String(object.record.raftId)] = object.record;
      return;
  }
}

function drop(tables: Tables, table: TableName, id: string): void {
  switch (table) {
    case 'cluster':
      tables.cluster = omitKey(tables.cluster, id);
      return;
    case 'node':
      tables.node = omitKey(tables.node, id);
      return;
    case 'member':
      tables.member = omitKey(tables.member, id);
      return;
  }
}

/** Applies one action to the working tables; returns its event or the store error. */
function applyAction(tables: Tables, action: StoreAction, index: number): StoreEvent | SwarmError {
  if (action.kind === 'remove') {
    const previous = lookup(tables, action.table, action.id);
    if (previous === undefined) return rpcError('Unknown', ERR_NOT_EXIST);
    drop(tables, action.table, action.id);
    return { kind: 'remove', table: action.table, id: action.id, previous };
  }
  const id = objectId(action.object);
  const previous = lookup(tables, action.object.table, id);
  if (action.kind === 'create' && previous !== undefined) return rpcError('Unknown', ERR_EXIST);
  if (action.kind === 'update') {
    if (previous === undefined) return rpcError('Unknown', ERR_NOT_EXIST);
    if (versionOf(previous) !== versionOf(action.object)) {
      return rpcError('Unknown', ERR_SEQUENCE_CONFLICT);
    }
  }
  const object = stamp(action.object, index);
  put(tables, object);
  return previous === undefined
    ? { kind: action.kind, table: object.table, id, object }
    : { kind: action.kind, table: object.table, id, object, previous };
}

/**
 * Applies a committed entry's payload at Raft index `index`. Every manager calls this with the
 * same entries in the same order (Raft's state machine safety), so every replica is the same.
 * The transaction is all or nothing, as a swarmkit store transaction is.
 */
export function applyEntry(store: StoreState, payload: StoreProposal, index: number): ApplyResult {
  assert(index > store.appliedIndex, `entry ${index} applied after ${store.appliedIndex}`);
  const tables: Tables = {
    cluster: { ...store.clusters },
    node: { ...store.nodes },
    member: { ...store.members },
  };
  const events: StoreEvent[] = [];
  for (const action of payload.actions) {
    const result = applyAction(tables, action, index);
    if ('message' in result) {
      return { store: { ...store, appliedIndex: index }, events: [], error: result };
    }
    events.push(result);
  }
  const removed = events
    .filter((event) => event.table === 'member' && event.kind === 'remove')
    .map((event) => Number(event.id));
  return {
    store: {
      appliedIndex: index,
      clusters: tables.cluster,
      nodes: tables.node,
      members: tables.member,
      removedRaftIds:
        removed.length === 0 ? store.removedRaftIds : [...store.removedRaftIds, ...removed],
    },
    events,
    error: null,
  };
}

/**
 * Marks an index as applied without a store change: empty entries (a new leader's first entry)
 * and conf changes also advance the applied index.
 */
export function skipEntry(store: StoreState, index: number): StoreState {
  assert(index > store.appliedIndex, `entry ${index} applied after ${store.appliedIndex}`);
  return { ...store, appliedIndex: index };
}
