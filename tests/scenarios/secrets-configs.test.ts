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
});
