import { describe, expect, it } from 'vitest';
import type { NodeSpecUpdate, SwarmSpec } from '../../../src/api/swarm';
import {
  forceNewCluster,
  getCluster,
  getUnlockKey,
  joinNode,
  leaderlessCall,
  leaderWaitTimedOut,
  listNodes,
  parseJoinToken,
  removeNode,
  resolveNode,
  updateCluster,
  updateNode,
  type Outcome,
} from '../../../src/swarm';
import { emptySpec, initRequest, swarmOf, TestSwarm } from '../../support/builders';

function errorOf<T>(outcome: Outcome<T>): string {
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error.message;
}

function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function cluster(swarm: TestSwarm) {
  const record = getCluster(swarm.store);
  if (record === undefined) throw new Error('no cluster');
  return record;
}

describe('swarm init', () => {
  it('creates the cluster with docker swarm init defaults', () => {
    const swarm = swarmOf(1, 0);
    const { swarm: object, unlockKey } = cluster(swarm);
    expect(object.Spec).toEqual({
      Name: 'default',
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: 5 },
      Raft: {
        SnapshotInterval: 10000,
        KeepOldSnapshots: 0,
        LogEntriesForSlowFollowers: 500,
        ElectionTick: 10,
        HeartbeatTick: 1,
      },
      Dispatcher: { HeartbeatPeriod: 5000000000 },
      CAConfig: { NodeCertExpiry: 7776000000000000 },
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    });
    expect(object.DefaultAddrPool).toEqual(['10.0.0.0/8']);
    expect(object.SubnetSize).toBe(24);
    expect(object.DataPathPort).toBe(4789);
    expect(object.Version.Index).toBe(1);
    expect(object.CreatedAt).toBe('2026-11-25T08:00:00Z');
    expect(object.TLSInfo.CertIssuerSubject).toBe('MBMxETAPBgNVBAMTCHN3YXJtLWNh');
    expect(object.TLSInfo.TrustRoot).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/,
    );
    expect(unlockKey).toBeNull();
  });

  it('makes the first node a Ready manager and the only Raft member', () => {
    const swarm = swarmOf(1, 0);
    const record = swarm.node('manager1');
    expect(record.role).toBe('manager');
    expect(record.node.Spec).toEqual({ Labels: {}, Role: 'manager', Availability: 'active' });
    expect(record.node.Status).toEqual({ State: 'ready', Addr: '192.168.0.10' });
    expect(Object.values(swarm.store.members)).toEqual([
      { raftId: swarm.raftIds.get('manager1'), nodeId: record.node.ID, addr: '192.168.0.10:2377' },
    ]);
  });

  it('uses the flags the user gave over the defaults', () => {
    const swarm = new TestSwarm();
    const spec: SwarmSpec = {
      ...emptySpec(),
      Orchestration: { TaskHistoryRetentionLimit: 0 },
      Dispatcher: { HeartbeatPeriod: 10_000_000_000 },
    };
    swarm.init(
      'manager1',
      initRequest({ Spec: spec, AutoLockManagers: true, Availability: 'drain' }),
    );
    const { swarm: object, unlockKey } = cluster(swarm);
    expect(object.Spec.Orchestration.TaskHistoryRetentionLimit).toBe(0);
    expect(object.Spec.Dispatcher.HeartbeatPeriod).toBe(10_000_000_000);
    expect(object.Spec.EncryptionConfig.AutoLockManagers).toBe(true);
    expect(unlockKey).toMatch(/^SWMKEY-1-[A-Za-z0-9+/]{43}$/);
    expect(swarm.node('manager1').node.Spec.Availability).toBe('drain');
  });

  it('issues two tokens that share the CA digest', () => {
    const { swarm: object, rootDigestHex } = cluster(swarmOf(1, 0));
    const worker = valueOf(parseJoinToken(object.JoinTokens.Worker));
    const manager = valueOf(parseJoinToken(object.JoinTokens.Manager));
    expect(worker.rootDigestHex).toBe(rootDigestHex);
    expect(manager.rootDigestHex).toBe(rootDigestHex);
    expect(worker.secret).not.toBe(manager.secret);
  });

  it('is deterministic for a seed', () => {
    expect(swarmOf(3, 2, 9).store).toEqual(swarmOf(3, 2, 9).store);
    expect(swarmOf(3, 2, 9).store).not.toEqual(swarmOf(3, 2, 10).store);
  });
});

