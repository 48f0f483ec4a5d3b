import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

/**
 * What a lab does with the container a swarm task runs, typed on the node that runs it: find it
 * with `docker ps`, look inside with `docker exec`, read it with `docker inspect`, kill it with
 * `docker rm -f` and watch the orchestrator replace the task. The texts were compared with a
 * real swarm (engine 20.10.24, busybox stand-in images) and moby 27.5.1's sources.
 */
describe('the containers of tasks', () => {
  it('lists, execs into, inspects and force-removes a task container', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);

    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--env',
      'GREETING=hello',
      '--constraint',
      'node.hostname==worker1',
      'nginx',
    ]);
    expect(created.code).toBe(0);
    await playground.advance(8_000);

    const ps = await docker(playground, 'worker1', 'ps');
    expect(ps.stdout).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES\n/);
    const row =
      /^([0-9a-f]{12}) +nginx:latest +"\/docker-entrypoint\.…" .* (web\.1\.[0-9a-z]{25})$/m.exec(
        ps.stdout,
      );
    expect(row).not.toBeNull();
    const id = row?.[1] ?? '';
    const name = row?.[2] ?? '';
    // Only the node that runs the task has its container.
    expect((await docker(playground, 'manager1', 'ps -q')).stdout).toBe('');

    // Docker's default hostname is the container ID's first 12 digits.
    const hostname = await docker(playground, 'worker1', ['exec', name, 'hostname']);
    expect(hostname).toMatchObject({ code: 0, stdout: `${id}\n` });
    expect((await docker(playground, 'worker1', ['exec', id, 'cat', '/etc/hostname'])).stdout).toBe(
      `${id}\n`,
    );
    // The daemon's PATH and HOSTNAME, the container's Env (the service's first), runc's HOME.
    const env = await docker(playground, 'worker1', ['exec', id, 'env']);
    expect(env.stdout).toBe(
      [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        `HOSTNAME=${id}`,
        'GREETING=hello',
        'NGINX_VERSION=1.27.3',
        'NJS_VERSION=0.8.8',
        'NJS_RELEASE=1~bookworm',
        'PKG_RELEASE=1~bookworm',
        'DYNPKG_RELEASE=1~bookworm',
        'HOME=/root',
        '',
      ].join('\n'),
    );
    const hosts = await docker(playground, 'worker1', ['exec', id, 'cat', '/etc/hosts']);
    expect(hosts.stdout).toMatch(new RegExp(`\\n172\\.17\\.0\\.2\\t${id}\\n$`));
    const shell = await docker(playground, 'worker1', [
      'exec',
      id,
      'sh',
      '-c',
      'echo "$GREETING from $HOSTNAME"; nosuch || echo status $?',
    ]);
    expect(shell).toMatchObject({
      code: 0,
      stdout: `hello from ${id}\nstatus 127\n`,
      stderr: 'sh: 1: nosuch: not found\n',
    });
    // Oracle: exit 126 and the OCI runtime's text on stdout.
    const missing = await docker(playground, 'worker1', ['exec', id, 'nosuchcmd']);
    expect(missing.code).toBe(126);
    expect(missing.stdout).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\r\n',
    );

    const inspect = await docker(playground, 'worker1', [
      'inspect',
      '--format',
      '{{.Name}} {{.State.Status}} {{.Config.Hostname}} {{.Path}} {{json .Args}}',
      id,
    ]);
    expect(inspect.stdout).toBe(
      `/${name} running ${id} /docker-entrypoint.sh ["nginx","-g","daemon off;"]\n`,
    );
    const unknown = await docker(playground, 'worker1', 'inspect nosuch');
    expect(unknown).toMatchObject({
      code: 1,
      stdout: '[]\n',
      stderr: 'Error: No such object: nosuch\n',
    });

    const refused = await docker(playground, 'worker1', ['rm', id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `Error response from daemon: cannot remove container "/${name}": container is running: stop the container before removing or force remove\n`,
    );
    const removed = await docker(playground, 'worker1', ['rm', '-f', id]);
    expect(removed).toMatchObject({ code: 0, stdout: `${id}\n` });
    await playground.advance(10_000);

    // Oracle: the old task Failed with `task: non-zero exit (137)`, a new one in its slot.
    const tasks = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.Name}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}',
      'web',
    ]);
    const lines = tasks.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^web\.1\|Running\|Running .*\|$/);
    expect(lines[1]).toMatch(/^web\.1\|Shutdown\|Failed .*\|"task: non-zero exit \(137\)"$/);
    const after = await docker(playground, 'worker1', 'ps -q');
    expect(after.stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(after.stdout).not.toBe(`${id}\n`);
  });

  it("expands a service's templates per task, on the node that runs it", async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'tpl',
      '--hostname',
      '{{.Service.Name}}-{{.Task.Slot}}-{{.Node.Hostname}}',
      '--env',
      'WHERE={{.Node.Hostname}}',
      '--constraint',
      'node.hostname==worker2',
      'nginx',
    ]);
    expect(created.code).toBe(0);
    await playground.advance(8_000);
    const name = (
      await docker(playground, 'worker2', ['ps', '--format', '{{.Names}}'])
    ).stdout.trim();
    // Oracle (engine 20.10.24): the same templates gave `ct-env-1-manager1` and WHERE=manager1.
    const inside = await docker(playground, 'worker2', [
      'exec',
      name,
      'sh',
      '-c',
      'hostname; cat /etc/hostname; echo $WHERE',
    ]);
    expect(inside.stdout).toBe('tpl-1-worker2\ntpl-1-worker2\nworker2\n');
    const config = await docker(playground, 'worker2', [
      'inspect',
      '--format',
      '{{.Config.Hostname}} {{index .Config.Env 0}}',
      name,
    ]);
    expect(config.stdout).toBe('tpl-1-worker2 WHERE=worker2\n');

    // Oracle (engine 20.10.24): refused at create, over swarmkit's stand-in task.
    const refused = await docker(playground, 'manager1', [
      'service',
      'create',
      '--name',
      'bad',
      '--hostname',
      '{{.Node.Nope}}',
      'nginx',
    ]);
    expect(refused).toMatchObject({
      code: 1,
      stderr:
        'Error response from daemon: rpc error: code = InvalidArgument desc = expanding hostname failed: template: expansion:1:7: executing "expansion" at <.Node.Nope>: can\'t evaluate field Nope in type struct { ID string; Hostname string; Platform template.Platform }\n',
    });
  });
});
