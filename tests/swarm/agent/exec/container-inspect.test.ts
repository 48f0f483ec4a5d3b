import { describe, expect, it } from 'vitest';
import { inspectContainer } from '../../../../src/swarm/agent/exec/container-inspect';
import { containerRecord, RECORD_ID, RECORD_NAME } from '../../../support/container-record';

const EPOCH = Date.UTC(2026, 11, 7, 13, 0, 0);

describe('docker inspect of a task container', () => {
  it("has moby's keys in order, and the container's own values", () => {
    const json = inspectContainer(containerRecord(), EPOCH);
    expect(Object.keys(json)).toEqual([
      'Id',
      'Created',
      'Path',
      'Args',
      'State',
      'Image',
      'ResolvConfPath',
      'HostnamePath',
      'HostsPath',
      'LogPath',
      'Name',
      'RestartCount',
      'Driver',
      'Platform',
      'MountLabel',
      'ProcessLabel',
      'AppArmorProfile',
      'ExecIDs',
      'HostConfig',
      'GraphDriver',
      'Mounts',
      'Config',
      'NetworkSettings',
    ]);
    expect(json).toMatchObject({
      Id: RECORD_ID,
      Created: '2026-12-07T13:01:00Z',
      Path: '/docker-entrypoint.sh',
      Args: ['nginx', '-g', 'daemon off;'],
      Name: `/${RECORD_NAME}`,
      HostsPath: `/var/lib/docker/containers/${RECORD_ID}/hosts`,
      State: {
        Status: 'running',
        Running: true,
        Pid: 10283,
        StartedAt: '2026-12-07T13:01:01Z',
        FinishedAt: '0001-01-01T00:00:00Z',
      },
      Config: {
        Hostname: RECORD_ID.slice(0, 12),
        ExposedPorts: { '80/tcp': {} },
        Cmd: ['nginx', '-g', 'daemon off;'],
        Entrypoint: ['/docker-entrypoint.sh'],
        StopSignal: 'SIGQUIT',
      },
      NetworkSettings: {
        Gateway: '172.17.0.1',
        IPAddress: '172.17.0.2',
        IPPrefixLen: 16,
        MacAddress: '02:42:ac:11:00:02',
        Ports: { '80/tcp': null },
      },
    });
    // Go writes a map's keys sorted.
    expect(Object.keys(json.Config.Labels)).toEqual([
      'com.docker.swarm.node.id',
      'com.docker.swarm.task.name',
      'maintainer',
    ]);
  });

  it('shows a stopped container with its exit code and no address', () => {
    const json = inspectContainer(
      containerRecord({ running: false, exitCode: 137, finishedAtMs: 90_000, ipAddress: '' }),
      EPOCH,
    );
    expect(json.State).toMatchObject({
      Status: 'exited',
      Running: false,
      Pid: 0,
      ExitCode: 137,
      FinishedAt: '2026-12-07T13:01:30Z',
    });
    expect(json.NetworkSettings).toMatchObject({ IPAddress: '', Gateway: '', SandboxID: '' });
  });
});