describe('swarm join', () => {
  it('creates the node with the role of the token, Unknown until it registers', () => {
    const swarm = swarmOf(1, 0);
    const { Worker } = cluster(swarm).swarm.JoinTokens;
    const joined = valueOf(joinNode(swarm.context(), { token: Worker, availability: 'pause' }));
    expect(joined.role).toBe('worker');
    swarm.apply(joined.proposal);
    const record = swarm.store.nodes[joined.nodeId];
    expect(record?.node.Status).toEqual({ State: 'unknown' });
    expect(record?.node.Spec).toEqual({ Labels: {}, Role: 'worker', Availability: 'pause' });
  });

  it('registers the agent: Ready with its description and address', () => {
    const swarm = swarmOf(1, 1);
    const record = swarm.node('worker1');
    expect(record.node.Status).toEqual({ State: 'ready', Addr: '192.168.0.21' });
    expect(record.node.Description.Hostname).toBe('worker1');
  });

  it.each([
    ['SWMTKN-1-bad', 'invalid join token'],
    [
      '',
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    ],
  ])('refuses the token %j', (token, message) => {
    expect(errorOf(joinNode(swarmOf(1, 0).context(), { token, availability: '' }))).toBe(message);
  });

  it('refuses a token rotated away', () => {
    const swarm = swarmOf(1, 0);
    const old = cluster(swarm).swarm.JoinTokens.Worker;
    swarm.apply(
      valueOf(
        updateCluster(swarm.context(), {
          version: cluster(swarm).swarm.Version.Index,
          spec: cluster(swarm).swarm.Spec,
          flags: {
            RotateWorkerToken: true,
            RotateManagerToken: false,
            RotateManagerUnlockKey: false,
          },
        }),
      ),
    );
    expect(errorOf(joinNode(swarm.context(), { token: old, availability: '' }))).toBe(
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    );
  });
});

function specUpdate(
  swarm: TestSwarm,
  hostname: string,
  changes: Partial<NodeSpecUpdate>,
): NodeSpecUpdate {
  return { ...swarm.node(hostname).node.Spec, ...changes };
}

function update(swarm: TestSwarm, hostname: string, changes: Partial<NodeSpecUpdate>) {
  return updateNode(swarm.leaderContext(), {
    nodeId: swarm.id(hostname),
    version: swarm.node(hostname).node.Version.Index,
    spec: specUpdate(swarm, hostname, changes),
  });
}

describe('node update', () => {
  it('changes availability and labels', () => {
    const swarm = swarmOf(1, 1);
    swarm.apply(
      valueOf(update(swarm, 'worker1', { Availability: 'DRAIN', Labels: { zone: 'a' } })),
    );
    expect(swarm.node('worker1').node.Spec).toEqual({
      Labels: { zone: 'a' },
      Role: 'worker',
      Availability: 'drain',
    });
  });

  it('sets the desired role on promotion and leaves the role to the role manager', () => {
    const swarm = swarmOf(1, 1);
    swarm.apply(valueOf(update(swarm, 'worker1', { Role: 'manager' })));
    expect(swarm.node('worker1').node.Spec.Role).toBe('manager');
    expect(swarm.node('worker1').role).toBe('worker');
  });

  it.each([
    [{ Role: 'boss' }, 'invalid Role: "boss"'],
    [{ Availability: 'sleep' }, 'invalid Availability: "sleep"'],
    [{ Role: 'boss', Availability: 'sleep' }, 'invalid Role: "boss"'],
  ])('refuses the spec %j', (changes, message) => {
    const swarm = swarmOf(1, 1);
    expect(errorOf(update(swarm, 'worker1', changes))).toBe(message);
  });

  it('refuses a stale version', () => {
    const swarm = swarmOf(1, 1);
    const result = updateNode(swarm.leaderContext(), {
      nodeId: swarm.id('worker1'),
      version: 1,
      spec: specUpdate(swarm, 'worker1', {}),
    });
    expect(errorOf(result)).toBe('rpc error: code = Unknown desc = update out of sequence');
  });

  it('refuses an unknown node', () => {
    const swarm = swarmOf(1, 0);
    const result = updateNode(swarm.leaderContext(), {
      nodeId: 'nope',
      version: 1,
      spec: { Labels: {}, Role: 'worker', Availability: 'active' },
    });
    expect(errorOf(result)).toBe('rpc error: code = NotFound desc = node nope not found');
  });
});

