import { describe, expect, it } from 'vitest';
import { runDocker } from '../../../support/docker-run';
import { fakeManagerEngine, findNode, IDS, NODES } from '../../../support/fake-engine';
import { findService, task, WEB } from '../service/fixtures';

describe('task.Print', () => {
  it('sorts names naturally, digits before letters, and asks each name once', async () => {
    const inspected: string[] = [];
    const engine = fakeManagerEngine({
      nodeInspect: ({ id }) => {
        inspected.push(`node ${id}`);
        return findNode(NODES, id);
      },
      serviceInspect: ({ id }) => {
        inspected.push(`service ${id}`);
        return findService([WEB], id);
      },
      taskList: () =>
        Promise.resolve([
          task({ id: 't10', slot: 10, node: IDS.worker1, state: 'running' }),
          task({ id: 't2', slot: 2, node: IDS.worker1, state: 'running' }),
          task({ id: 'tg', service: WEB.ID, node: 'a0b1', state: 'running' }),
          task({ id: 'tz', service: WEB.ID, node: '9zz', state: 'running' }),
          task({ id: 't1', slot: 1, node: IDS.worker1, state: 'running' }),
        ]),
    });
    const result = await runDocker(['node', 'ps', '--format', '{{.Name}} {{.Node}}', 'worker1'], {
      engine,
    });
    expect(result.stdout).toBe(
      ['web.1 worker1', 'web.2 worker1', 'web.9zz 9zz', 'web.10 worker1', 'web.a0b1 a0b1', ''].join(
        '\n',
      ),
    );
    // worker1 is looked up for `node ps`, then once more by the resolver, which caches it.
    expect(inspected).toEqual([
      'node worker1',
      `service ${WEB.ID}`,
      `node ${IDS.worker1}`,
      'node 9zz',
      'node a0b1',
    ]);
  });
});
