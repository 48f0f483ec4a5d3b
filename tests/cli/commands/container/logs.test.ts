import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import type { OperationFields } from '../../../../src/api/operations';
import type { ContainerLogsResult } from '../../../../src/api/logs';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { fakeEngine } from '../../../support/fake-engine';

type Request = OperationFields<'containerLogs'>;

function answer(result: Partial<ContainerLogsResult>): Promise<ContainerLogsResult> {
  return Promise.resolve({ frames: [], next: 0, running: false, untilPassed: false, ...result });
}

describe('docker logs', () => {
  it("copies stdout's lines to stdout and stderr's to stderr, asking with the flags given", async () => {
    const asked: Request[] = [];
    const engine = fakeEngine({
      containerLogs: (request) => {
        asked.push(request);
        return answer({
          frames: [
            { stream: 'stdout', text: 'hi\n' },
            { stream: 'stderr', text: 'err\n' },
          ],
          next: 2,
        });
      },
    });
    const result = await runDocker(['logs', '-t', '--details', '--tail', '2', 'web.1'], {
      engine,
    });
    expect(result).toEqual({ stdout: 'hi\n', stderr: 'err\n', code: 0 });
    expect(asked).toEqual([
      {
        container: 'web.1',
        since: '',
        until: '',
        timestamps: true,
        details: true,
        tail: '2',
        after: null,
      },
    ]);
  });

  it('prints the daemon\'s "No such container" (engine 20.10.24 prints the same)', async () => {
    const result = await runDocker(['logs', 'nosuch'], { engine: fakeEngine() });
    expect(result).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      code: 1,
    });
  });

  it('turns --since and --until into timestamps first, and refuses what is neither', async () => {
    const asked: Request[] = [];
    const engine = fakeEngine({
      containerLogs: (request) => {
        asked.push(request);
        return answer({});
      },
    });
    await runDocker(['logs', '--since', '10s', '--until', '2026-11-25T08:11:00Z', 'c'], {
      engine,
    });
    expect(asked[0]?.since).toBe(String(Math.floor((FakeClock.EPOCH_MS - 10_000) / 1000)));
    expect(asked[0]?.until).toBe(`${Date.UTC(2026, 10, 25, 8, 11) / 1000}.000000000`);
    const bad = await runDocker(['logs', '--since', 'xyz', 'c'], { engine });
    expect(bad).toEqual({
      stdout: '',
      stderr: 'invalid value for "since": failed to parse value as time or duration: "xyz"\n',
      code: 1,
    });
  });

  it('follows: asks again for what came after, until the container stopped', async () => {
    const asked: Request[] = [];
    const clock = new FakeClock();
    const engine = fakeEngine({
      containerLogs: (request) => {
        asked.push(request);
        const round = asked.length;
        return answer({
          frames: [{ stream: 'stdout', text: `line ${round}\n` }],
          next: round,
          running: round < 3,
        });
      },
    });
    const result = await runDocker(['logs', '-f', '-n', '1', 'c'], { engine, clock });
    expect(result.stdout).toBe('line 1\nline 2\nline 3\n');
    expect(asked.map((request) => [request.tail, request.after])).toEqual([
      ['1', null],
      ['1', 1],
      ['1', 2],
    ]);
    expect(clock.sleeps).toEqual([500, 500]);
  });

  it('ends a follow once the log has a line after --until', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const engine = fakeEngine({
      containerLogs: () => {
        calls++;
        return answer({ running: true, untilPassed: calls === 2 });
      },
    });
    const result = await runDocker(['logs', '-f', '--until', '2s', 'c'], { engine, clock });
    expect(result.code).toBe(0);
    expect(calls).toBe(2);
  });

  it('ends on an error the daemon wrote into the stream', async () => {
    const engine = fakeEngine({
      containerLogs: () =>
        answer({
          frames: [
            { stream: 'stdout', text: 'a\n' },
            { stream: 'systemerr', text: 'Error grabbing logs: broken\n' },
            { stream: 'stdout', text: 'b\n' },
          ],
        }),
    });
    const result = await runDocker(['logs', 'c'], { engine });
    expect(result).toEqual({
      stdout: 'a\n',
      stderr: 'error from daemon in stream: Error grabbing logs: broken\n\n',
      code: 1,
    });
  });

  it('passes on an ambiguous prefix as the daemon says it', async () => {
    const engine = fakeEngine({
      containerLogs: () =>
        Promise.reject(
          new DaemonError('invalid-argument', 'multiple IDs found with provided prefix: c'),
        ),
    });
    const result = await runDocker(['container', 'logs', 'c'], { engine });
    expect(result.stderr).toBe(
      'Error response from daemon: multiple IDs found with provided prefix: c\n',
    );
  });
});
