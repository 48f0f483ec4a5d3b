import { describe, expect, it } from 'vitest';
import type { SwarmSpec } from '../../../src/api/swarm';
import { parseJoinToken } from '../../../src/swarm';
import { cluster, emptySpec, initRequest, swarmOf, TestSwarm } from '../../support/builders';
import { valueOf } from '../../support/outcome';

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
