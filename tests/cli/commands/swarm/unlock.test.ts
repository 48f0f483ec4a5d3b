import { describe, expect, it } from 'vitest';
import type { LocalNodeState } from '../../../../src/api/swarm';
import { INACTIVE_SWARM, systemInfo } from '../../../../src/swarm/node/system-info';
import { Canceller } from '../../../../src/lib/cancel';
import { daemonError, FAKE_MACHINE, fakeEngine, UNLOCK_KEY } from '../../../support/fake-engine';
import { runDocker } from '../../../support/docker-run';
import { expectGolden } from './golden-run';

function nodeIn(state: LocalNodeState, keys: string[] = [], valid = UNLOCK_KEY) {
  return fakeEngine({
    info: () =>
      Promise.resolve(systemInfo(FAKE_MACHINE, { ...INACTIVE_SWARM, LocalNodeState: state })),
    swarmUnlock: ({ request }) => {
      keys.push(request.UnlockKey);
      if (!request.UnlockKey.startsWith('SWMKEY-1-')) return daemonError('invalid key string');
      if (request.UnlockKey !== valid) {
        return daemonError('swarm could not be unlocked: invalid key provided');
      }
      return Promise.resolve();
    },
  });
}

describe('docker swarm unlock', () => {
  it('prompts without echo on a terminal and prints nothing more on success (reference §4.6)', async () => {
    const keys: string[] = [];
    const result = await expectGolden('swarm/unlock-prompt', ['swarm', 'unlock'], {
      engine: nodeIn('locked', keys),
      columns: 80,
      secretLine: UNLOCK_KEY,
    });
    expect(result.code).toBe(0);
    expect(keys).toEqual([UNLOCK_KEY]);
  });

  it('reads the first line of a pipe, trimmed', async () => {
    const keys: string[] = [];
    const result = await expectGolden('swarm/unlock-pipe', ['swarm', 'unlock'], {
      engine: nodeIn('locked', keys),
      stdin: `  ${UNLOCK_KEY}  \nignored\n`,
    });
    expect(result.stdout).toBe('');
    expect(keys).toEqual([UNLOCK_KEY]);
  });

  it('reports a wrong key and a malformed key as the daemon does', async () => {
    await expectGolden('swarm/unlock-wrong-key', ['swarm', 'unlock'], {
      engine: nodeIn('locked'),
      stdin: 'SWMKEY-1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n',
    });
    await expectGolden('swarm/unlock-bad-key', ['swarm', 'unlock'], {
      engine: nodeIn('locked'),
      stdin: 'hunter2\n',
    });
  });

  it('refuses in the CLI when the node is not locked', async () => {
    const keys: string[] = [];
    await expectGolden('swarm/unlock-not-locked', ['swarm', 'unlock'], {
      engine: nodeIn('active', keys),
      stdin: `${UNLOCK_KEY}\n`,
    });
    await expectGolden('swarm/unlock-not-in-swarm', ['swarm', 'unlock'], {
      engine: nodeIn('inactive', keys),
    });
    expect(keys).toEqual([]);
  });

  it('sends nothing when the prompt is interrupted', async () => {
    const keys: string[] = [];
    const canceller = new Canceller();
    canceller.cancel();
    const result = await runDocker(['swarm', 'unlock'], {
      engine: nodeIn('locked', keys),
      columns: 80,
      secretLine: null,
      cancel: canceller.signal,
    });
    expect(keys).toEqual([]);
    expect(result.stdout).toBe('Enter unlock key: ');
  });
});