describe('node demote', () => {
  it('refuses to demote the last manager', () => {
    const swarm = swarmOf(1, 2);
    expect(errorOf(update(swarm, 'manager1', { Role: 'worker' }))).toBe(
      'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
    );
  });

  it.each([
    [3, ['manager3'], 'manager2', false],
    [3, ['manager2'], 'manager2', true],
    [3, [], 'manager2', true],
    [2, ['manager2'], 'manager2', true],
    [2, [], 'manager2', true],
    [3, ['manager3'], 'manager1', false],
    [5, ['manager4', 'manager5'], 'manager2', false],
    [5, ['manager5'], 'manager2', true],
  ])(
    'with %i managers, %j unreachable, demoting %s is allowed: %s',
    (managers, down, target, allowed) => {
      const swarm = swarmOf(managers, 0);
      for (const hostname of down) swarm.unreachable.add(hostname);
      const result = update(swarm, target, { Role: 'worker' });
      if (allowed) expect(result.ok).toBe(true);
      else {
        expect(errorOf(result)).toBe(
          "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum",
        );
      }
    },
  );

  it('refuses a manager missing from the member list', () => {
    const swarm = swarmOf(2, 0);
    swarm.raftIds.delete('manager2');
    expect(errorOf(update(swarm, 'manager2', { Role: 'worker' }))).toBe(
      "rpc error: code = NotFound desc = can't find manager in raft memberlist",
    );
  });
});

