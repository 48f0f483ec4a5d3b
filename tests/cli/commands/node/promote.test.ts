import { describe, expect, it } from 'vitest';
import { daemonError, fakeManagerEngine, IDS } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

describe('docker node promote', () => {
  it('promotes each node and reports a manager by full ID (reference §5.5)', async () => {
    const updated: [string, string][] = [];
    const engine = fakeManagerEngine({
      nodeUpdate: ({ id, spec }) => {
        updated.push([id, spec.Role]);
        return Promise.resolve();
      },
    });
    await expectGolden('node/promote', ['node', 'promote', 'worker1', 'manager2', 'q3ck'], {
      engine,
    });
    expect(updated).toEqual([
      [IDS.worker1, 'manager'],
      [IDS.worker2, 'manager'],
    ]);
  });

  it('stops at the first error', async () => {
    const updated: string[] = [];
    const engine = fakeManagerEngine({
      nodeUpdate: ({ id }) => {
        updated.push(id);
        return Promise.resolve();
      },
    });
    await expectGolden('node/promote-missing', ['node', 'promote', 'nosuch', 'worker1'], {
      engine,
    });
    expect(updated).toEqual([]);
  });

  it('reports the quorum error', async () => {
    const engine = fakeManagerEngine({
      nodeInspect: () =>
        daemonError('rpc error: code = DeadlineExceeded desc = context deadline exceeded'),
    });
    await expectGolden('node/promote-deadline', ['node', 'promote', 'worker1'], { engine });
  });

  it('needs a node', async () => {
    await expectGolden('node/promote-args', ['node', 'promote']);
  });
});
