import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

/**
 * `docker secret` and `docker config` typed on a manager of a simulated swarm. The texts were
 * compared with a real swarm (engine 20.10.24, client 28.2.2) and with docker/cli 27.5.1 and
 * swarmkit's sources where the 28 client differs (the file-reading errors).
 */
describe('secrets and configs', () => {
  it('creates, lists, inspects and removes a secret without ever showing its data', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);

    const created = await docker(playground, 'manager1', 'secret create db_pass -', {
      stdin: 's3cr3t',
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[0-9a-z]{25}\n$/);
    const id = created.stdout.trim();

    const again = await docker(playground, 'manager1', 'secret create db_pass -', {
      stdin: 'other',
    });
    expect(again).toMatchObject({
      code: 1,
      stderr:
        'Error response from daemon: rpc error: code = AlreadyExists desc = secret db_pass already exists\n',
    });

    await docker(playground, 'manager1', 'secret create -l env=prod -l team api.key -', {
      stdin: 'k',
    });
    const ls = await docker(playground, 'manager1', 'secret ls');
    expect(ls.stdout.replace(/^[0-9a-z]{25}(?= +api)/m, '<id>')).toBe(
      [
        'ID                          NAME      DRIVER    CREATED                  UPDATED',
        '<id>   api.key             Less than a second ago   Less than a second ago',
        `${id}   db_pass             Less than a second ago   Less than a second ago`,
        '',
      ].join('\n'),
    );
    const labels = await docker(playground, 'manager1', [
      'secret',
      'ls',
      '--filter',
      'label=env',
      '--format',
      '{{.Name}} {{.Labels}} [{{.Label "env"}}]',
    ]);
    expect(labels.stdout).toBe('api.key env=prod,team= [prod]\n');
    expect((await docker(playground, 'manager1', 'secret ls -q --filter name=db')).stdout).toBe(
      `${id}\n`,
    );

    const inspect = await docker(playground, 'manager1', 'secret inspect db_pass');
    expect(inspect.code).toBe(0);
    const [secret] = JSON.parse(inspect.stdout) as [Record<string, unknown>];
    expect(Object.keys(secret)).toEqual(['ID', 'Version', 'CreatedAt', 'UpdatedAt', 'Spec']);
    expect(secret.Spec).toEqual({ Name: 'db_pass', Labels: {} });
    expect(inspect.stdout).not.toContain('czNjcjN0');

    // docker inspect tries each type in docker's order; a secret is the last one it tries.
    const anyType = await docker(playground, 'manager1', 'inspect --format {{.Spec.Name}} db_pass');
    expect(anyType).toMatchObject({ code: 0, stdout: 'db_pass\n' });

    const pretty = await docker(playground, 'manager1', 'secret inspect --pretty api.key');
    expect(pretty.stdout).toMatch(
      new RegExp(
        [
          '^ID: {14}[0-9a-z]{25}\n',
          'Name: {14}api\\.key\n',
          'Labels:\n - env=prod\n - team\n',
          'Driver: {12}\n',
          'Created at: {8}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\+0000 utc\n',
          'Updated at: {8}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\+0000 utc\n$',
        ].join(''),
      ),
    );

    const missing = await docker(playground, 'manager1', 'secret inspect nope db_pass');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('"Name": "db_pass"');
    expect(missing.stderr).toBe(
      'Status: Error response from daemon: secret nope not found, Code: 1\n',
    );

    const removed = await docker(playground, 'manager1', 'secret rm nope db_pass');
    expect(removed).toMatchObject({
      code: 1,
      stdout: 'db_pass\n',
      stderr: 'Error response from daemon: secret nope not found\n',
    });
    expect((await docker(playground, 'manager1', 'secret ls -q')).stdout).not.toContain(id);

    // The event log tells each step by name, never the content.
    const texts = playground.view.events.map((event) => event.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'secret db_pass created',
        'secret api.key created',
        'secret db_pass removed',
      ]),
    );
    expect(texts.join('\n')).not.toMatch(/s3cr3t|czNjcjN0/);
  });

  it('refuses what swarmkit refuses, with its texts', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    const create = (args: string, stdin: string) =>
      docker(playground, 'manager1', `secret create ${args}`, { stdin });

    expect((await create('.bad -', 'x')).stderr).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]\n',
    );
    const sizeError =
      'Error response from daemon: rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 512000 bytes\n';
    expect((await create('big -', 'x'.repeat(512_000))).stderr).toBe(sizeError);
    expect((await create('empty -', '')).stderr).toBe(sizeError);
    // 27.5.1 sends a secret without a file argument, and the daemon refuses it as empty.
    expect((await create('nofile', '')).stderr).toBe(sizeError);
    expect((await create('--driver foo withdriver', '')).stderr).toBe(
      'Error response from daemon: rpc error: code = Unknown desc = plugin "foo" not found\n',
    );
    expect((await create('--driver foo withdriver file', '')).stderr).toBe(
      'When using secret driver secret data must be empty\n',
    );
    expect((await create('fromfile ./nosuch', '')).stderr).toBe(
      'Error reading content from "./nosuch": open ./nosuch: no such file or directory\n',
    );
    expect((await create('-l =x lab -', 'x')).stderr).toMatch(
      /^invalid argument "=x" for "-l, --label" flag: invalid label '=x': empty name\n/,
    );
    expect((await create('ok -', 'x'.repeat(511_999))).code).toBe(0);

    // Not on a worker: the manager-only error, as for every swarm write.
    const onWorker = await docker(playground, 'worker1', 'secret ls');
    expect(onWorker.code).toBe(1);
    expect(onWorker.stderr).toContain('This node is not a swarm manager.');
  });

  it('keeps a config readable, as JSON base64 and as pretty text', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);

    const created = await docker(playground, 'manager1', 'config create app.conf -', {
      stdin: 'a=1',
    });
    expect(created.code).toBe(0);
    const id = created.stdout.trim();

    const inspect = await docker(playground, 'manager1', 'config inspect app.conf');
    const [config] = JSON.parse(inspect.stdout) as [{ Spec: unknown }];
    expect(config.Spec).toEqual({ Name: 'app.conf', Labels: {}, Data: 'YT0x' });

    const pretty = await docker(playground, 'manager1', 'config inspect --pretty app.conf');
    expect(pretty.stdout).toMatch(
      new RegExp(
        [
          `^ID:\t\t\t${id}\n`,
          'Name:\t\t\tapp\\.conf\n',
          'Created at: {12}\t.* utc\n',
          'Updated at: {12}\t.* utc\n',
          'Data:\na=1\n$',
        ].join(''),
      ),
    );
    const ls = await docker(playground, 'manager1', 'config ls');
    expect(ls.stdout).toBe(
      [
        'ID                          NAME       CREATED                  UPDATED',
        `${id}   app.conf   Less than a second ago   Less than a second ago`,
        '',
      ].join('\n'),
    );
    const driver = await docker(playground, 'manager1', [
      'config',
      'ls',
      '--format',
      '{{.Driver}}',
    ]);
    expect(driver.code).toBe(1);
    expect(driver.stderr).toContain("can't evaluate field Driver in type *config.configContext");
    expect((await docker(playground, 'manager1', 'config ls --filter names=x')).stderr).toBe(
      "Error response from daemon: invalid filter 'names'\n",
    );
    // Config create requires its file argument (ExactArgs(2)); 27.5.1 returns Open's error bare.
    expect((await docker(playground, 'manager1', 'config create c ./nosuch')).stderr).toBe(
      'open ./nosuch: no such file or directory\n',
    );
    expect((await docker(playground, 'manager1', 'config rm app.conf')).stdout).toBe('app.conf\n');
  });

  it('grants secrets and configs to a service, refuses their removal, and rotates them', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', 'secret create db_pass -', { stdin: 'one' });
    await docker(playground, 'manager1', 'secret create db_pass_v2 -', { stdin: 'two' });
    await docker(playground, 'manager1', 'config create site.conf -', { stdin: 'a=1' });

    const missing = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--secret',
      'nosuch',
      'busybox',
      'sleep',
      '1d',
    ]);
    expect(missing).toMatchObject({ code: 1, stderr: 'secret not found: nosuch\n' });
    const twice = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--secret',
      'db_pass',
      '--secret',
      'source=db_pass_v2,target=db_pass',
      'busybox',
      'sleep',
      '1d',
    ]);
    expect(twice.stderr).toBe('duplicate secret target for db_pass_v2 not allowed\n');
    const badMode = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--secret',
      'source=db_pass,mode=9z',
      'busybox',
    ]);
    expect(badMode.stderr).toMatch(
      /^invalid argument "source=db_pass,mode=9z" for "--secret" flag: invalid mode specified: strconv.ParseUint: parsing "9z": invalid syntax\n/,
    );

    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--secret',
      'db_pass',
      '--secret',
      'source=db_pass_v2,target=api,uid=33,mode=0400',
      '--config',
      'src=site.conf,target=/etc/site.conf',
      'busybox',
      'sleep',
      '1d',
    ]);
    expect(created.code).toBe(0);
    const refs = await docker(playground, 'manager1', [
      'service',
      'inspect',
      '--format',
      '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}} {{json .Spec.TaskTemplate.ContainerSpec.Configs}}',
      'web',
    ]);
    const [secrets, configs] = refs.stdout
      .trim()
      .split(' ')
      .map((part) => JSON.parse(part) as unknown);
    expect(secrets).toEqual([
      {
        File: { Name: 'db_pass', UID: '0', GID: '0', Mode: 292 },
        SecretID: expect.stringMatching(/^[0-9a-z]{25}$/) as unknown,
        SecretName: 'db_pass',
      },
      {
        File: { Name: 'api', UID: '33', GID: '0', Mode: 256 },
        SecretID: expect.stringMatching(/^[0-9a-z]{25}$/) as unknown,
        SecretName: 'db_pass_v2',
      },
    ]);
    expect(configs).toEqual([
      {
        File: { Name: '/etc/site.conf', UID: '0', GID: '0', Mode: 292 },
        ConfigID: expect.stringMatching(/^[0-9a-z]{25}$/) as unknown,
        ConfigName: 'site.conf',
      },
    ]);

    // Oracle: the in-use error names the service.
    expect((await docker(playground, 'manager1', 'secret rm db_pass')).stderr).toBe(
      "Error response from daemon: rpc error: code = InvalidArgument desc = secret 'db_pass' is in use by the following service: web\n",
    );
    expect((await docker(playground, 'manager1', 'config rm site.conf')).stderr).toBe(
      "Error response from daemon: rpc error: code = InvalidArgument desc = config 'site.conf' is in use by the following service: web\n",
    );

    // Adding a second reference to one target is the daemon's conflict.
    const conflict = await docker(playground, 'manager1', [
      'service',
      'update',
      '-d',
      '--secret-add',
      'source=db_pass_v2,target=db_pass',
      'web',
    ]);
    expect(conflict.stderr).toBe(
      "Error response from daemon: rpc error: code = InvalidArgument desc = secret references 'db_pass' and 'db_pass_v2' have a conflicting target: 'db_pass'\n",
    );
    // The docs' rotation: remove the old one and add the new one under the old target.
    const rotated = await docker(playground, 'manager1', [
      'service',
      'update',
      '-d',
      '--secret-rm',
      'db_pass',
      '--secret-add',
      'source=db_pass_v2,target=db_pass',
      '--secret-rm',
      'db_pass_v2',
      'web',
    ]);
    expect(rotated).toMatchObject({ code: 0, stdout: 'web\n' });
    const after = await docker(playground, 'manager1', [
      'service',
      'inspect',
      '--format',
      '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}}>{{.File.Name}} {{end}}',
      'web',
    ]);
    expect(after.stdout).toBe('db_pass_v2>db_pass \n');
    expect((await docker(playground, 'manager1', 'secret rm db_pass')).stdout).toBe('db_pass\n');
  });

  it('mounts a secret only in the containers of the tasks granted it, on their nodes', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', 'secret create db_pass -', { stdin: 's3cr3t' });
    await docker(playground, 'manager1', 'config create site.conf -', { stdin: 'port=80\n' });
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'db',
      '--constraint',
      'node.hostname==worker1',
      '--secret',
      'db_pass',
      '--secret',
      'source=db_pass,target=/etc/db.pass,mode=0400',
      '--config',
      'src=site.conf,target=/etc/site.conf',
      'busybox',
      'sleep',
      '1d',
    ]);
    expect(created.code).toBe(0);
    await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'other',
      '--constraint',
      'node.hostname==worker2',
      'busybox',
      'sleep',
      '1d',
    ]);
    await playground.advance(8_000);

    const name = (
      await docker(playground, 'worker1', ['ps', '--format', '{{.Names}}'])
    ).stdout.trim();
    expect(name).toMatch(/^db\.1\./);
    const exec = (host: string, container: string, ...command: string[]) =>
      docker(playground, host, ['exec', container, ...command]);
    expect((await exec('worker1', name, 'cat', '/run/secrets/db_pass')).stdout).toBe('s3cr3t');
    expect((await exec('worker1', name, 'ls', '/run/secrets')).stdout).toBe('db_pass\n');
    expect((await exec('worker1', name, 'cat', '/etc/db.pass')).stdout).toBe('s3cr3t');
    expect((await exec('worker1', name, 'cat', '/etc/site.conf')).stdout).toBe('port=80\n');
    const listing = await exec('worker1', name, 'ls', '-l', '/run/secrets/db_pass', '/etc/db.pass');
    expect(listing.stdout).toMatch(
      // Oracle (busybox): operands sorted, and the secret's file root-owned, 0444 by default.
      /^-r-------- +1 root +root +6 .* \/etc\/db\.pass\n-r--r--r-- +1 root +root +6 .* \/run\/secrets\/db_pass\n$/,
    );

    // worker2 runs no task granted the secret: its container has no /run/secrets.
    const other = (
      await docker(playground, 'worker2', ['ps', '--format', '{{.Names}}'])
    ).stdout.trim();
    expect(other).toMatch(/^other\.1\./);
    const none = await exec('worker2', other, 'ls', '/run/secrets');
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('ls: /run/secrets: No such file or directory\n');

    // The rotation recipe: the replacement container reads the new secret at the old path.
    await docker(playground, 'manager1', 'secret create db_pass_v2 -', { stdin: 'n3w' });
    const rotated = await docker(playground, 'manager1', [
      'service',
      'update',
      '-d',
      '--secret-rm',
      'db_pass',
      '--secret-add',
      'source=db_pass_v2,target=db_pass',
      'db',
    ]);
    expect(rotated.code).toBe(0);
    await playground.advance(15_000);
    const next = (
      await docker(playground, 'worker1', ['ps', '--format', '{{.Names}}'])
    ).stdout.trim();
    expect(next).toMatch(/^db\.1\./);
    expect(next).not.toBe(name);
    expect((await exec('worker1', next, 'cat', '/run/secrets/db_pass')).stdout).toBe('n3w');
    expect((await exec('worker1', next, 'ls', '/etc/db.pass')).code).toBe(1);
    expect((await docker(playground, 'manager1', 'secret rm db_pass')).stdout).toBe('db_pass\n');

    // The event log follows the files, by name, and never says what they hold.
    const texts = playground.view.events.map((event) => event.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'secret db_pass mounted in db.1 on worker1 at /run/secrets/db_pass',
        'secret db_pass mounted in db.1 on worker1 at /etc/db.pass',
        'config site.conf mounted in db.1 on worker1 at /etc/site.conf',
        'secret db_pass unmounted from db.1 on worker1 at /run/secrets/db_pass',
        'secret db_pass unmounted from db.1 on worker1 at /etc/db.pass',
        'secret db_pass_v2 mounted in db.1 on worker1 at /run/secrets/db_pass',
      ]),
    );
    expect(texts.filter((text) => text.includes('worker2') && text.includes('mounted'))).toEqual(
      [],
    );
    expect(texts.join('\n')).not.toMatch(/s3cr3t|n3w/);
  });

  it('expands a templated secret and config for each task, and fails a start whose template cannot run', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', 'secret create db_pass -', { stdin: 's3cr3t' });
    const templated = await docker(
      playground,
      'manager1',
      'secret create --template-driver golang dsn -',
      { stdin: 'postgres://{{env "DB_USER"}}:{{secret "db_pass"}}@db/{{.Service.Name}}' },
    );
    expect(templated.code).toBe(0);
    await docker(playground, 'manager1', 'config create --template-driver golang motd -', {
      stdin: 'task {{.Task.Name}} slot {{.Task.Slot}}\n',
    });
    // Docker shows the driver in the spec, and the config's template as it was written.
    const inspect = await docker(playground, 'manager1', [
      'config',
      'inspect',
      '--format',
      '{{json .Spec.Templating}}',
      'motd',
    ]);
    expect(inspect.stdout).toBe('{"Name":"golang"}\n');
    await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'app',
      '--replicas',
      '2',
      '--env',
      'DB_USER=app',
      '--secret',
      'db_pass',
      '--secret',
      'dsn',
      '--config',
      'source=motd,target=/etc/motd',
      'busybox',
      'sleep',
      '1d',
    ]);
    await playground.advance(8_000);
    const containers = [];
    for (const host of ['manager1', 'worker1', 'worker2']) {
      const names = (await docker(playground, host, ['ps', '--format', '{{.Names}} {{.ID}}']))
        .stdout;
      for (const line of names.split('\n').filter((row) => row.startsWith('app.'))) {
        const [name = '', id = ''] = line.split(' ');
        containers.push({ host, name, id });
      }
    }
    expect(containers).toHaveLength(2);
    for (const { host, name, id } of containers) {
      const cat = (path: string) => docker(playground, host, ['exec', id, 'cat', path]);
      expect((await cat('/run/secrets/dsn')).stdout).toBe('postgres://app:s3cr3t@db/app');
      // The task's name is the container's: `app.<slot>.<task ID>`.
      const slot = name.split('.')[1];
      expect((await cat('/etc/motd')).stdout).toBe(
        `task ${name.split('.').slice(0, 3).join('.')} slot ${slot}\n`,
      );
    }

    // A template that reads a secret the task does not mount fails each start, as moby's does.
    await docker(playground, 'manager1', 'secret create --template-driver golang broken -', {
      stdin: '{{secret "nope"}}',
    });
    await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'bad',
      '--secret',
      'broken',
      'busybox',
      'sleep',
      '1d',
    ]);
    await playground.advance(8_000);
    const ps = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--no-trunc',
      '--format',
      '{{.CurrentState}}|{{.Error}}',
      'bad',
    ]);
    // Newest first: the restarted task, then the one that failed (docker quotes a full error).
    const failed = ps.stdout.split('\n').find((row) => row.startsWith('Failed ')) ?? '';
    expect(failed.split('|')[1]).toMatch(
      /^"starting container failed: unable to get secret from secret store: failed to expand templated secret [0-9a-z]{25}: template: expansion:1:2: executing "expansion" at <secret "nope">: error calling secret: secret target nope not found"$/,
    );
    expect(playground.view.events.map((event) => event.text).join('\n')).not.toContain('s3cr3t');
  });

  it("keeps a cut-off node's mounted secret, and rotates it there only once the node is back", async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', 'secret create db_pass -', { stdin: 'old' });
    await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'db',
      '--constraint',
      'node.hostname==worker1',
      '--secret',
      'db_pass',
      'busybox',
      'sleep',
      '1d',
    ]);
    await playground.advance(8_000);
    const running = async () =>
      (await docker(playground, 'worker1', ['ps', '--format', '{{.Names}}'])).stdout.trim();
    const cat = async (container: string) =>
      (await docker(playground, 'worker1', ['exec', container, 'cat', '/run/secrets/db_pass']))
        .stdout;
    const first = await running();
    expect(await cat(first)).toBe('old');

    await playground.partition([['manager1', 'worker2'], ['worker1']]);
    await docker(playground, 'manager1', 'secret create db_pass_v2 -', { stdin: 'new' });
    const rotated = await docker(playground, 'manager1', [
      'service',
      'update',
      '-d',
      '--secret-rm',
      'db_pass',
      '--secret-add',
      'source=db_pass_v2,target=db_pass',
      'db',
    ]);
    expect(rotated.code).toBe(0);
    await playground.advance(30_000);
    // Cut off, worker1 hears of neither the update nor the new secret: its container runs on
    // with the file it mounted.
    expect(await running()).toBe(first);
    expect(await cat(first)).toBe('old');

    await playground.heal();
    await playground.advance(30_000);
    const next = await running();
    expect(next).toMatch(/^db\.1\./);
    expect(next).not.toBe(first);
    expect(await cat(next)).toBe('new');
  });
});