describe('node rm', () => {
  it('refuses a Ready node without --force, naming the full ID', () => {
    const swarm = swarmOf(1, 1);
    const id = swarm.id('worker1');
    expect(errorOf(removeNode(swarm.leaderContext(), { nodeId: id, force: false }))).toBe(
      `rpc error: code = FailedPrecondition desc = node ${id} is not down and can't be removed`,
    );
  });

  it('refuses a manager in the Raft cluster even with --force', () => {
    const swarm = swarmOf(3, 0);
    const id = swarm.id('manager2');
    expect(errorOf(removeNode(swarm.leaderContext(), { nodeId: id, force: true }))).toBe(
      `rpc error: code = FailedPrecondition desc = node ${id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
    );
  });

  it('removes a Ready node with --force and blacklists it', () => {
    const swarm = swarmOf(1, 1);
    const id = swarm.id('worker1');
    swarm.apply(valueOf(removeNode(swarm.leaderContext(), { nodeId: id, force: true })));
    expect(swarm.store.nodes[id]).toBeUndefined();
    expect(cluster(swarm).blacklistedNodeIds).toEqual([id]);
  });

  it.each(['down', 'unknown', 'disconnected'] as const)(
    'removes a %s node without --force',
    (state) => {
      const swarm = swarmOf(1, 1);
      const record = swarm.node('worker1');
      swarm.store = {
        ...swarm.store,
        nodes: {
          ...swarm.store.nodes,
          [record.node.ID]: { ...record, node: { ...record.node, Status: { State: state } } },
        },
      };
      expect(removeNode(swarm.leaderContext(), { nodeId: record.node.ID, force: false }).ok).toBe(
        true,
      );
    },
  );

  it('refuses an unknown node', () => {
    expect(errorOf(removeNode(swarmOf(1, 0).leaderContext(), { nodeId: 'x', force: false }))).toBe(
      'rpc error: code = NotFound desc = node x not found',
    );
  });
});

describe('swarm update', () => {
  function rotate(
    swarm: TestSwarm,
    flags: Partial<{ w: boolean; m: boolean; k: boolean }>,
    spec?: SwarmSpec,
  ) {
    const { swarm: object } = cluster(swarm);
    return updateCluster(swarm.context(), {
      version: object.Version.Index,
      spec: spec ?? object.Spec,
      flags: {
        RotateWorkerToken: flags.w ?? false,
        RotateManagerToken: flags.m ?? false,
        RotateManagerUnlockKey: flags.k ?? false,
      },
    });
  }

  it('rotates the worker token, keeping the CA part and the manager token', () => {
    const swarm = swarmOf(1, 0);
    const before = cluster(swarm).swarm.JoinTokens;
    swarm.apply(valueOf(rotate(swarm, { w: true })));
    const after = cluster(swarm).swarm.JoinTokens;
    expect(after.Worker.slice(0, 60)).toBe(before.Worker.slice(0, 60));
    expect(after.Worker).not.toBe(before.Worker);
    expect(after.Manager).toBe(before.Manager);
  });

  it('turns autolock on and off, and rotates the key only while on', () => {
    const swarm = swarmOf(1, 0);
    swarm.apply(valueOf(rotate(swarm, { k: true })));
    expect(getUnlockKey(swarm.store)).toBe('');
    const on = { ...cluster(swarm).swarm.Spec, EncryptionConfig: { AutoLockManagers: true } };
    swarm.apply(valueOf(rotate(swarm, {}, on)));
    const first = getUnlockKey(swarm.store);
    expect(first).toMatch(/^SWMKEY-1-/);
    swarm.apply(valueOf(rotate(swarm, {})));
    expect(getUnlockKey(swarm.store)).toBe(first);
    swarm.apply(valueOf(rotate(swarm, { k: true })));
    expect(getUnlockKey(swarm.store)).not.toBe(first);
    const off = { ...cluster(swarm).swarm.Spec, EncryptionConfig: { AutoLockManagers: false } };
    swarm.apply(valueOf(rotate(swarm, {}, off)));
    expect(getUnlockKey(swarm.store)).toBe('');
  });

  it('changes the task history limit and the heartbeat period', () => {
    const swarm = swarmOf(1, 0);
    const spec = {
      ...cluster(swarm).swarm.Spec,
      Orchestration: { TaskHistoryRetentionLimit: 2 },
      Dispatcher: { HeartbeatPeriod: 2_000_000_000 },
    };
    swarm.apply(valueOf(rotate(swarm, {}, spec)));
    expect(cluster(swarm).swarm.Spec.Orchestration.TaskHistoryRetentionLimit).toBe(2);
    expect(cluster(swarm).swarm.Spec.Dispatcher.HeartbeatPeriod).toBe(2_000_000_000);
  });

  it.each([
    [{ Name: 'other' }, 'swarm spec must be named "default"'],
    [
      { CAConfig: { NodeCertExpiry: 60_000_000_000 } },
      'rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s',
    ],
    [
      { Dispatcher: { HeartbeatPeriod: -1 } },
      'rpc error: code = InvalidArgument desc = heartbeat time period cannot be a negative duration',
    ],
  ])('refuses the spec change %j', (changes, message) => {
    const swarm = swarmOf(1, 0);
    expect(errorOf(rotate(swarm, {}, { ...cluster(swarm).swarm.Spec, ...changes }))).toBe(message);
  });

  it('refuses a stale version', () => {
    const swarm = swarmOf(1, 0);
    const result = updateCluster(swarm.context(), {
      version: 0,
      spec: cluster(swarm).swarm.Spec,
      flags: { RotateWorkerToken: false, RotateManagerToken: false, RotateManagerUnlockKey: false },
    });
    expect(errorOf(result)).toBe('rpc error: code = Unknown desc = update out of sequence');
  });
});

describe('force-new-cluster', () => {
  it('keeps every node and leaves this manager the only member', () => {
    const swarm = swarmOf(3, 2);
    const nodesBefore = Object.keys(swarm.store.nodes).sort();
    const self = swarm.raftIds.get('manager2') ?? 0;
    const result = forceNewCluster(swarm.context(), self);
    expect(result.removedRaftIds).toHaveLength(2);
    swarm.apply(result.proposal);
    expect(Object.keys(swarm.store.nodes).sort()).toEqual(nodesBefore);
    expect(Object.values(swarm.store.members).map((m) => m.raftId)).toEqual([self]);
    expect([...swarm.store.removedRaftIds].sort()).toEqual([...result.removedRaftIds].sort());
    expect(forceNewCluster(swarm.context(), self).proposal).toBeNull();
  });
});

describe('node references', () => {
  it('resolve by ID, hostname, then unambiguous prefix', () => {
    const swarm = swarmOf(1, 2);
    const id = swarm.id('worker1');
    expect(valueOf(resolveNode(swarm.store, id)).node.ID).toBe(id);
    expect(valueOf(resolveNode(swarm.store, 'worker1')).node.ID).toBe(id);
    expect(valueOf(resolveNode(swarm.store, id.slice(0, 6))).node.ID).toBe(id);
    expect(errorOf(resolveNode(swarm.store, 'worker9'))).toBe('node worker9 not found');
    expect(errorOf(resolveNode(swarm.store, ''))).toBe('node  is ambiguous (3 matches found)');
  });
});

describe('calls with no leader', () => {
  it('wait up to 10 leaderless ticks, then fail at once with the quorum error', () => {
    expect(leaderlessCall(10)).toBe('wait');
    const error = leaderlessCall(11);
    expect(error !== 'wait' && error.message).toBe(
      "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.",
    );
    expect(leaderWaitTimedOut().message).toBe(
      'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
    );
  });
});

describe('node ls', () => {
  it('fills ManagerStatus from the member list, Leader only on the leader', () => {
    const swarm = swarmOf(2, 1);
    swarm.unreachable.add('manager2');
    const nodes = new Map(listNodes(swarm.store, swarm.members()).map((node) => [node.ID, node]));
    expect(nodes.get(swarm.id('manager1'))?.ManagerStatus).toEqual({
      Leader: true,
      Reachability: 'reachable',
      Addr: '192.168.0.10:2377',
    });
    expect(nodes.get(swarm.id('manager2'))?.ManagerStatus).toEqual({
      Reachability: 'unreachable',
      Addr: '192.168.0.12:2377',
    });
    expect(nodes.get(swarm.id('worker1'))).not.toHaveProperty('ManagerStatus');
  });
});

describe('a manager that left with --force', () => {
  it('stays a member until demoted, then can be removed once Down', () => {
    const swarm = swarmOf(3, 0);
    swarm.unreachable.add('manager3');
    const id = swarm.id('manager3');
    expect(errorOf(removeNode(swarm.leaderContext(), { nodeId: id, force: true }))).toMatch(
      /must be demoted to worker before removal$/,
    );
    const record = swarm.node('manager3');
    swarm.apply(
      valueOf(
        updateNode(swarm.leaderContext(), {
          nodeId: id,
          version: record.node.Version.Index,
          spec: { ...record.node.Spec, Role: 'worker' },
        }),
      ),
    );
    // The role manager removes it from Raft; it is then no longer in the member list.
    swarm.raftIds.delete('manager3');
    const demoted = swarm.node('manager3');
    swarm.store = {
      ...swarm.store,
      nodes: {
        ...swarm.store.nodes,
        [id]: { ...demoted, node: { ...demoted.node, Status: { State: 'down' } } },
      },
    };
    swarm.apply(valueOf(removeNode(swarm.leaderContext(), { nodeId: id, force: false })));
    expect(swarm.store.nodes[id]).toBeUndefined();
  });
});
