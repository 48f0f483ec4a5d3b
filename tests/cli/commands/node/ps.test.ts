import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../../src/api/swarm';
import {
  daemonError,
  fakeEngine,
  fakeManagerEngine,
  IDS,
  WORKER_NODE,
} from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

describe('docker node ps', () => {
  it('lists the tasks of self: an empty table until services exist (reference §5.7)', async () => {
    const seen: Filters[] = [];
    const engine = fakeManagerEngine({
      taskList: ({ filters }) => {
        seen.push(filters);
        return Promise.resolve([]);
      },
    });
    await expectGolden('node/ps', ['node', 'ps'], { engine });
    await expectGolden(
      'node/ps-nodes',
      ['node', 'ps', '-f', 'desired-state=running', 'worker1', 'manager2'],
      {
        engine,
      },
    );
    expect(seen).toEqual([
      { node: [IDS.manager1] },
      { 'desired-state': ['running'], node: [IDS.worker1] },
      { 'desired-state': ['running'], node: [IDS.manager2] },
    ]);
  });

  it('prints nothing with -q or a bare template', async () => {
    const engine = fakeManagerEngine();
    await expectGolden('node/ps-quiet', ['node', 'ps', '-q'], { engine });
  });

  it('prints only the errors when no node was found', async () => {
    await expectGolden('node/ps-missing', ['node', 'ps', 'nosuch'], {
      engine: fakeManagerEngine(),
    });
  });

  it('fails on a worker, where self needs a manager', async () => {
    await expectGolden('node/ps-on-worker', ['node', 'ps'], {
      engine: fakeManagerEngine({ nodeInspect: () => daemonError(WORKER_NODE) }),
    });
    await expectGolden('node/ps-not-in-swarm', ['node', 'ps'], { engine: fakeEngine() });
  });
});
