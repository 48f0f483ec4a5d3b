import { describe, expect, it } from 'vitest';
import { publishLogs } from '../../../../src/swarm/agent/exec/task-logs';
import { EMPTY_WORKER } from '../../../../src/swarm/agent';
import type { LogHost } from '../../../../src/swarm/agent/exec/container-log';
import { containerOf, progressOf, runningTask } from '../../../support/worker-fixtures';

const ONE = runningTask('task1', ['sh', '-c', 'while true; do echo one; sleep 1; done']);
const TWO = { ...runningTask('task2', ['echo', 'two'], 2), ServiceID: 'svc2' };
const C1 = containerOf(ONE, `e1${'3'.repeat(62)}`);
const C2 = containerOf(TWO, `e2${'4'.repeat(62)}`);
const WORKER = {
  ...EMPTY_WORKER,
  tasks: [progressOf(ONE, C1.id), progressOf(TWO, C2.id)],
  containers: [C1, C2],
};
const HOST: LogHost = {
  epochMs: Date.UTC(2026, 10, 25, 9),
  nowMs: 3_500,
  kernel: '6.1.0-30-amd64',
  cpus: 2,
  stopGraceMs: 300,
  node: { hostname: 'worker1', architecture: 'x86_64', os: 'linux' },
};
const MESSAGE = { serviceIds: ['svc1'], taskIds: [], since: '', tail: 'all', cursors: null };

describe('publishLogs', () => {
  it("publishes the selected service's lines with their swarm context, and a cursor per task", () => {
    const published = publishLogs(WORKER, 'node1', MESSAGE, HOST);
    expect(published.messages.map((m) => [m.nodeId, m.serviceId, m.taskId, m.text])).toEqual([
      ['node1', 'svc1', 'task1', 'one'],
      ['node1', 'svc1', 'task1', 'one'],
    ]);
    expect(published.cursors).toEqual({ task1: 2 });
  });

  it('selects by task too, tails each container, and starts after a cursor', () => {
    const byTask = publishLogs(
      WORKER,
      'node1',
      { ...MESSAGE, serviceIds: [], taskIds: ['task2'] },
      HOST,
    );
    expect(byTask.messages.map((m) => m.text)).toEqual(['two']);
    const tailed = publishLogs(WORKER, 'node1', { ...MESSAGE, tail: '1' }, HOST);
    expect(tailed.messages).toHaveLength(1);
    const after = publishLogs(
      WORKER,
      'node1',
      { ...MESSAGE, cursors: { task1: 2 } },
      {
        ...HOST,
        nowMs: 4_500,
      },
    );
    expect(after.messages.map((m) => m.text)).toEqual(['one']);
    expect(after.cursors).toEqual({ task1: 3 });
  });
});
