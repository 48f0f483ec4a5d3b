import { describe, expect, it } from 'vitest';
import type { SwarmSpec, UpdateFlags } from '../../../../src/api/swarm';
import {
  daemonError,
  fakeManagerEngine,
  NO_LEADER,
  SWARM,
  UNLOCK_KEY,
} from '../../../support/fake-engine';
import { expectGolden } from './golden-run';

interface Sent {
  readonly version: number;
  readonly spec: SwarmSpec;
  readonly flags: UpdateFlags;
}

function recordingEngine(sent: Sent[], autolock = false) {
  return fakeManagerEngine({
    swarmInspect: () =>
      Promise.resolve({
        ...SWARM,
        Spec: { ...SWARM.Spec, EncryptionConfig: { AutoLockManagers: autolock } },
      }),
    swarmUpdate: ({ version, spec, flags }) => {
      sent.push({ version, spec, flags });
      return Promise.resolve();
    },
    swarmUnlockKey: () => Promise.resolve({ UnlockKey: UNLOCK_KEY }),
  });
}

describe('docker swarm update', () => {
  it('changes only the flags given and prints `Swarm updated.` (reference §4.5)', async () => {
    const sent: Sent[] = [];
    await expectGolden(
      'swarm/update',
      ['swarm', 'update', '--task-history-limit', '2', '--dispatcher-heartbeat', '10s'],
      { engine: recordingEngine(sent) },
    );
    expect(sent).toEqual([
      {
        version: 10,
        spec: {
          ...SWARM.Spec,
          Orchestration: { TaskHistoryRetentionLimit: 2 },
          Dispatcher: { HeartbeatPeriod: 10_000_000_000 },
        },
        flags: {
          RotateWorkerToken: false,
          RotateManagerToken: false,
          RotateManagerUnlockKey: false,
        },
      },
    ]);
  });

  it('prints the unlock block when autolock turns on, with no blank line before it', async () => {
    const sent: Sent[] = [];
    await expectGolden('swarm/update-autolock', ['swarm', 'update', '--autolock=true'], {
      engine: recordingEngine(sent),
    });
    expect(sent[0]?.spec.EncryptionConfig.AutoLockManagers).toBe(true);
  });

  it('prints only `Swarm updated.` when autolock turns off or was already on', async () => {
    const sent: Sent[] = [];
    await expectGolden('swarm/update-autolock-off', ['swarm', 'update', '--autolock=false'], {
      engine: recordingEngine(sent, true),
    });
    const again = await expectGolden(
      'swarm/update-autolock-again',
      ['swarm', 'update', '--autolock'],
      {
        engine: recordingEngine(sent, true),
      },
    );
    expect(again.stdout).toBe('Swarm updated.\n');
  });

  it('gives every new external CA the current root CA', async () => {
    const sent: Sent[] = [];
    await expectGolden(
      'swarm/update-external-ca',
      ['swarm', 'update', '--external-ca', 'protocol=cfssl,url=https://ca.example.com,foo=bar'],
      { engine: recordingEngine(sent) },
    );
    expect(sent[0]?.spec.CAConfig.ExternalCAs).toEqual([
      {
        Protocol: 'cfssl',
        URL: 'https://ca.example.com',
        Options: { foo: 'bar' },
        CACert: SWARM.TLSInfo.TrustRoot,
      },
    ]);
  });

  it('prints its help on stdout, exit 0, when no flag is given', async () => {
    const sent: Sent[] = [];
    const result = await expectGolden('swarm/update-no-flags', ['swarm', 'update'], {
      engine: recordingEngine(sent),
    });
    expect(result.code).toBe(0);
    expect(sent).toEqual([]);
  });

  it('has no --availability flag (exit 125)', async () => {
    const result = await expectGolden('swarm/update-availability', [
      'swarm',
      'update',
      '--availability',
      'active',
    ]);
    expect(result.code).toBe(125);
  });

  it('reports the quorum error', async () => {
    await expectGolden('swarm/update-no-leader', ['swarm', 'update', '--autolock'], {
      engine: fakeManagerEngine({ swarmInspect: () => daemonError(NO_LEADER) }),
    });
  });
});
