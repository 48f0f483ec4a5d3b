import { describe, expect, it } from 'vitest';
import { defaultClientOptions, type DockerCli } from '../../../../src/cli/command/cli';
import { loadComposefile } from '../../../../src/cli/commands/stack/loader';
import { neverCancelled } from '../../../../src/lib/cancel';
import { fakeEngine } from '../../../support/fake-engine';
import { FakeClock } from '../../../support/fake-clock';
import { memoryFiles } from '../../../support/shell-harness';

/** A CLI over a machine holding `files`, capturing stderr. */
function cliWith(files: Record<string, string>): { cli: DockerCli; stderr: () => string } {
  const { files: host, tree } = memoryFiles();
  for (const [path, text] of Object.entries(files)) tree.write(path, text, false, 0);
  let stderr = '';
  const engine = fakeEngine();
  const cli: DockerCli = {
    out: { write: () => undefined },
    err: { write: (text) => (stderr += text) },
    in: { isTerminal: false, readAll: () => Promise.resolve('') },
    engine,
    terminal: null,
    cancel: neverCancelled,
    host: {
      hostname: 'manager1',
      engine,
      history: [],
      env: new Map([['HOME', '/root']]),
      clock: new FakeClock(),
      files: host,
      cwd: '/root',
    },
    options: defaultClientOptions('/root'),
  };
  return { cli, stderr: () => stderr };
}

describe('loadComposefile, as docker stack deploy loads its files', () => {
  it('warns on stderr about the unsupported and deprecated keys it ignores', async () => {
    const { cli, stderr } = cliWith({
      '/root/docker-compose.yml': [
        'services:',
        '  web:',
        '    image: nginx',
        '    build: .',
        '    restart: always',
        '    container_name: web',
        '',
      ].join('\n'),
    });
    const config = await loadComposefile(cli, ['docker-compose.yml']);
    expect(config.services.map((service) => service.name)).toEqual(['web']);
    expect(stderr()).toBe(
      [
        'Ignoring unsupported options: build, restart',
        '',
        'Ignoring deprecated options:',
        '',
        'container_name: Setting the container name is not supported.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('lists the forbidden keys with docker’s advice, as its multi-line error', async () => {
    const { cli } = cliWith({
      '/root/docker-compose.yml': 'services:\n  web:\n    image: nginx\n    cpu_shares: 2\n',
    });
    await expect(loadComposefile(cli, ['docker-compose.yml'])).rejects.toThrow(
      'Compose file contains unsupported options:\n\ncpu_shares: Set resource limits using deploy.resources\n',
    );
  });

  it('reads an env_file relative to the compose file’s directory', async () => {
    const { cli } = cliWith({
      '/srv/stack.yml': 'services:\n  web:\n    image: nginx\n    env_file: app.env\n',
      '/srv/app.env': 'A=1\n',
    });
    const config = await loadComposefile(cli, ['/srv/stack.yml']);
    expect(config.services[0]?.environment).toEqual({ A: '1' });
  });
});
