import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  clusterObject,
  createAction,
  emptyStore,
  memberObject,
  nodeObject,
  removeAction,
  restoreStore,
  skipEntry,
  snapshotStore,
  updateAction,
  type NodeRecord,
  type StoreProposal,
} from '../../../src/swarm';
import { swarmOf } from '../../support/builders';

function nodeRecord(id: string, hostname: string, versionIndex = 0): NodeRecord {
  return {
    node: {
      ID: id,
      Version: { Index: versionIndex },
      CreatedAt: '2026-11-25T08:00:00Z',
      UpdatedAt: '2026-11-25T08:00:00Z',
      Spec: { Labels: {}, Role: 'worker', Availability: 'active' },
      Description: { Hostname: hostname },
      Status: { State: 'unknown' },
    },
    role: 'worker',
  };
}

function entry(...actions: StoreProposal['actions']): StoreProposal {
  return { requestId: 'r', actions };
}

describe('store apply', () => {
  it('creates objects stamped with the entry index', () => {
    const result = applyEntry(
      emptyStore(),
      entry(createAction(nodeObject(nodeRecord('a', 'w1')))),
      4,
    );
    expect(result.error).toBeNull();
    expect(result.store.appliedIndex).toBe(4);
    expect(result.store.nodes.a?.node.Version.Index).toBe(4);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]?.kind).toBe('create');
  });

  it('updates only from the stored version and restamps it', () => {
    const created = applyEntry(
      emptyStore(),
      entry(createAction(nodeObject(nodeRecord('a', 'w1')))),
      1,
    ).store;
    const stale = applyEntry(created, entry(updateAction(nodeObject(nodeRecord('a', 'w2', 0)))), 2);
    expect(stale.error?.message).toBe('rpc error: code = Unknown desc = update out of sequence');
    expect(stale.store.nodes.a?.node.Description.Hostname).toBe('w1');
    expect(stale.store.appliedIndex).toBe(2);
    const fresh = applyEntry(
      stale.store,
      entry(updateAction(nodeObject(nodeRecord('a', 'w2', 1)))),
      3,
    );
    expect(fresh.error).toBeNull();
    expect(fresh.store.nodes.a?.node.Description.Hostname).toBe('w2');
    expect(fresh.store.nodes.a?.node.Version.Index).toBe(3);
    expect(fresh.events[0]?.previous).toBeDefined();
  });

  it('applies a transaction all or nothing', () => {
    const created = applyEntry(
      emptyStore(),
      entry(createAction(nodeObject(nodeRecord('a', 'w1')))),
      1,
    ).store;
    const result = applyEntry(
      created,
      entry(
        createAction(nodeObject(nodeRecord('b', 'w2'))),
        createAction(nodeObject(nodeRecord('a', 'w1'))),
      ),
      2,
    );
    expect(result.error?.message).toBe('rpc error: code = Unknown desc = object already exists');
    expect(result.store.nodes.b).toBeUndefined();
    expect(result.events).toEqual([]);
  });

  it('refuses to change a missing object', () => {
    const result = applyEntry(emptyStore(), entry(removeAction('node', 'zz')), 1);
    expect(result.error?.message).toBe('rpc error: code = Unknown desc = object does not exist');
  });

  it('remembers removed Raft IDs', () => {
    const withMember = applyEntry(
      emptyStore(),
      entry(createAction(memberObject({ raftId: 42, nodeId: 'a', addr: '10.0.0.1:2377' }))),
      1,
    ).store;
    const removed = applyEntry(withMember, entry(removeAction('member', '42')), 2).store;
    expect(removed.members).toEqual({});
    expect(removed.removedRaftIds).toEqual([42]);
  });

  it('never applies an index twice', () => {
    const store = skipEntry(emptyStore(), 3);
    expect(() => applyEntry(store, entry(), 3)).toThrow(/assertion failed/);
    expect(() => skipEntry(store, 2)).toThrow(/assertion failed/);
  });

  it('keeps the previous state untouched (immutable replicas)', () => {
    const before = emptyStore();
    applyEntry(before, entry(createAction(nodeObject(nodeRecord('a', 'w1')))), 1);
    expect(before).toEqual(emptyStore());
  });
});

describe('store snapshot', () => {
  it('restores an equal, independent store', () => {
    const swarm = swarmOf(3, 2);
    const snapshot = JSON.parse(JSON.stringify(snapshotStore(swarm.store))) as ReturnType<
      typeof snapshotStore
    >;
    const restored = restoreStore(snapshot);
    expect(restored).toEqual(swarm.store);
    expect(restored.nodes).not.toBe(swarm.store.nodes);
  });

  it('continues applying after a restore exactly as the original does', () => {
    const swarm = swarmOf(1, 1);
    const restored = restoreStore(snapshotStore(swarm.store));
    const cluster = Object.values(swarm.store.clusters)[0];
    if (cluster === undefined) throw new Error('no cluster');
    const next = entry(updateAction(clusterObject({ ...cluster, unlockKey: null })));
    const index = swarm.store.appliedIndex + 1;
    expect(applyEntry(restored, next, index).store).toEqual(
      applyEntry(swarm.store, next, index).store,
    );
  });

  it('refuses an unknown snapshot format', () => {
    const snapshot = { format: 2, state: emptyStore() } as unknown as ReturnType<
      typeof snapshotStore
    >;
    expect(() => restoreStore(snapshot)).toThrow(/unknown store snapshot format 2/);
  });
});
