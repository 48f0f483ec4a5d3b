import { describe, expect, it } from 'vitest';
import type { InitRequest } from '../../../../src/api/swarm';
import {
  daemonError,
  fakeManagerEngine,
  IDS,
  UNLOCK_KEY,
  WORKER_NODE,
} from '../../../support/fake-engine';
import { runDocker } from '../../../support/docker-run';
import { expectGolden } from './golden-run';

/** A manager that records the init request and then answers as the new swarm's leader. */
function initEngine(requests: InitRequest[], unlockKey = '') {
  return fakeManagerEngine({
    swarmInit: ({ request }) => {
      requests.push(request);
      return Promise.resolve(IDS.manager1);
    },
    swarmUnlockKey: () => Promise.resolve({ UnlockKey: unlockKey }),
  });
}

describe('docker swarm init', () => {
  it('prints the node ID, the worker join command and the manager hint (reference §4.1)', async () => {
    const requests: InitRequest[] = [];
    const result = await expectGolden('swarm/init', ['swarm', 'init'], {
      engine: initEngine(requests),
    });
    expect(result.code).toBe(0);
    expect(requests).toEqual([
      {
        ListenAddr: '0.0.0.0:2377',
        AdvertiseAddr: '',
        DataPathAddr: '',
        DataPathPort: 0,
        ForceNewCluster: false,
        Spec: {
          Labels: {},
          Orchestration: {},
          Raft: { ElectionTick: 0, HeartbeatTick: 0 },
          Dispatcher: {},
          CAConfig: {},
          TaskDefaults: {},
          EncryptionConfig: { AutoLockManagers: false },
        },
        AutoLockManagers: false,
        Availability: '',
        DefaultAddrPool: [],
        SubnetSize: 24,
      },
    ]);
  });

  it('adds the unlock block after a blank line with --autolock', async () => {
    const requests: InitRequest[] = [];
    await expectGolden('swarm/init-autolock', ['swarm', 'init', '--autolock'], {
      engine: initEngine(requests, UNLOCK_KEY),
    });
    expect(requests[0]?.AutoLockManagers).toBe(true);
    expect(requests[0]?.Spec.EncryptionConfig.AutoLockManagers).toBe(true);
  });

  it('sends only the flags given, normalised as docker does', async () => {
    const requests: InitRequest[] = [];
    const args = [
      'swarm',
      'init',
      '--advertise-addr',
      '192.168.0.10',
      '--listen-addr',
      '192.168.0.10',
      '--availability',
      'DRAIN',
      '--task-history-limit',
      '10',
      '--cert-expiry',
      '24h',
      '--dispatcher-heartbeat',
      '10s',
      '--max-snapshots',
      '2',
      '--snapshot-interval',
      '500',
      '--default-addr-pool',
      '10.10.0.0/16',
      '--default-addr-pool-mask-length',
      '26',
      '--data-path-port',
      '7789',
      '--force-new-cluster',
    ];
    const result = await runOk(args, requests);
    expect(result).toBe(0);
    const request = requests[0];
    expect(request?.ListenAddr).toBe('192.168.0.10:2377');
    expect(request?.AdvertiseAddr).toBe('192.168.0.10');
    expect(request?.Availability).toBe('drain');
    expect(request?.ForceNewCluster).toBe(true);
    expect(request?.DataPathPort).toBe(7789);
    expect(request?.DefaultAddrPool).toEqual(['10.10.0.0/16']);
    expect(request?.SubnetSize).toBe(26);
    expect(request?.Spec).toEqual({
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: 10 },
      Raft: { ElectionTick: 0, HeartbeatTick: 0, KeepOldSnapshots: 2, SnapshotInterval: 500 },
      Dispatcher: { HeartbeatPeriod: 10_000_000_000 },
      CAConfig: { NodeCertExpiry: 86_400_000_000_000 },
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    });
  });

  it('fills in the port of --listen-addr and keeps the last value', async () => {
    const requests: InitRequest[] = [];
    await runOk(['swarm', 'init', '--listen-addr', 'eth0', '--listen-addr', ':4000'], requests);
    expect(requests[0]?.ListenAddr).toBe('0.0.0.0:4000');
  });

  it('rejects a bad --availability in the CLI, before the daemon', async () => {
    const requests: InitRequest[] = [];
    const result = await expectGolden(
      'swarm/init-bad-availability',
      ['swarm', 'init', '--availability', 'foo'],
      { engine: initEngine(requests) },
    );
    expect(result.code).toBe(1);
    expect(requests).toEqual([]);
  });

  it('reports the daemon refusing a second init', async () => {
    const result = await expectGolden('swarm/init-already-in-swarm', ['swarm', 'init'], {
      engine: fakeManagerEngine(),
    });
    expect(result.code).toBe(1);
  });

  it('reports --force-new-cluster on a worker', async () => {
    const engine = fakeManagerEngine({ swarmInit: () => daemonError(WORKER_NODE) });
    await expectGolden(
      'swarm/init-force-new-cluster-worker',
      ['swarm', 'init', '--force-new-cluster'],
      {
        engine,
      },
    );
  });

  it('adds the --advertise-addr hint to the address error', async () => {
    const engine = fakeManagerEngine({
      swarmInit: () =>
        daemonError(
          'could not choose an IP address to advertise since this system has multiple addresses on interface eth0 (10.0.0.5 and 192.168.0.13)',
        ),
    });
    await expectGolden('swarm/init-advertise-addr', ['swarm', 'init'], { engine });
  });

  it('rejects a bad --external-ca as a flag error (exit 125)', async () => {
    const result = await expectGolden(
      'swarm/init-bad-external-ca',
      ['swarm', 'init', '--external-ca', 'url=https://ca.example.com'],
      { engine: fakeManagerEngine() },
    );
    expect(result.code).toBe(125);
  });

  it('accepts no arguments', async () => {
    await expectGolden('swarm/init-args', ['swarm', 'init', 'extra']);
  });
});

async function runOk(args: readonly string[], requests: InitRequest[]): Promise<number> {
  return (await runDocker(args, { engine: initEngine(requests) })).code;
}
