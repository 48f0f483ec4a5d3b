import { describe, expect, it } from 'vitest';
import type { UpdateFlags } from '../../../../src/api/swarm';
import {
  fakeManagerEngine,
  SWARM,
  TOKENS,
  WORKER_NODE,
  daemonError,
} from '../../../support/fake-engine';
import { expectGolden } from './golden-run';

describe('docker swarm join-token', () => {
  it('prints the worker join command (reference §4.3)', async () => {
    await expectGolden('swarm/join-token-worker', ['swarm', 'join-token', 'worker'], {
      engine: fakeManagerEngine(),
    });
  });

  it('prints the manager join command', async () => {
    await expectGolden('swarm/join-token-manager', ['swarm', 'join-token', 'manager'], {
      engine: fakeManagerEngine(),
    });
  });

  it('prints the token alone with -q', async () => {
    await expectGolden('swarm/join-token-worker-quiet', ['swarm', 'join-token', '-q', 'worker'], {
      engine: fakeManagerEngine(),
    });
  });

  it('rotates with the current version and spec, then prints the new token', async () => {
    const updates: [number, UpdateFlags][] = [];
    let tokens = SWARM.JoinTokens;
    const engine = fakeManagerEngine({
      swarmInspect: () => Promise.resolve({ ...SWARM, JoinTokens: tokens }),
      swarmUpdate: ({ version, spec, flags }) => {
        expect(spec).toEqual(SWARM.Spec);
        updates.push([version, flags]);
        tokens = { ...tokens, Manager: `${TOKENS.manager.slice(0, -25)}0rotatedrotatedrotated000` };
        return Promise.resolve();
      },
    });
    await expectGolden(
      'swarm/join-token-manager-rotate',
      ['swarm', 'join-token', '--rotate', 'manager'],
      {
        engine,
      },
    );
    expect(updates).toEqual([
      [10, { RotateWorkerToken: false, RotateManagerToken: true, RotateManagerUnlockKey: false }],
    ]);
  });

  it('prints only the new token with --rotate -q', async () => {
    await expectGolden(
      'swarm/join-token-worker-rotate-quiet',
      ['swarm', 'join-token', '--rotate', '-q', 'worker'],
      { engine: fakeManagerEngine() },
    );
  });

  it('rejects an unknown role before asking the daemon', async () => {
    const result = await expectGolden(
      'swarm/join-token-unknown-role',
      ['swarm', 'join-token', 'foo'],
      {
        engine: fakeManagerEngine({ swarmInspect: () => daemonError('must not be called') }),
      },
    );
    expect(result.code).toBe(1);
  });

  it('fails on a worker with the daemon error', async () => {
    await expectGolden('swarm/join-token-on-worker', ['swarm', 'join-token', 'worker'], {
      engine: fakeManagerEngine({ swarmInspect: () => daemonError(WORKER_NODE) }),
    });
  });

  it('needs exactly one role', async () => {
    await expectGolden('swarm/join-token-args', ['swarm', 'join-token']);
  });
});
