import { describe, expect, it } from 'vitest';
import { daemonError, fakeEngine, fakeManagerEngine } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import { findService, WEB, AGENT } from './fixtures';

describe('docker service rm', () => {
  it('removes each service, prints each argument as typed, and the errors at the end', async () => {
    const removed: string[] = [];
    const engine = fakeManagerEngine({
      serviceRemove: async ({ id }) => {
        const found = await findService([WEB, AGENT], id);
        removed.push(found.ID);
      },
    });
    const result = await expectGolden(
      'service/rm',
      ['service', 'rm', 'web', 'nosuch', 'p0a3', ''],
      { engine },
    );
    expect(removed).toEqual([WEB.ID, AGENT.ID]);
    expect(result.code).toBe(1);
  });

  it('has the alias remove and needs a service', async () => {
    const engine = fakeManagerEngine({ serviceRemove: () => Promise.resolve() });
    await expectGolden('service/rm-alias', ['service', 'remove', 'web'], { engine });
    await expectGolden('service/rm-args', ['service', 'rm'], { engine });
  });

  it('prints the daemon error outside a swarm and on a follower without a leader', async () => {
    await expectGolden('service/rm-not-in-swarm', ['service', 'rm', 'web'], {
      engine: fakeEngine(),
    });
    await expectGolden('service/rm-no-leader', ['service', 'rm', 'web'], {
      engine: fakeManagerEngine({
        serviceRemove: () =>
          daemonError('rpc error: code = DeadlineExceeded desc = context deadline exceeded'),
      }),
    });
  });
});
