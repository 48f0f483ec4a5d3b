import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../../src/api/swarm';
import type { Task } from '../../../../src/api/task';
import {
  daemonError,
  fakeEngine,
  fakeManagerEngine,
  IDS,
  WORKER_NODE,
} from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import { AGENT, findService, task, WEB } from '../service/fixtures';

/** Tasks of web and agent on manager1 and worker1. */
const TASKS: readonly Task[] = [
  task({
    id: 'bk658fpbex0d2hvv3zu0x1qac',
    slot: 2,
    node: IDS.worker1,
    state: 'running',
    since: -120,
  }),
  task({
    id: 'nvjljf7rmor4s3p8j0ubaaybl',
    slot: 2,
    node: IDS.worker1,
    state: 'rejected',
    desired: 'shutdown',
    since: -360,
    created: -400,
    error:
      'No such image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
  }),
  task({
    id: '0qihejybwf1xrrr9skqbm4ccn',
    slot: 1,
    node: IDS.manager1,
    state: 'running',
    since: -70,
  }),
  task({
    id: 'z9y8x7w6v5u4t3s2r1q0p9o8n',
    service: AGENT.ID,
    node: IDS.worker1,
    state: 'running',
    since: -3600,
    image: 'busybox:latest',
  }),
];

/** A manager whose daemon filters tasks on `node` and records each filter. */
function tasksEngine(seen: Filters[] = []) {
  return fakeManagerEngine({
    serviceInspect: ({ id }) => findService([WEB, AGENT], id),
    taskList: ({ filters }) => {
      seen.push(filters);
      const nodes = filters.node ?? [];
      return Promise.resolve(TASKS.filter((t) => nodes.includes(t.NodeID ?? '')));
    },
  });
}

describe('docker node ps', () => {
  it('lists the tasks of self: an empty table when there are none (reference §5.7)', async () => {
    const seen: Filters[] = [];
    const engine = fakeManagerEngine({
      taskList: ({ filters }) => {
        seen.push(filters);
        return Promise.resolve([]);
      },
    });
    await expectGolden('node/ps', ['node', 'ps'], { engine });
    expect(seen).toEqual([{ node: [IDS.manager1] }]);
  });

  it('prints the task table of the shared task printer', async () => {
    await expectGolden('node/ps-tasks', ['node', 'ps', 'worker1'], { engine: tasksEngine() });
  });

  it('lists the first node twice when given several, as docker does (docker/cli#4155)', async () => {
    const seen: Filters[] = [];
    const result = await expectGolden(
      'node/ps-nodes',
      ['node', 'ps', '-f', 'desired-state=running', 'worker1', 'manager1'],
      { engine: tasksEngine(seen) },
    );
    expect(seen).toEqual([
      { 'desired-state': ['running'], node: [IDS.worker1] },
      { 'desired-state': ['running'], node: [IDS.worker1, IDS.manager1] },
    ]);
    expect(result.stdout.match(/bk658fpbex0d/g)).toHaveLength(2);
  });

  it('keeps 12-character IDs with -q; --no-trunc and --no-resolve show everything', async () => {
    const engine = tasksEngine();
    await expectGolden('node/ps-quiet', ['node', 'ps', '-q', 'worker1'], { engine });
    await expectGolden(
      'node/ps-no-trunc',
      ['node', 'ps', '--no-trunc', '--no-resolve', 'worker1'],
      {
        engine,
      },
    );
    await expectGolden(
      'node/ps-format',
      ['node', 'ps', '--format', '{{.Name}}\\t{{.Error}}', 'worker1'],
      {
        engine,
      },
    );
  });

  it('prints only the errors when no node was found, and the table with the errors otherwise', async () => {
    await expectGolden('node/ps-missing', ['node', 'ps', 'nosuch'], {
      engine: fakeManagerEngine(),
    });
    await expectGolden('node/ps-some-missing', ['node', 'ps', 'nosuch', 'manager1'], {
      engine: tasksEngine(),
    });
  });

  it('fails on a worker, where self needs a manager', async () => {
    await expectGolden('node/ps-on-worker', ['node', 'ps'], {
      engine: fakeManagerEngine({ nodeInspect: () => daemonError(WORKER_NODE) }),
    });
    await expectGolden('node/ps-not-in-swarm', ['node', 'ps'], { engine: fakeEngine() });
  });

  it('reports a template error', async () => {
    const result = await expectGolden(
      'node/ps-format-error',
      ['node', 'ps', '--format', '{{.Nope}}'],
      {
        engine: tasksEngine(),
      },
    );
    expect(result.code).toBe(1);
  });
});
