import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../../src/api/engine';
import type { Task } from '../../src/api/task';
import { neverCancelled } from '../../src/lib/cancel';
import { dockerOn, startPlayground, whileAdvancing } from '../support/playground';
import { serviceSpec } from '../support/service-specs';

type Playground = Awaited<ReturnType<typeof startPlayground>>;

/** Calls manager1's Engine API while virtual time passes, as a command typed there would. */
function manager1<T>(playground: Playground, call: (engine: EngineApi) => Promise<T>): Promise<T> {
  return whileAdvancing(playground, call(playground.engine('manager1')));
}

function tasks(playground: Playground, service: string): Promise<readonly Task[]> {
  return manager1(playground, (engine) =>
    engine.taskList({ filters: { service: [service] } }, neverCancelled),
  );
}

/** `slot desired/state`, sorted, as a compact `docker service ps`. */
async function slots(playground: Playground, service: string): Promise<string[]> {
  return (await tasks(playground, service))
    .map(
      (task) => `${String(task.Slot ?? 0)} ${task.DesiredState ?? ''}/${task.Status.State ?? ''}`,
    )
    .sort();
}

describe('a service, from create to rm, through the daemons the page runs', () => {
  it('runs three replicas on three nodes, survives a node going down, scales and goes', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const created = await manager1(playground, (engine) =>
      engine.serviceCreate(
        { spec: serviceSpec('web', { Mode: { Replicated: { Replicas: 3 } } }) },
        neverCancelled,
      ),
    );
    expect(created.ID).toMatch(/^[0-9a-z]{25}$/);
    await playground.advance(6_000);
    expect(await slots(playground, 'web')).toEqual([
      '1 running/running',
      '2 running/running',
      '3 running/running',
    ]);
    const placed = await tasks(playground, 'web');
    expect(new Set(placed.map((task) => task.NodeID)).size).toBe(3);
    // The node that runs slot 1 lists its container as `docker ps` does.
    const nodesNow = await manager1(playground, (engine) =>
      engine.nodeList({ filters: {} }, neverCancelled),
    );
    const slot1 = placed.find((task) => task.Slot === 1);
    const host = nodesNow.find((node) => node.ID === slot1?.NodeID)?.Description.Hostname ?? '';
    const ps = await dockerOn(playground, host, 'ps');
    const [header, row, ...rest] = ps.stdout.split('\n');
    expect(header).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/);
    expect(row).toMatch(
      new RegExp(
        `^[0-9a-f]{12} +nginx:latest +"/docker-entrypoint\\.…" +\\d+ seconds ago +Up \\d+ seconds +80/tcp +web\\.1\\.${slot1?.ID ?? ''}$`,
      ),
    );
    expect(rest).toEqual(['']);
    const [listed] = await manager1(playground, (engine) =>
      engine.serviceList({ filters: {}, status: true }, neverCancelled),
    );
    expect(listed?.ServiceStatus).toEqual({ RunningTasks: 3, DesiredTasks: 3, CompletedTasks: 0 });

    // The machine of one task stops its daemon: the node turns Down after the grace period,
    // and the task is replaced on another node, in its slot.
    const nodes = await manager1(playground, (engine) =>
      engine.nodeList({ filters: {} }, neverCancelled),
    );
    const hostnameOf = (id: string | undefined): string =>
      nodes.find((node) => node.ID === id)?.Description.Hostname ?? '';
    const victim = placed.find((task) => hostnameOf(task.NodeID).startsWith('worker'));
    if (victim === undefined) throw new Error('three replicas on five nodes left no worker one');
    await playground.systemctl(hostnameOf(victim.NodeID), 'stop', [
      'docker.service',
      'docker.socket',
    ]);
    await playground.advance(30_000);
    const after = await tasks(playground, 'web');
    const live = after.filter(
      (task) => task.DesiredState === 'running' && task.Status.State === 'running',
    );
    expect(live).toHaveLength(3);
    expect(live.some((task) => task.NodeID === victim.NodeID)).toBe(false);
    expect(after.find((task) => task.ID === victim.ID)?.DesiredState).toBe('shutdown');

    // Scaled to one: the other slots are set to REMOVE.
    const current = await manager1(playground, (engine) =>
      engine.serviceInspect({ id: 'web', insertDefaults: false }, neverCancelled),
    );
    await manager1(playground, (engine) =>
      engine.serviceUpdate(
        {
          id: 'web',
          version: current.Version.Index,
          spec: { ...current.Spec, Mode: { Replicated: { Replicas: 1 } } },
          rollback: 'none',
        },
        neverCancelled,
      ),
    );
    await playground.advance(5_000);
    const scaled = await tasks(playground, 'web');
    expect(scaled.filter((task) => task.DesiredState === 'running')).toHaveLength(1);

    await manager1(playground, (engine) => engine.serviceRemove({ id: 'web' }, neverCancelled));
    await playground.advance(5_000);
    await expect(tasks(playground, 'web')).rejects.toThrow('service web not found');
  });

  it('rejects the tasks of an image the registry does not have, and keeps trying', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const spec = serviceSpec('nope');
    await manager1(playground, (engine) =>
      engine.serviceCreate(
        {
          spec: {
            ...spec,
            TaskTemplate: { ...spec.TaskTemplate, ContainerSpec: { Image: 'nosuchimage:latest' } },
          },
        },
        neverCancelled,
      ),
    );
    await playground.advance(12_000);
    const rejected = (await tasks(playground, 'nope')).filter(
      (task) => task.Status.State === 'rejected',
    );
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    expect(rejected[0]?.Status.Err).toBe('No such image: nosuchimage:latest');
    // The first task's replacement comes at once, and prepares (and fails) while it waits out
    // the 5 s restart delay; each later one comes only once that delay is over.
    const created = rejected.map((task) => Date.parse(task.CreatedAt)).sort((a, b) => a - b);
    expect(created.length).toBeGreaterThanOrEqual(3);
    for (let i = 2; i < created.length; i++) {
      expect((created[i] ?? 0) - (created[i - 1] ?? 0)).toBeGreaterThanOrEqual(5_000);
    }
    const older = rejected.filter((task) => Date.parse(task.CreatedAt) < (created.at(-1) ?? 0));
    expect(older.every((task) => task.DesiredState === 'shutdown')).toBe(true);
  });

  it('rolls an image update through the slots one at a time, then says it completed', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const spec = serviceSpec('redis', { Mode: { Replicated: { Replicas: 3 } } });
    const template = spec.TaskTemplate;
    const withImage = (image: string) => ({
      ...spec,
      TaskTemplate: { ...template, ContainerSpec: { ...template.ContainerSpec, Image: image } },
      UpdateConfig: {
        Parallelism: 1,
        Delay: 10_000_000_000,
        FailureAction: 'pause' as const,
        MaxFailureRatio: 0,
        Order: 'stop-first' as const,
      },
    });
    await manager1(playground, (engine) =>
      engine.serviceCreate({ spec: withImage('redis:7.4.0') }, neverCancelled),
    );
    await playground.advance(6_000);
    const inspect = () =>
      manager1(playground, (engine) =>
        engine.serviceInspect({ id: 'redis', insertDefaults: false }, neverCancelled),
      );
    const before = await inspect();
    expect(before.UpdateStatus).toBeUndefined();
    await manager1(playground, (engine) =>
      engine.serviceUpdate(
        {
          id: 'redis',
          version: before.Version.Index,
          spec: withImage('redis:7.4.1'),
          rollback: 'none',
        },
        neverCancelled,
      ),
    );
    await playground.advance(5_000);
    const images = async () =>
      (await tasks(playground, 'redis'))
        .filter((task) => task.DesiredState === 'running')
        .map((task) => task.Spec.ContainerSpec?.Image)
        .sort();
    expect((await inspect()).UpdateStatus?.State).toBe('updating');
    // One slot at a time, ten seconds apart.
    expect(await images()).toEqual(['redis:7.4.0', 'redis:7.4.0', 'redis:7.4.1']);
    await playground.advance(12_000);
    expect(await images()).toEqual(['redis:7.4.0', 'redis:7.4.1', 'redis:7.4.1']);
    await playground.advance(30_000);
    expect(await images()).toEqual(['redis:7.4.1', 'redis:7.4.1', 'redis:7.4.1']);
    const done = await inspect();
    expect(done.UpdateStatus?.State).toBe('completed');
    expect(done.UpdateStatus?.Message).toBe('update completed');
    expect(await slots(playground, 'redis')).toEqual([
      '1 running/running',
      '1 shutdown/shutdown',
      '2 running/running',
      '2 shutdown/shutdown',
      '3 running/running',
      '3 shutdown/shutdown',
    ]);
    // The event log tells the one change and the update's course, not each of its writes.
    const told = playground.view.events
      .map((event) => event.text)
      .filter((text) => text.startsWith('service redis'));
    expect(told).toEqual([
      'service redis created with 3 replicas',
      'service redis updated (3 replicas)',
      'service redis: update in progress',
      'service redis: update completed',
    ]);
  });

  it('pauses an update whose new task fails, and leaves the other slots as they were', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const spec = serviceSpec('web', { Mode: { Replicated: { Replicas: 2 } } });
    await manager1(playground, (engine) => engine.serviceCreate({ spec }, neverCancelled));
    await playground.advance(6_000);
    const current = await manager1(playground, (engine) =>
      engine.serviceInspect({ id: 'web', insertDefaults: false }, neverCancelled),
    );
    const broken = {
      ...current.Spec,
      TaskTemplate: { ...current.Spec.TaskTemplate, ContainerSpec: { Image: 'nginx:9.9' } },
    };
    await manager1(playground, (engine) =>
      engine.serviceUpdate(
        { id: 'web', version: current.Version.Index, spec: broken, rollback: 'none' },
        neverCancelled,
      ),
    );
    await playground.advance(15_000);
    const paused = await manager1(playground, (engine) =>
      engine.serviceInspect({ id: 'web', insertDefaults: false }, neverCancelled),
    );
    expect(paused.UpdateStatus?.State).toBe('paused');
    // The first replacement failed; the restart policy keeps replacing it after that.
    const [rejected] = (await tasks(playground, 'web'))
      .filter((task) => task.Status.State === 'rejected')
      .sort((a, b) => (a.CreatedAt < b.CreatedAt ? -1 : 1));
    expect(paused.UpdateStatus?.Message).toBe(
      `update paused due to failure or early termination of task ${rejected?.ID ?? '?'}`,
    );
    // The second slot was never touched: it still runs the old image.
    const old = (await tasks(playground, 'web')).filter(
      (task) =>
        task.Spec.ContainerSpec?.Image === 'nginx:latest' && task.DesiredState === 'running',
    );
    expect(old).toHaveLength(1);
  });

  it('moves the tasks off a drained node at once, and nothing back when it is active again', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    await manager1(playground, (engine) =>
      engine.serviceCreate(
        { spec: serviceSpec('web', { Mode: { Replicated: { Replicas: 5 } } }) },
        neverCancelled,
      ),
    );
    await playground.advance(6_000);
    const node = await manager1(playground, (engine) =>
      engine.nodeInspect({ id: 'worker1' }, neverCancelled),
    );
    const onWorker1 = (list: readonly Task[]) =>
      list.filter((task) => task.NodeID === node.ID && task.DesiredState === 'running');
    expect(onWorker1(await tasks(playground, 'web'))).toHaveLength(1);
    const drain = (availability: 'drain' | 'active') =>
      manager1(playground, async (engine) => {
        const current = await engine.nodeInspect({ id: 'worker1' }, neverCancelled);
        await engine.nodeUpdate(
          {
            id: 'worker1',
            version: current.Version.Index,
            spec: { ...current.Spec, Availability: availability },
          },
          neverCancelled,
        );
      });
    await drain('drain');
    // No restart delay for a drained node: the replacement starts once the old task stopped.
    await playground.advance(3_000);
    const drained = await tasks(playground, 'web');
    expect(onWorker1(drained)).toHaveLength(0);
    expect(
      drained.filter((task) => task.DesiredState === 'running' && task.Status.State === 'running'),
    ).toHaveLength(5);
    await drain('active');
    await playground.advance(10_000);
    expect(onWorker1(await tasks(playground, 'web'))).toHaveLength(0);
  });
});
