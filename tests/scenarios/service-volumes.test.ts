import { describe, expect, it } from 'vitest';
import { dockerOn as docker, reloadPlayground, startPlayground } from '../support/playground';

/**
 * A service's volume mounts create local volumes on the nodes that run its tasks, as moby does.
 * Outputs compared with the oracle (engine 20.10.24, after `service create --mount
 * type=volume,source=volumes-data,target=/data,volume-label=a=b --mount type=volume,target=/anon`):
 * `docker volume ls` on a node that ran a task lists `local` and the anonymous volume's 64 hex
 * digits and `volumes-data`; a node that ran none lists only the header; `docker volume rm` of a
 * volume a task's container holds says `remove volumes-data: volume is in use - [<container ID>]`.
 */
describe("a service's volume mounts", () => {
  it('create the volumes on the node, per node, and they outlive a daemon restart', async () => {
    const lab = await startPlayground('1m2w');
    await lab.advance(10_000);
    const created = await docker(lab, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--constraint',
      'node.hostname==worker1',
      '--mount',
      'type=volume,source=data,target=/data,volume-label=a=b',
      '--mount',
      'type=volume,target=/anon,readonly',
      'nginx',
    ]);
    expect(created.code).toBe(0);
    await lab.advance(10_000);

    const ls = await docker(lab, 'worker1', 'volume ls');
    const lines = ls.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('DRIVER    VOLUME NAME');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^local {5}[0-9a-f]{64}$/), 'local     data']),
    );
    expect((await docker(lab, 'worker2', 'volume ls')).stdout).toBe('DRIVER    VOLUME NAME\n');

    const inspect = await docker(lab, 'worker1', [
      'volume',
      'inspect',
      '--format',
      '{{.Name}} {{.Labels}} {{.Mountpoint}} {{.Scope}}',
      'data',
    ]);
    expect(inspect.stdout).toBe('data map[a:b] /var/lib/docker/volumes/data/_data local\n');

    const ids = await docker(lab, 'worker1', 'ps -q --no-trunc');
    const id = ids.stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const mounts = await docker(lab, 'worker1', [
      'container',
      'inspect',
      '--format',
      '{{json .Mounts}}',
      id,
    ]);
    const anonymous =
      lines
        .slice(1)
        .find((line) => /[0-9a-f]{64}$/.test(line))
        ?.slice(10) ?? '';
    expect(mounts.stdout).toBe(
      `${JSON.stringify([
        {
          Type: 'volume',
          Name: 'data',
          Source: '/var/lib/docker/volumes/data/_data',
          Destination: '/data',
          Driver: 'local',
          Mode: 'z',
          RW: true,
          Propagation: '',
        },
        {
          Type: 'volume',
          Name: anonymous,
          Source: `/var/lib/docker/volumes/${anonymous}/_data`,
          Destination: '/anon',
          Driver: 'local',
          Mode: 'z',
          RW: false,
          Propagation: '',
        },
      ])}\n`,
    );

    const inUse = await docker(lab, 'worker1', 'volume rm data');
    expect(inUse).toEqual({
      stdout: '',
      stderr: `Error response from daemon: remove data: volume is in use - [${id}]\n`,
      code: 1,
    });

    const exec = await docker(lab, 'worker1', ['exec', id, 'ls', '-d', '/data']);
    expect(exec.stdout).toBe('/data\n');

    // The volumes are the node's, on its disk: a daemon restart keeps them.
    await lab.setDaemon('worker1', 'stopped');
    await lab.setDaemon('worker1', 'running');
    await lab.advance(5_000);
    const after = await docker(lab, 'worker1', 'volume ls -q --filter name=data');
    expect(after.stdout).toBe('data\n');

    // And a save: the reloaded node keeps its volumes, and a standalone create works on another node.
    await lab.advance(70_000);
    const restored = await reloadPlayground(lab.options, await lab.snapshot());
    // The old container's anonymous volume went with it; the replacement task's made a new one.
    const kept = (await docker(restored, 'worker1', 'volume ls -q')).stdout.trimEnd().split('\n');
    expect(kept).toContain('data');
    expect(kept).toHaveLength(2);
    expect(kept).not.toContain(anonymous);
    expect((await docker(restored, 'worker2', 'volume create extra')).stdout).toBe('extra\n');
    expect((await docker(restored, 'worker2', 'volume ls -q')).stdout).toBe('extra\n');

    // Removing the service removes its containers with their anonymous volumes, as the oracle
    // (engine 20.10.24) does; the named one stays.
    await docker(restored, 'manager1', 'service rm web');
    await restored.advance(10_000);
    expect((await docker(restored, 'worker1', 'volume ls -q')).stdout).toBe('data\n');
    expect((await docker(restored, 'worker1', 'volume rm data')).stdout).toBe('data\n');
    restored.dispose();
    lab.dispose();
  });
});
