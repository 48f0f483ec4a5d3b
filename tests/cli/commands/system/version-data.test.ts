import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../../../../src/api/errors';
import { fakeEngine } from '../../../support/fake-engine';
import { runDocker } from '../../../support/docker-run';

describe('docker version --format', () => {
  it('prints a field of the server and of the client', async () => {
    expect(await runDocker(['version', '--format', '{{.Server.Version}}'])).toEqual({
      stdout: '27.5.1\n',
      stderr: '',
      code: 0,
    });
    expect(await runDocker(['version', '-f', '{{.Client.APIVersion}} {{.Client.Os}}'])).toEqual({
      stdout: '1.47 linux\n',
      stderr: '',
      code: 0,
    });
  });

  it('prints json with the JSON field names', async () => {
    const result = await runDocker(['version', '--format', 'json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      Client: Record<string, unknown>;
      Server: Record<string, unknown>;
    };
    expect(parsed.Client.ApiVersion).toBe('1.47');
    expect(parsed.Client).not.toHaveProperty('APIVersion');
    expect(Object.keys(parsed.Server).slice(0, 5)).toEqual([
      'Platform',
      'Components',
      'Version',
      'ApiVersion',
      'MinAPIVersion',
    ]);
  });

  it('exits 64 for a template that does not parse', async () => {
    expect(await runDocker(['version', '--format', '{{.Server.Version'])).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: version:1: unclosed action\n',
      code: 64,
    });
  });

  it('names the Go type when a field does not exist', async () => {
    const result = await runDocker(['version', '--format', '{{.Server.Versio}}']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('\n');
    expect(result.stderr).toBe(
      'template: version:1:9: executing "version" at <.Server.Versio>: can\'t evaluate field Versio in type *types.Version\n',
    );
  });

  it('prints the connection error when the daemon is down', async () => {
    const engine = fakeEngine({ version: () => Promise.reject(new ConnectionError()) });
    const result = await runDocker(['version', '--format', '{{.Client.Version}}'], { engine });
    expect(result.stdout).toBe('27.5.1\n');
    expect(result.stderr).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
    expect(result.code).toBe(1);
  });
});
