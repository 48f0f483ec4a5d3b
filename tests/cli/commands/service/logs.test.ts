import { describe, expect, it } from 'vitest';
import type { OperationFields } from '../../../../src/api/operations';
import type { LogFrame, ServiceLogsResult } from '../../../../src/api/logs';
import type { Service } from '../../../../src/api/service';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { serviceSpec } from '../../../support/service-specs';
import { IDS, SERVICE_IDS, WEB, notFound, service, serviceEngine, task } from './fixtures';

type Request = OperationFields<'serviceLogs'>;

const T1 = task({ id: '0qihejybwf1xrrr9skqbm4ccn', slot: 1, node: IDS.worker1, state: 'running' });
const T10 = task({
  id: 'x1y2z3a4b5c6d7e8f9g0h1i2j',
  slot: 10,
  node: IDS.manager1,
  state: 'running',
});
const TASKS = [T1, T10];

/** A line as the daemon writes it with details: the three swarm keys, then the message. */
function line(taskId: string, nodeId: string, text: string, stamp?: string): LogFrame {
  const details = `com.docker.swarm.node.id=${nodeId},com.docker.swarm.service.id=${SERVICE_IDS.web},com.docker.swarm.task.id=${taskId}`;
  return {
    stream: 'stdout',
    text: `${stamp === undefined ? '' : `${stamp} `}${details} ${text}\n`,
  };
}

const WEB10: Service = { ...WEB, Spec: { ...WEB.Spec, Mode: { Replicated: { Replicas: 10 } } } };

function engine(
  frames: (request: Request) => readonly LogFrame[],
  asked: Request[] = [],
  services: readonly Service[] = [WEB10],
) {
  return serviceEngine(services, TASKS, {
    taskInspect: ({ id }) => {
      const found = TASKS.find((candidate) => candidate.ID === id);
      return found === undefined ? notFound('task', id) : Promise.resolve(found);
    },
    serviceLogs: (request): Promise<ServiceLogsResult> => {
      asked.push(request);
      return Promise.resolve({ frames: frames(request), cursors: {} });
    },
  });
}

