import { describe, expect, it } from 'vitest';
import { containerLogs } from '../../../../src/swarm/agent/exec/container-logs';
import type { LogHost } from '../../../../src/swarm/agent/exec/container-log';
import { containerOf, progressOf, runningTask } from '../../../support/worker-fixtures';

const TASK = runningTask('task1', [
  'sh',
  '-c',
  'while true; do echo hi; echo err >&2; sleep 1; done',
]);
const CONTAINER = containerOf(TASK, `cd${'2'.repeat(62)}`);
const HOST: LogHost = {
  epochMs: Date.UTC(2026, 10, 25, 9),
  nowMs: 4_500,
  kernel: '6.1.0-30-amd64',
  cpus: 2,
  stopGraceMs: 300,
  node: { hostname: 'worker1', architecture: 'x86_64', os: 'linux' },
};
const QUERY = {
  container: 'web.1.task1',
  since: '',
  until: '',
  timestamps: false,
  details: false,
  tail: 'all',
  after: null,
};

describe('containerLogs', () => {
  it("reads what the task's process wrote up to now, stdout and stderr apart", () => {
    const read = containerLogs([CONTAINER], [progressOf(TASK, CONTAINER.id)], QUERY, HOST);
    expect(read).toEqual({
      ok: true,
      value: {
        frames: [0, 1, 2].flatMap(() => [
          { stream: 'stdout', text: 'hi\n' },
          { stream: 'stderr', text: 'err\n' },
        ]),
        next: 6,
        running: true,
        untilPassed: false,
      },
    });
  });

  it('keeps the last lines with --tail and what follows a cursor', () => {
    const tasks = [progressOf(TASK, CONTAINER.id)];
    const tail = containerLogs([CONTAINER], tasks, { ...QUERY, tail: '1' }, HOST);
    expect(tail.ok && tail.value.frames).toEqual([{ stream: 'stderr', text: 'err\n' }]);
    const later = containerLogs(
      [CONTAINER],
      tasks,
      { ...QUERY, after: 6 },
      { ...HOST, nowMs: 5_500 },
    );
    expect(later.ok && later.value.frames.map((frame) => frame.text)).toEqual(['hi\n', 'err\n']);
  });

  it('tells when the log has gone past --until', () => {
    const tasks = [progressOf(TASK, CONTAINER.id)];
    const until = String(Math.floor((HOST.epochMs + 3_000) / 1000));
    const read = containerLogs([CONTAINER], tasks, { ...QUERY, until }, HOST);
    expect(read.ok && read.value.frames).toHaveLength(2);
    expect(read.ok && read.value.untilPassed).toBe(true);
  });

  it('refuses an unknown container and a since that is no timestamp', () => {
    expect(containerLogs([CONTAINER], [], { ...QUERY, container: 'nope' }, HOST)).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No such container: nope' },
    });
    const bad = containerLogs([CONTAINER], [], { ...QUERY, since: 'x' }, HOST);
    expect(bad.ok).toBe(false);
  });
});
