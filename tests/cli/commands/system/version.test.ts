import { describe, expect, it } from 'vitest';
import { stoppedEngine } from '../../../support/fake-engine';
import { runDocker } from '../../../support/docker-run';
import { assertGolden } from '../../../support/golden';

const CLIENT = `Client: Docker Engine - Community (simulated by Swarm Playground)
 Version:           27.5.1
 API version:       1.47
 Go version:        go1.22.11
 Git commit:        9f9e405
 Built:             Wed Jan 22 13:41:48 2025
 OS/Arch:           linux/amd64
 Context:           default
`;

describe('docker version', () => {
  it('prints the client and server sections', async () => {
    const result = await runDocker(['version']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    assertGolden(result.stdout, 'tests/cli/testdata/version/running.golden');
  });

  it('prints the client section, then the connection error, when the daemon is stopped', async () => {
    const result = await runDocker(['version'], { engine: stoppedEngine() });
    expect(result).toEqual({
      stdout: CLIENT,
      stderr:
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      code: 1,
    });
  });

  it('names docker/cli types of package system in template errors', async () => {
    // cli/command/system/version.go: the template is named "version", its data system.versionInfo.
    expect(await runDocker(['version', '--format', '{{.Nope}}'])).toEqual({
      stdout: '\n',
      stderr:
        'template: version:1:2: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo\n',
      code: 1,
    });
    expect((await runDocker(['version', '--format', '{{.Client.Nope}}'])).stderr).toBe(
      'template: version:1:9: executing "version" at <.Client.Nope>: can\'t evaluate field Nope in type system.clientVersion\n',
    );
  });

  it('names the context given with --context', async () => {
    const result = await runDocker(['--context', 'lab', 'version'], { engine: stoppedEngine() });
    expect(result.stdout).toContain(' Context:           lab\n');
  });
});

describe('docker info', () => {
  it('prints a node outside a swarm', async () => {
    const result = await runDocker(['info']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n');
    assertGolden(result.stdout, 'tests/cli/testdata/info/inactive.golden');
  });

  it('reports the daemon error after the client section when the daemon is stopped', async () => {
    const result = await runDocker(['system', 'info'], { engine: stoppedEngine() });
    expect(result.stdout).toMatch(/^Client: .*\n[\s\S]*\n\nServer:\n$/);
    expect(result.stderr).toBe(
      'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' +
        'errors pretty printing info\n',
    );
    expect(result.code).toBe(1);
  });
});
