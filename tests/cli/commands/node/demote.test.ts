import { describe, expect, it } from 'vitest';
import { daemonError, fakeManagerEngine, IDS } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

describe('docker node demote', () => {
  it('demotes and reports a worker by full ID (reference §5.5)', async () => {
    const updated: [string, string][] = [];
    const engine = fakeManagerEngine({
      nodeUpdate: ({ id, spec }) => {
        updated.push([id, spec.Role]);
        return Promise.resolve();
      },
    });
    await expectGolden('node/demote', ['node', 'demote', 'manager2', 'worker1'], { engine });
    expect(updated).toEqual([[IDS.manager2, 'worker']]);
  });

  it.each([
    [
      'demote-last-manager',
      'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
    ],
    [
      'demote-quorum',
      "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum",
    ],
  ])('reports the daemon refusal %s', async (name, message) => {
    const engine = fakeManagerEngine({ nodeUpdate: () => daemonError(message) });
    const result = await expectGolden(`node/${name}`, ['node', 'demote', 'manager1'], { engine });
    expect(result.code).toBe(1);
  });

  it('needs a node', async () => {
    await expectGolden('node/demote-args', ['node', 'demote']);
  });
});
