import { FileSystem } from '../../../src/lib/filesystem';
import { describe, expect, it } from 'vitest';
import type { AssignedDependency, AssignedTask } from '../../../src/machine-api';
import { Prng } from '../../../src/lib/prng';
import { Worker, type WorkerContext } from '../../../src/swarm/agent/worker';
import { volumeTable } from '../../support/worker-fixtures';

const TASK: AssignedTask = {
  serviceName: 'web',
  task: {
    ID: 'vmkps6kd5r2r7l7mh7mh5ymmi',
    Version: { Index: 12 },
    CreatedAt: '2026-12-07T13:00:00Z',
    UpdatedAt: '2026-12-07T13:00:00Z',
    Labels: {},
    Spec: {
      ContainerSpec: { Image: 'nginx:latest', Hostname: 'web-1', Env: ['A=1'] },
      ForceUpdate: 0,
    },
    ServiceID: '5bvenk2enjp4mv8abp5k9yudi',
    Slot: 1,
    NodeID: 'node1',
    Status: {
      Timestamp: '2026-12-07T13:00:00Z',
      State: 'assigned',
      Message: 'assigned',
      PortStatus: {},
    },
    DesiredState: 'running',
    Volumes: null,
  },
};

/** The context a worker on worker1 (node1) steps in at `nowMs`, one PRNG across its calls. */
function contextOnWorker1(): (nowMs: number) => WorkerContext {
  const prng = new Prng(7);
  return (nowMs) => ({
    nowMs,
    epochMs: 0,
    prng,
    nodeId: 'node1',
    node: { hostname: 'worker1', architecture: 'x86_64', os: 'linux' },
    files: FileSystem.standard('worker1', 0),
    volumes: volumeTable(),
  });
}

/** A worker that has taken the task to RUNNING: assigned, pulled, created and started. */
function runningWorker(): { worker: Worker; context: (nowMs: number) => WorkerContext } {
  const context = contextOnWorker1();
  const worker = new Worker();
  worker.assign(context(0), 1, 'digest', [TASK], []);
  for (const at of [2_000, 3_000, 4_000]) worker.advance(context(at));
  return { worker, context };
}

describe("the agent's worker", () => {
  it("creates the task's container with the spec's hostname and merged env", () => {
    const { worker } = runningWorker();
    const [container] = worker.state.containers;
    expect(worker.state.tasks[0]?.state).toBe('running');
    expect(container).toMatchObject({
      running: true,
      hostname: 'web-1',
      ipAddress: '172.17.0.2',
      userland: 'gnu',
      entrypoint: ['/docker-entrypoint.sh'],
    });
    expect(container?.env.slice(0, 2)).toEqual([
      'A=1',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ]);
  });

  it('refuses to remove a running container without force', () => {
    const { worker, context } = runningWorker();
    const id = worker.state.containers[0]?.id ?? '';
    expect(worker.removeContainer(context(5_000), id, false)).toEqual({
      ok: false,
      error: {
        kind: 'failed-precondition',
        message: `cannot remove container "/web.1.${TASK.task.ID}": container is running: stop the container before removing or force remove`,
      },
    });
    expect(worker.state.containers).toHaveLength(1);
  });

  it('kills and removes it with force, and reports the task failed with exit 137', () => {
    const { worker, context } = runningWorker();
    const id = worker.state.containers[0]?.id ?? '';
    worker.acknowledged(worker.reports().length);
    expect(worker.removeContainer(context(5_000), id, true)).toEqual({ ok: true });
    expect(worker.state.containers).toEqual([]);
    expect(worker.state.tasks[0]?.state).toBe('failed');
    // Oracle (engine 20.10.24): service ps shows `task: non-zero exit (137)`.
    expect(worker.reports()).toMatchObject([
      {
        taskId: TASK.task.ID,
        status: {
          State: 'failed',
          Err: 'task: non-zero exit (137)',
          ContainerStatus: { ContainerID: id, ExitCode: 137 },
        },
      },
    ]);
  });

  it('expands the templates with this node, and rejects a task whose templates fail', () => {
    const prng = new Prng(7);
    const context: WorkerContext = {
      nowMs: 0,
      epochMs: 0,
      prng,
      nodeId: 'node1',
      node: { hostname: 'worker1', architecture: 'x86_64', os: 'linux' },
      files: FileSystem.standard('worker1', 0),
      volumes: volumeTable(),
    };
    const spec = (hostname: string): AssignedTask => ({
      ...TASK,
      task: {
        ...TASK.task,
        Spec: { ...TASK.task.Spec, ContainerSpec: { Image: 'nginx', Hostname: hostname } },
      },
    });
    const good = new Worker();
    good.assign(context, 1, 'd', [spec('{{.Node.Hostname}}-{{.Task.Slot}}')], []);
    for (const at of [2_000, 3_000]) good.advance({ ...context, nowMs: at });
    expect(good.state.containers[0]?.hostname).toBe('worker1-1');
    const bad = new Worker();
    bad.assign(context, 1, 'd', [spec('{{foo}}')], []);
    expect(bad.state.tasks[0]?.state).toBe('rejected');
    expect(bad.reports()).toMatchObject([
      {
        status: {
          State: 'rejected',
          Message: 'resolving controller failed',
          Err: 'expanding hostname failed: template: expansion:1: function "foo" not defined',
        },
      },
    ]);
  });
});

describe("the worker's chips", () => {
  it("name the files a task's container holds while it runs, never what they hold", () => {
    const context = contextOnWorker1();
    const secretId = 'r6qv0rj5l6jgmj8xwzb0qq2v4';
    const task: AssignedTask = {
      ...TASK,
      task: {
        ...TASK.task,
        Spec: {
          ...TASK.task.Spec,
          ContainerSpec: {
            Image: 'nginx:latest',
            Secrets: [
              {
                File: { Name: 'db_pass', UID: '0', GID: '0', Mode: 0o444 },
                SecretID: secretId,
                SecretName: 'db_pass_v1',
              },
            ],
          },
        },
      },
    };
    const worker = new Worker();
    // `old-pass`, base64-encoded as the dispatcher sends it.
    const dependency: AssignedDependency = {
      kind: 'secret',
      id: secretId,
      name: 'db_pass_v1',
      data: 'b2xkLXBhc3M=',
    };
    worker.assign(context(0), 1, 'digest', [task], [dependency]);
    const states: string[] = [];
    for (const at of [1_000, 2_000, 3_000, 4_000]) {
      worker.advance(context(at));
      const [chip] = worker.chips('node1');
      states.push(`${chip?.state ?? ''}:${String(chip?.files.length)}`);
    }
    // Nothing is mounted before the container starts.
    expect(states).toEqual(['preparing:0', 'starting:0', 'running:1', 'running:1']);
    const chips = worker.chips('node1');
    expect(chips[0]?.state).toBe('running');
    expect(chips[0]?.files).toEqual([
      { source: 'secret', name: 'db_pass_v1', path: '/run/secrets/db_pass' },
    ]);
    expect(JSON.stringify(chips)).not.toMatch(/old-pass|b2xkLXBhc3M/);
    // The same list while nothing changed; a killed container's files are gone with it.
    expect(worker.chips('node1')).toBe(chips);
    const id = worker.state.containers[0]?.id ?? '';
    worker.removeContainer(context(5_000), id, true);
    expect(worker.chips('node1')[0]?.files).toEqual([]);
  });
});