describe('docker service logs', () => {
  it("puts each line's task in front, padded to the replica count's digits", async () => {
    const asked: Request[] = [];
    const fake = engine(
      () => [line(T1.ID, IDS.worker1, 'hi'), line(T10.ID, IDS.manager1, 'there')],
      asked,
    );
    const result = await runDocker(['service', 'logs', 'web'], { engine: fake });
    expect(result).toEqual({
      stdout: 'web.1.0qihejybwf1x@worker1     | hi\n' + 'web.10.x1y2z3a4b5c6@manager1    | there\n',
      stderr: '',
      code: 0,
    });
    expect(asked).toEqual([
      {
        target: 'web',
        task: false,
        follow: false,
        since: '',
        timestamps: false,
        details: true,
        tail: 'all',
        cursors: null,
      },
    ]);
  });

  it('drops task IDs, shows them whole, or shows IDs instead of names (engine 20.10.24 forms)', async () => {
    const fake = engine(() => [line(T1.ID, IDS.worker1, 'hi')]);
    const run = async (...flags: string[]): Promise<string> =>
      (await runDocker(['service', 'logs', ...flags, 'web'], { engine: fake })).stdout;
    expect(await run('--no-task-ids')).toBe('web.1@worker1     | hi\n');
    expect(await run('--no-trunc')).toBe('web.1.0qihejybwf1xrrr9skqbm4ccn@worker1     | hi\n');
    expect(await run('--no-resolve', '--no-trunc')).toBe(
      `${SERVICE_IDS.web}.1.0qihejybwf1xrrr9skqbm4ccn@${IDS.worker1}     | hi\n`,
    );
  });

  it('keeps the timestamp in front, and with --details an empty set of extra details', async () => {
    const stamp = '2026-12-07T13:46:47.080396331Z';
    const fake = engine((request) => [
      line(T1.ID, IDS.worker1, 'hi', request.timestamps ? stamp : undefined),
    ]);
    const timed = await runDocker(['service', 'logs', '-t', 'web'], { engine: fake });
    expect(timed.stdout).toBe(`${stamp} web.1.0qihejybwf1x@worker1     | hi\n`);
    const detailed = await runDocker(['service', 'logs', '--details', 'web'], { engine: fake });
    expect(detailed.stdout).toBe('web.1.0qihejybwf1x@worker1     |  hi\n');
  });

  it('prints what the daemon wrote with --raw, asking for details only if told', async () => {
    const asked: Request[] = [];
    const fake = engine(
      (request) => [{ stream: 'stderr', text: request.details ? 'd hi\n' : 'hi\n' }],
      asked,
    );
    const raw = await runDocker(['service', 'logs', '--raw', 'web'], { engine: fake });
    expect(raw).toEqual({ stdout: '', stderr: 'hi\n', code: 0 });
    expect(asked[0]?.details).toBe(false);
  });

  it('reads a task ID as a task, padded to its own slot', async () => {
    const asked: Request[] = [];
    const fake = engine(() => [line(T10.ID, IDS.manager1, 'x')], asked);
    const result = await runDocker(['service', 'logs', T10.ID], { engine: fake });
    expect(result.stdout).toBe('web.10.x1y2z3a4b5c6@manager1    | x\n');
    expect(asked[0]?.task).toBe(true);
  });

  it('says when neither a service nor a task has that name (engine 20.10.24 says the same)', async () => {
    const result = await runDocker(['service', 'logs', 'nosuch'], { engine: engine(() => []) });
    expect(result).toEqual({ stdout: '', stderr: 'no such task or service: nosuch\n', code: 1 });
  });

  it("ends with the broker's warning after the lines it got (engine 20.10.24's text and blank line)", async () => {
    const warning =
      'Error grabbing logs: rpc error: code = Unknown desc = warning: incomplete log stream. some logs could not be retrieved for the following reasons: node l8rxm3ms0jfo7bvlbx1bfq6kd is not available\n';
    const fake = engine(() => [
      line(T10.ID, IDS.manager1, 'x'),
      { stream: 'systemerr', text: warning },
    ]);
    const result = await runDocker(['service', 'logs', 'web'], { engine: fake });
    expect(result).toEqual({
      stdout: 'web.10.x1y2z3a4b5c6@manager1    | x\n',
      stderr: `error from daemon in stream: ${warning}\n`,
      code: 1,
    });
  });

  it('refuses a TTY service unless raw', async () => {
    const tty = service('ttyid000000000000000000000', {
      ...serviceSpec('tty'),
      TaskTemplate: { ContainerSpec: { Image: 'busybox', TTY: true }, ForceUpdate: 0 },
    });
    const fake = engine(() => [], [], [tty]);
    const result = await runDocker(['service', 'logs', 'tty'], { engine: fake });
    expect(result.stderr).toBe('tty service logs only supported with --raw\n');
  });

  it('follows: asks again every half second with the cursors it was given', async () => {
    const asked: Request[] = [];
    const clock = new FakeClock();
    const cancel = { cancelled: false, onCancel: () => () => undefined };
    const fake = serviceEngine([WEB10], TASKS, {
      taskInspect: () => Promise.resolve(T1),
      serviceLogs: (request) => {
        asked.push(request);
        if (asked.length === 3) cancel.cancelled = true;
        return Promise.resolve({
          frames: [line(T1.ID, IDS.worker1, `round ${asked.length}`)],
          cursors: { [T1.ID]: asked.length },
        });
      },
    });
    const result = await runDocker(['service', 'logs', '-f', 'web'], {
      engine: fake,
      clock,
      cancel,
    });
    expect(result.stdout).toBe(
      [1, 2, 3].map((n) => `web.1.0qihejybwf1x@worker1     | round ${n}\n`).join(''),
    );
    expect(asked.map((request) => [request.follow, request.cursors])).toEqual([
      [true, null],
      [true, { [T1.ID]: 1 }],
      [true, { [T1.ID]: 2 }],
    ]);
  });
});
