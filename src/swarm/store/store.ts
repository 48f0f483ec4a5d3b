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
  /** Absent in a store written before services were simulated (a saved run): no service. */
  readonly services?: Readonly<Record<string, ServiceRecord>>;
  /** Absent in a store written before services were simulated: no task. */
  readonly tasks?: Readonly<Record<string, TaskRecord>>;
  /** Absent in a store written before secrets were simulated: no secret. */
  readonly secrets?: Readonly<Record<string, SecretRecord>>;
  /** Absent in a store written before configs were simulated: no config. */
  readonly configs?: Readonly<Record<string, ConfigRecord>>;
  /** Absent in a store written before networks were simulated: no network. */
  readonly networks?: Readonly<Record<string, NetworkRecord>>;
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
  return {
    appliedIndex: 0,
    clusters: {},
    nodes: {},
    members: {},
    removedRaftIds: [],
    services: {},
    tasks: {},
    secrets: {},
    configs: {},
    networks: {},
  };
}

/** swarmkit store errors (memory.go); they reach the CLI as `code = Unknown`. */
export const ERR_SEQUENCE_CONFLICT = 'update out of sequence';
export const ERR_EXIST = 'object already exists';
export const ERR_NOT_EXIST = 'object does not exist';

/**
 * The tables one transaction works on. A table is copied the first time the transaction writes
 * to it, so an entry that touches one task does not copy the node, service and member tables.
 */
class Tables {
  readonly #source: StoreState;
  #cluster: Record<string, ClusterRecord> | null = null;
  #node: Record<string, NodeRecord> | null = null;
  #member: Record<string, MemberRecord> | null = null;
  #service: Record<string, ServiceRecord> | null = null;
  #task: Record<string, TaskRecord> | null = null;
  #secret: Record<string, SecretRecord> | null = null;
  #config: Record<string, ConfigRecord> | null = null;
  #network: Record<string, NetworkRecord> | null = null;

  constructor(source: StoreState) {
    this.#source = source;
  }

