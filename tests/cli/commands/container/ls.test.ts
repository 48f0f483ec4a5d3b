import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../src/api/container';
import { DaemonError } from '../../../../src/api/errors';
import type { Filters } from '../../../../src/api/swarm';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { fakeEngine } from '../../../support/fake-engine';

const DIGEST = `sha256:${'1d55'.repeat(16)}`;
const ID = `${'3f2a9c81b7d4'.repeat(5)}abcd`;

/** A task container as a worker's daemon lists it, created two minutes before the clock. */
function taskContainer(parts: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    Id: ID,
    Names: ['/web.1.0qihejybwf1xrrr9skqbm4ccn'],
    Image: `nginx:latest@${DIGEST}`,
    ImageID: DIGEST,
    Command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
    Created: Math.floor((FakeClock.EPOCH_MS - 120_000) / 1000),
    Ports: [{ PrivatePort: 80, Type: 'tcp' }],
    Labels: { 'com.docker.swarm.service.name': 'web' },
    State: 'running',
    Status: 'Up 2 minutes',
    HostConfig: { NetworkMode: 'default' },
    Mounts: [],
    ...parts,
  };
}

describe('docker ps', () => {
  it('prints the default table, with the digest, the ID and the command cut', async () => {
    const engine = fakeEngine({ containerList: () => Promise.resolve([taskContainer()]) });
    const result = await runDocker(['ps'], { engine });
    expect(result).toEqual({
      stdout:
        'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS         PORTS     NAMES\n' +
        '3f2a9c81b7d4   nginx:latest   "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   80/tcp    web.1.0qihejybwf1xrrr9skqbm4ccn\n',
      stderr: '',
      code: 0,
    });
  });

  it('keeps everything with --no-trunc, and asks for stopped ones with -a', async () => {
    const asked: { all: boolean; filters: Filters }[] = [];
    const engine = fakeEngine({
      containerList: (request) => {
        asked.push(request);
        return Promise.resolve([taskContainer()]);
      },
    });
    const result = await runDocker(
      ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Image}} {{.Command}}'],
      { engine },
    );
    expect(result.stdout).toBe(
      `${ID} nginx:latest@${DIGEST} "/docker-entrypoint.sh nginx -g 'daemon off;'"\n`,
    );
    expect(asked).toEqual([{ all: true, filters: {} }]);
  });

  it('prints the IDs with -q, passes the filters, and reads a label', async () => {
    const asked: Filters[] = [];
    const engine = fakeEngine({
      containerList: ({ filters }) => {
        asked.push(filters);
        return Promise.resolve([taskContainer()]);
      },
    });
    expect(
      (await runDocker(['ps', '-q', '-f', 'label=com.docker.swarm.service.name=web'], { engine }))
        .stdout,
    ).toBe('3f2a9c81b7d4\n');
    expect(asked).toEqual([{ label: ['com.docker.swarm.service.name=web'] }]);
    const label = await runDocker(
      ['ps', '--format', '{{.Label "com.docker.swarm.service.name"}}'],
      { engine },
    );
    expect(label.stdout).toBe('web\n');
  });

  it("prints the daemon's refusal of a filter", async () => {
    const engine = fakeEngine({
      containerList: () =>
        Promise.reject(new DaemonError('invalid-argument', "invalid filter 'colour'")),
    });
    expect(await runDocker(['ps', '-f', 'colour=red'], { engine })).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'colour'\n",
      code: 1,
    });
  });
});
