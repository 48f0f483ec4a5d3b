import { describe, expect, it } from 'vitest';
import { runDocker } from '../../../support/docker-run';
import { memoryFiles } from '../../../support/shell-harness';

const COMPOSE = [
  'version: "3.8"',
  'services:',
  '  web:',
  '    image: nginx:${TAG:-latest}',
  '    build: .',
  '    ports:',
  '      - "8080:80"',
  '    deploy:',
  '      replicas: 2',
  '',
].join('\n');

function machine(files: Record<string, string>) {
  const { files: host, tree } = memoryFiles();
  for (const [path, text] of Object.entries(files)) tree.write(path, text, false, 0);
  return host;
}

describe('docker stack config', () => {
  it('prints the merged, interpolated config as yaml.v2 writes it, with no daemon', async () => {
    const files = machine({ '/root/docker-compose.yml': COMPOSE });
    const result = await runDocker(['stack', 'config', '-c', 'docker-compose.yml'], {
      files,
      env: new Map([['TAG', '1.27']]),
    });
    expect(result).toEqual({
      stdout: [
        'version: "3.8"',
        'services:',
        '  web:',
        '    build:',
        '      context: .',
        '    deploy:',
        '      replicas: 2',
        '    image: nginx:1.27',
        '    ports:',
        '    - mode: ingress',
        '      target: 80',
        '      published: 8080',
        '      protocol: tcp',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('leaves the variables with --skip-interpolation, and reads stdin for -', async () => {
    const result = await runDocker(['stack', 'config', '--skip-interpolation', '-c', '-'], {
      stdin: 'services:\n  web:\n    image: nginx:${TAG:-latest}\n',
    });
    expect(result.stdout).toBe(
      'version: "3.13"\nservices:\n  web:\n    image: nginx:${TAG:-latest}\n',
    );
  });

  it('merges several -c files, the later over the earlier', async () => {
    const files = machine({
      '/root/a.yml': 'services:\n  web:\n    image: nginx\n    environment: [A=1]\n',
      '/root/b.yml': 'services:\n  web:\n    image: nginx:2\n    environment: {B: "2"}\n',
    });
    const result = await runDocker(['stack', 'config', '-c', 'a.yml', '-c', 'b.yml'], { files });
    expect(result.stdout).toBe(
      'version: "3.13"\nservices:\n  web:\n    environment:\n      A: "1"\n      B: "2"\n    image: nginx:2\n',
    );
  });

  it.each([
    [[], {}, 'Specify a Compose file (with --compose-file)\n'],
    [['-c', 'nosuch.yml'], {}, 'open nosuch.yml: no such file or directory\n'],
    [
      ['-c', 'bad.yml'],
      { '/root/bad.yml': 'services:\n\tweb:\n' },
      'yaml: line 2: found character that cannot start any token\n',
    ],
    [
      ['-c', 'bad.yml'],
      { '/root/bad.yml': 'services:\n  web:\n    image: nginx\n    foo: 1\n' },
      'services.web Additional property foo is not allowed\n',
    ],
    [
      ['-c', 'bad.yml'],
      { '/root/bad.yml': 'services:\n  web:\n    image: nginx\n    extends: base\n' },
      // stack config reports the loader's own error; stack deploy lists the keys.
      'Configuration contains forbidden properties\n',
    ],
    [
      ['-c', 'bad.yml'],
      { '/root/bad.yml': 'services:\n  web:\n    image: ${IMAGE:?set IMAGE}\n' },
      'invalid interpolation format for services.web.image: "required variable IMAGE is missing a value: set IMAGE"; you may need to escape any $ with another $\n',
    ],
  ])('docker stack config %j fails as docker does', async (args, tree, stderr) => {
    const result = await runDocker(['stack', 'config', ...args], { files: machine(tree) });
    expect(result).toEqual({ stdout: '', stderr, code: 1 });
  });
});