  // Each table as this transaction sees it: its own copy once written, the source's otherwise.
  get #clusters(): Readonly<Record<string, ClusterRecord>> {
    return this.#cluster ?? this.#source.clusters;
  }
  get #nodes(): Readonly<Record<string, NodeRecord>> {
    return this.#node ?? this.#source.nodes;
  }
  get #members(): Readonly<Record<string, MemberRecord>> {
    return this.#member ?? this.#source.members;
  }
  get #services(): Readonly<Record<string, ServiceRecord>> {
    return this.#service ?? this.#source.services ?? {};
  }
  get #tasks(): Readonly<Record<string, TaskRecord>> {
    return this.#task ?? this.#source.tasks ?? {};
  }
  get #secrets(): Readonly<Record<string, SecretRecord>> {
    return this.#secret ?? this.#source.secrets ?? {};
  }
  get #configs(): Readonly<Record<string, ConfigRecord>> {
    return this.#config ?? this.#source.configs ?? {};
  }
  get #networks(): Readonly<Record<string, NetworkRecord>> {
    return this.#network ?? this.#source.networks ?? {};
  }

  lookup(table: TableName, id: string): StoredObject | undefined {
    switch (table) {
      case 'cluster': {
        const record = this.#clusters[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'node': {
        const record = this.#nodes[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'member': {
        const record = this.#members[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'service': {
        const record = this.#services[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'task': {
        const record = this.#tasks[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'secret': {
        const record = this.#secrets[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'config': {
        const record = this.#configs[id];
        return record === undefined ? undefined : { table, record };
      }
      case 'network': {
        const record = this.#networks[id];
        return record === undefined ? undefined : { table, record };
      }
    }
  }

  put(object: StoredObject): void {
    switch (object.table) {
      case 'cluster':
        this.#cluster ??= { ...this.#clusters };
        this.#cluster[object.record.swarm.ID] = object.record;
        return;
      case 'node':
        this.#node ??= { ...this.#nodes };
        this.#node[object.record.node.ID] = object.record;
        return;
      case 'member':
        this.#member ??= { ...this.#members };
        this.#member[String(object.record.raftId)] = object.record;
        return;
      case 'service':
        this.#service ??= { ...this.#services };
        this.#service[object.record.service.ID] = object.record;
        return;
      case 'task':
        this.#task ??= { ...this.#tasks };
        this.#task[object.record.task.ID] = object.record;
        return;
      case 'secret':
        this.#secret ??= { ...this.#secrets };
        this.#secret[object.record.secret.ID] = object.record;
        return;
      case 'config':
        this.#config ??= { ...this.#configs };
        this.#config[object.record.config.ID] = object.record;
        return;
      case 'network':
        this.#network ??= { ...this.#networks };
        this.#network[object.record.network.ID] = object.record;
        return;
    }
  }

  drop(table: TableName, id: string): void {
    switch (table) {
      case 'cluster':
        this.#cluster = omitKey(this.#clusters, id);
        return;
      case 'node':
        this.#node = omitKey(this.#nodes, id);
        return;
      case 'member':
        this.#member = omitKey(this.#members, id);
        return;
      case 'service':
        this.#service = omitKey(this.#services, id);
        return;
      case 'task':
        this.#task = omitKey(this.#tasks, id);
        return;
      case 'secret':
        this.#secret = omitKey(this.#secrets, id);
        return;
      case 'config':
        this.#config = omitKey(this.#configs, id);
        return;
      case 'network':
        this.#network = omitKey(this.#networks, id);
        return;
    }
  }

  /** The store with every table this transaction wrote, and the others as they were. */
  result(appliedIndex: number, removedRaftIds: readonly number[]): StoreState {
    const source = this.#source;
    return {
      appliedIndex,
      clusters: this.#cluster ?? source.clusters,
      nodes: this.#node ?? source.nodes,
      members: this.#member ?? source.members,
      removedRaftIds,
      services: this.#service ?? source.services ?? {},
      tasks: this.#task ?? source.tasks ?? {},
      secrets: this.#secret ?? source.secrets ?? {},
      configs: this.#config ?? source.configs ?? {},
      networks: this.#network ?? source.networks ?? {},
    };
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
    case 'service':
      return {
        table: 'service',
        record: {
          ...object.record,
          service: { ...object.record.service, Version: { Index: index } },
        },
      };
    case 'task':
      return {
        table: 'task',
        record: { ...object.record, task: { ...object.record.task, Version: { Index: index } } },
      };
    case 'secret':
      return {
        table: 'secret',
        record: {
          ...object.record,
          secret: { ...object.record.secret, Version: { Index: index } },
        },
      };
    case 'config':
      return {
        table: 'config',
        record: {
          ...object.record,
          config: { ...object.record.config, Version: { Index: index } },
        },
      };
    case 'network':
      return {
        table: 'network',
        record: {
          ...object.record,
          network: { ...object.record.network, Version: { Index: index } },
        },
      };
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
    case 'service':
      return object.record.service.Version.Index;
    case 'task':
      return object.record.task.Version.Index;
    case 'secret':
      return object.record.secret.Version.Index;
    case 'config':
      return object.record.config.Version.Index;
    case 'network':
      return object.record.network.Version.Index;
  }
}

/** Applies one action to the working tables; returns its event or the store error. */
function applyAction(tables: Tables, action: StoreAction, index: number): StoreEvent | SwarmError {
  if (action.kind === 'remove') {
    const previous = tables.lookup(action.table, action.id);
    if (previous === undefined) return rpcError('Unknown', ERR_NOT_EXIST);
    tables.drop(action.table, action.id);
    return { kind: 'remove', table: action.table, id: action.id, previous };
  }
  const id = objectId(action.object);
  const previous = tables.lookup(action.object.table, id);
  if (action.kind === 'create' && previous !== undefined) return rpcError('Unknown', ERR_EXIST);
  if (action.kind === 'update') {
    if (previous === undefined) return rpcError('Unknown', ERR_NOT_EXIST);
    if (versionOf(previous) !== versionOf(action.object)) {
      return rpcError('Unknown', ERR_SEQUENCE_CONFLICT);
    }
  }
  const object = stamp(action.object, index);
  tables.put(object);
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
  const tables = new Tables(store);
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
  const removedRaftIds =
    removed.length === 0 ? store.removedRaftIds : [...store.removedRaftIds, ...removed];
  return { store: tables.result(index, removedRaftIds), events, error: null };
}

/**
 * Marks an index as applied without a store change: empty entries (a new leader's first entry)
 * and conf changes also advance the applied index.
 */
export function skipEntry(store: StoreState, index: number): StoreState {
  assert(index > store.appliedIndex, `entry ${index} applied after ${store.appliedIndex}`);
  return { ...store, appliedIndex: index };
}
