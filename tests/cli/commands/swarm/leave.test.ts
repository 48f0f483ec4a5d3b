import { describe, expect, it } from 'vitest';
import { daemonError, fakeEngine, fakeManagerEngine } from '../../../support/fake-engine';
import { expectGolden } from './golden-run';

const MANAGER_PREFIX =
  'You are attempting to leave the swarm on a node that is participating as a manager. ';

describe('docker swarm leave', () => {
  it('prints `Node left the swarm.` (reference §4.4)', async () => {
    const forced: boolean[] = [];
    const engine = fakeManagerEngine({
      swarmLeave: ({ force }) => {
        forced.push(force);
        return Promise.resolve();
      },
    });
    await expectGolden('swarm/leave', ['swarm', 'leave'], { engine });
    await expectGolden('swarm/leave-force', ['swarm', 'leave', '-f'], { engine });
    expect(forced).toEqual([false, true]);
  });

  it.each([
    ['leave-not-in-swarm', 'This node is not part of a swarm'],
    [
      'leave-last-manager',
      `${MANAGER_PREFIX}Removing the last manager erases all current state of the swarm. Use \`--force\` to ignore this message.`,
    ],
    [
      'leave-loses-quorum',
      `${MANAGER_PREFIX}Removing this node leaves 1 managers out of 2. Without a Raft quorum your swarm will be inaccessible. The only way to restore a swarm that has lost consensus is to reinitialize it with \`--force-new-cluster\`. Use \`--force\` to suppress this message.`,
    ],
    [
      'leave-locked',
      'Swarm is encrypted and locked. Please unlock it first or use `--force` to ignore this message.',
    ],
  ])('reports the daemon refusal %s', async (name, message) => {
    const engine = fakeEngine({ swarmLeave: () => daemonError(message) });
    const result = await expectGolden(`swarm/${name}`, ['swarm', 'leave'], { engine });
    expect(result.code).toBe(1);
  });

  it('accepts no arguments', async () => {
    await expectGolden('swarm/leave-args', ['swarm', 'leave', 'now']);
  });
});
