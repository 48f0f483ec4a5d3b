import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { systemInfo } from '../../../../src/swarm/node';
import { inspectContainer } from '../../../../src/swarm/agent/exec/container-inspect';
import { runDocker } from '../../../support/docker-run';
import {
  FAKE_MACHINE,
  fakeEngine,
  fakeManagerEngine,
  findNode,
  NODES,
} from '../../../support/fake-engine';
import { containerRecord, RECORD_NAME } from '../../../support/container-record';

const CONTAINER = inspectContainer(containerRecord(), 0);

const containerInspect = ({ id }: { id: string }) =>
  id === RECORD_NAME
    ? Promise.resolve(CONTAINER)
    : Promise.reject(new DaemonError('not-found', `No such container: ${id}`));

describe('docker inspect', () => {
  it('tries a container first, then the swarm objects on a manager', async () => {
    const engine = fakeManagerEngine({
      containerInspect,
      serviceInspect: ({ id }) =>
        Promise.reject(new DaemonError('not-found', `service ${id} not found`)),
      taskInspect: ({ id }) => Promise.reject(new DaemonError('not-found', `task ${id} not found`)),
      nodeInspect: ({ id }) => findNode(NODES, id),
    });
    const container = await runDocker(['inspect', '-f', '{{.Name}}', RECORD_NAME], { engine });
    expect(container).toEqual({ stdout: `/${RECORD_NAME}\n`, stderr: '', code: 0 });
    const node = await runDocker(['inspect', '-f', '{{.Description.Hostname}}', 'worker1'], {
      engine,
    });
    expect(node).toEqual({ stdout: 'worker1\n', stderr: '', code: 0 });
    // A field the object lacks fails as docker's raw fallback does.
    const mixed = await runDocker(['inspect', '-f', '{{.Name}}', 'worker1'], { engine });
    expect(mixed.stderr).toBe(
      'template parsing error: template: :1:2: executing "" at <.Name>: map has no entry for key "Name"\n',
    );
  });

  it('answers `No such object` when nothing has the name, and skips swarm objects elsewhere', async () => {
    // Oracle (engine 20.10.24): `[]`, then `Error: No such object: nosuch`, exit 1.
    const asked: string[] = [];
    const engine = fakeEngine({
      info: () => Promise.resolve(systemInfo(FAKE_MACHINE)),
      containerInspect,
      serviceInspect: () => {
        asked.push('service');
        return Promise.reject(new DaemonError('not-found', 'x'));
      },
    });
    const result = await runDocker(['inspect', 'nosuch'], { engine });
    expect(result).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nosuch\n', code: 1 });
    expect(asked).toEqual([]);
  });

  it('with --type asks that type alone and prints its error as it is', async () => {
    // Oracle (engine 20.10.24): `--type container nosuch` prints the daemon's error.
    const result = await runDocker(['inspect', '--type', 'container', 'nosuch'], {
      engine: fakeManagerEngine({ containerInspect }),
    });
    expect(result).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      code: 1,
    });
    const bad = await runDocker(['inspect', '--type', 'box', 'x']);
    expect(bad).toEqual({ stdout: '', stderr: '"box" is not a valid value for --type\n', code: 1 });
    const image = await runDocker(['inspect', '--type', 'image', 'nginx']);
    expect(image.stderr).toContain('not simulated in this playground yet');
  });

  it('finds a volume after the container and before the swarm objects', async () => {
    const asked: string[] = [];
    const engine = fakeManagerEngine({
      containerInspect,
      volumeInspect: ({ name }) => {
        asked.push('volume');
        return name === 'data'
          ? Promise.resolve({
              CreatedAt: '2026-12-07T17:27:28Z',
              Driver: 'local',
              Labels: {},
              Mountpoint: '/var/lib/docker/volumes/data/_data',
              Name: 'data',
              Options: {},
              Scope: 'local',
            })
          : Promise.reject(new DaemonError('not-found', `get ${name}: no such volume`));
      },
      serviceInspect: () => {
        asked.push('service');
        return Promise.reject(new DaemonError('not-found', 'x'));
      },
    });
    const result = await runDocker(['inspect', '-f', '{{.Mountpoint}}', 'data'], { engine });
    expect(result).toEqual({ stdout: '/var/lib/docker/volumes/data/_data\n', stderr: '', code: 0 });
    expect(asked).toEqual(['volume']);
  });
});
