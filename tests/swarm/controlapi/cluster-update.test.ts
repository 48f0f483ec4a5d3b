import { describe, expect, it } from 'vitest';
import type { SwarmSpec } from '../../../src/api/swarm';
import { getUnlockKey, updateCluster } from '../../../src/swarm';
import { cluster, swarmOf, type TestSwarm } from '../../support/builders';
import { errorOf, valueOf } from '../../support/outcome';

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
