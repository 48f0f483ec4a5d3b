import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

const engine = fakeEngine({
  volumeInspect: ({ name }) =>
    name === 'volumes-data'
      ? Promise.resolve({
          CreatedAt: '2026-12-07T17:27:28Z',
          Driver: 'local',
          Labels: { a: 'b' },
          Mountpoint: '/var/lib/docker/volumes/volumes-data/_data',
          Name: 'volumes-data',
          Options: {},
          Scope: 'local',
        })
      : Promise.reject(new DaemonError('not-found', `get ${name}: no such volume`)),
});

describe('docker volume inspect', () => {
  it("prints moby's JSON (oracle engine 20.10.24, the data root aside)", async () => {
    expect(await runDocker(['volume', 'inspect', 'volumes-data'], { engine })).toEqual({
      stdout: `[
    {
        "CreatedAt": "2026-12-07T17:27:28Z",
        "Driver": "local",
        "Labels": {
            "a": "b"
        },
        "Mountpoint": "/var/lib/docker/volumes/volumes-data/_data",
        "Name": "volumes-data",
        "Options": {},
        "Scope": "local"
    }
]
`,
      stderr: '',
      code: 0,
    });
  });

  it('prints [] and the error for a missing one, exit 1 (oracle engine 20.10.24)', async () => {
    expect(await runDocker(['volume', 'inspect', 'nosuch'], { engine })).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: get nosuch: no such volume\n',
      code: 1,
    });
  });

  it('runs a template', async () => {
    const result = await runDocker(['volume', 'inspect', '-f', '{{.Mountpoint}}', 'volumes-data'], {
      engine,
    });
    expect(result.stdout).toBe('/var/lib/docker/volumes/volumes-data/_data\n');
  });
});
