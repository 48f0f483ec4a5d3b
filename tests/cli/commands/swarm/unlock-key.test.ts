import { describe, expect, it } from 'vitest';
import type { UpdateFlags } from '../../../../src/api/swarm';
import {
  daemonError,
  fakeManagerEngine,
  SWARM,
  UNLOCK_KEY,
  WORKER_NODE,
} from '../../../support/fake-engine';
import { expectGolden } from './golden-run';

const NEW_KEY = 'SWMKEY-1-jl3qX0Vh2gD8s0Zb4Kq1mN7pR5tU9wY3aC6eF8hJ0kL';

function lockedSwarm(rotations: UpdateFlags[], autolock = true) {
  let key = autolock ? UNLOCK_KEY : '';
  return fakeManagerEngine({
    swarmInspect: () =>
      Promise.resolve({
        ...SWARM,
        Spec: { ...SWARM.Spec, EncryptionConfig: { AutoLockManagers: autolock } },
      }),
    swarmUpdate: ({ flags }) => {
      rotations.push(flags);
      key = NEW_KEY;
      return Promise.resolve();
    },
    swarmUnlockKey: () => Promise.resolve({ UnlockKey: key }),
  });
}

describe('docker swarm unlock-key', () => {
  it('prints the unlock block (reference §4.7, §4.8)', async () => {
    await expectGolden('swarm/unlock-key', ['swarm', 'unlock-key'], { engine: lockedSwarm([]) });
  });

  it('prints the key alone with -q', async () => {
    await expectGolden('swarm/unlock-key-quiet', ['swarm', 'unlock-key', '-q'], {
      engine: lockedSwarm([]),
    });
  });

  it('rotates, then prints a blank line and the new block (docker/cli golden)', async () => {
    const rotations: UpdateFlags[] = [];
    await expectGolden('swarm/unlock-key-rotate', ['swarm', 'unlock-key', '--rotate'], {
      engine: lockedSwarm(rotations),
    });
    expect(rotations).toEqual([
      { RotateWorkerToken: false, RotateManagerToken: false, RotateManagerUnlockKey: true },
    ]);
    await expectGolden('swarm/unlock-key-rotate-quiet', ['swarm', 'unlock-key', '--rotate', '-q'], {
      engine: lockedSwarm([]),
    });
  });

  it('refuses to rotate without autolock, and says no key is set', async () => {
    const rotations: UpdateFlags[] = [];
    await expectGolden('swarm/unlock-key-rotate-no-autolock', ['swarm', 'unlock-key', '--rotate'], {
      engine: lockedSwarm(rotations, false),
    });
    expect(rotations).toEqual([]);
    await expectGolden('swarm/unlock-key-none', ['swarm', 'unlock-key'], {
      engine: lockedSwarm([], false),
    });
  });

  it('wraps the daemon error in `could not fetch unlock key`', async () => {
    await expectGolden('swarm/unlock-key-on-worker', ['swarm', 'unlock-key'], {
      engine: fakeManagerEngine({ swarmUnlockKey: () => daemonError(WORKER_NODE) }),
    });
  });
});
