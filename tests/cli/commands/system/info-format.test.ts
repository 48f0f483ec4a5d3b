import { describe, expect, it } from 'vitest';
import type { SwarmInfo } from '../../../../src/api/swarm';
import type { SystemInfo } from '../../../../src/api/system';
import { INACTIVE_SWARM, systemInfo } from '../../../../src/swarm/node/system-info';
import { runDocker } from '../../../support/docker-run';
import {
  FAKE_MACHINE,
  fakeEngine,
  IDS,
  managerSwarmInfo,
  stoppedEngine,
} from '../../../support/fake-engine';

/**
 * `docker info --format`, against docker/cli v27.5.1 cli/command/system/info.go (runInfo,
 * needsServerInfo, formatInfo) and moby v27.5.0 api/types/system.Info as docker/cli vendors it.
 */

const CANNOT_CONNECT =
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

function engineWith(swarm: SwarmInfo) {
  return fakeEngine({ info: () => Promise.resolve(systemInfo(FAKE_MACHINE, swarm)) });
}

async function format(template: string, swarm: SwarmInfo = INACTIVE_SWARM) {
  return runDocker(['info', '--format', template], { engine: engineWith(swarm) });
}

const WORKER: SwarmInfo = {
  NodeID: IDS.worker1,
  NodeAddr: '192.168.0.20',
  LocalNodeState: 'active',
  ControlAvailable: false,
  Error: '',
  RemoteManagers: [{ NodeID: IDS.manager1, Addr: '192.168.0.10:2377' }],
};

/** clientInfo as json.Marshal writes it: clientVersion's omitempty tags drop the API versions. */
const CLIENT_INFO_JSON = {
  Debug: false,
  Platform: { Name: 'Docker Engine - Community (simulated by Swarm Playground)' },
  Version: '27.5.1',
  GitCommit: '9f9e405',
  GoVersion: 'go1.22.11',
  Os: 'linux',
  Arch: 'amd64',
  BuildTime: 'Wed Jan 22 13:41:48 2025',
  Context: 'default',
  Plugins: [
    {
      SchemaVersion: '0.1.0',
      Vendor: 'Docker Inc.',
      Version: 'v0.20.0',
      ShortDescription: 'Docker Buildx',
      Name: 'buildx',
      Path: '/usr/libexec/docker/cli-plugins/docker-buildx',
    },
    {
      SchemaVersion: '0.1.0',
      Vendor: 'Docker Inc.',
      Version: 'v2.32.4',
      ShortDescription: 'Docker Compose',
      Name: 'compose',
      Path: '/usr/libexec/docker/cli-plugins/docker-compose',
    },
  ],
  Warnings: null,
};

/**
 * system.Info re-encoded by the CLI, in Go's field order, written out by hand from the struct:
 * JSON names (CpuCfsPeriod, BridgeNfIp6tables, HttpProxy), omitempty fields absent when empty
 * (SystemStatus, KernelMemory, KernelMemoryTCP, ProductLicense, DefaultAddressPools,
 * Containerd), and fields the daemon did not send at their zero value (BridgeNfIptables).
 */
const SERVER_INFO_JSON = {
  ID: FAKE_MACHINE.engineId,
  Containers: 0,
  ContainersRunning: 0,
  ContainersPaused: 0,
  ContainersStopped: 0,
  Images: 0,
  Driver: 'overlay2',
  DriverStatus: [
    ['Backing Filesystem', 'extfs'],
    ['Supports d_type', 'true'],
    ['Using metacopy', 'false'],
    ['Native Overlay Diff', 'true'],
    ['userxattr', 'false'],
  ],
  Plugins: {
    Volume: ['local'],
    Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
    Authorization: null,
    Log: [
      'awslogs',
      'fluentd',
      'gcplogs',
      'gelf',
      'journald',
      'json-file',
      'local',
      'splunk',
      'syslog',
    ],
  },
  MemoryLimit: true,
  SwapLimit: true,
  CpuCfsPeriod: true,
  CpuCfsQuota: true,
  CPUShares: true,
  CPUSet: true,
  PidsLimit: true,
  IPv4Forwarding: true,
  BridgeNfIptables: false,
  BridgeNfIp6tables: false,
  Debug: false,
  NFd: 27,
  OomKillDisable: false,
  NGoroutines: 44,
  SystemTime: FAKE_MACHINE.systemTime,
  LoggingDriver: 'json-file',
  CgroupDriver: 'systemd',
  CgroupVersion: '2',
  NEventsListener: 0,
  KernelVersion: '6.1.0-30-amd64',
  OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  OSVersion: '12',
  OSType: 'linux',
  Architecture: 'x86_64',
  IndexServerAddress: 'https://index.docker.io/v1/',
  RegistryConfig: {
    AllowNondistributableArtifactsCIDRs: null,
    AllowNondistributableArtifactsHostnames: null,
    InsecureRegistryCIDRs: ['127.0.0.0/8'],
    IndexConfigs: {
      'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true },
    },
    Mirrors: null,
  },
  NCPU: 2,
  MemTotal: 4_113_612_800,
  GenericResources: null,
  DockerRootDir: '/var/lib/docker',
  HttpProxy: '',
  HttpsProxy: '',
  NoProxy: '',
  Name: 'manager1',
  Labels: [],
  ExperimentalBuild: false,
  ServerVersion: '27.5.1',
  Runtimes: {
    'io.containerd.runc.v2': {
      path: 'runc',
      status: { 'org.opencontainers.runtime-spec.features': '{}' },
    },
    runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
  },
  DefaultRuntime: 'runc',
  Swarm: {
    NodeID: '',
    NodeAddr: '',
    LocalNodeState: 'inactive',
    ControlAvailable: false,
    Error: '',
    RemoteManagers: null,
  },
  LiveRestoreEnabled: false,
  Isolation: '',
  InitBinary: 'docker-init',
  ContainerdCommit: { ID: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb', Expected: '' },
  RuncCommit: { ID: 'v1.2.4-0-g6c52b3f', Expected: '' },
  InitCommit: { ID: 'de40ad0', Expected: '' },
  SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
  CDISpecDirs: [],
  Warnings: null,
};

describe('docker info --format, swarm fields', () => {
  it('prints LocalNodeState in each state', async () => {
    expect(await format('{{.Swarm.LocalNodeState}}')).toEqual({
      stdout: 'inactive\n',
      stderr: '',
      code: 0,
    });
    expect((await format('{{.Swarm.LocalNodeState}}', managerSwarmInfo())).stdout).toBe('active\n');
    const locked = { ...INACTIVE_SWARM, LocalNodeState: 'locked' } as const;
    expect((await format('{{.Swarm.LocalNodeState}}', locked)).stdout).toBe('locked\n');
    const pending = { ...WORKER, LocalNodeState: 'pending', RemoteManagers: null } as const;
    expect((await format('{{.Swarm.LocalNodeState}}', pending)).stdout).toBe('pending\n');
  });

  it('prints the node ID, the manager flag and the counts of a manager', async () => {
    const template =
      '{{.Swarm.NodeID}} {{.Swarm.ControlAvailable}} {{.Swarm.Managers}} {{.Swarm.Nodes}}';
    expect(await format(template, managerSwarmInfo())).toEqual({
      stdout: `${IDS.manager1} true 3 5\n`,
      stderr: '',
      code: 0,
    });
  });

  it('prints zero counts and no NodeID where the daemon leaves them out', async () => {
    expect((await format('{{.Swarm.ControlAvailable}} {{.Swarm.Managers}}', WORKER)).stdout).toBe(
      'false 0\n',
    );
    expect((await format('[{{.Swarm.NodeID}}]')).stdout).toBe('[]\n');
  });

  it('prints swarm.Info with fmt: empty strings, nil slices as [] and a nil Cluster', async () => {
    expect((await format('{{.Swarm}}')).stdout).toBe('{  inactive false  [] 0 0 <nil> []}\n');
  });

  it('prints the Go String of durations, versions and times of the cluster', async () => {
    const template =
      '{{with .Swarm.Cluster}}{{.Spec.Dispatcher.HeartbeatPeriod}} {{.Spec.CAConfig.NodeCertExpiry}} ' +
      '{{.Version}} {{.CreatedAt}} {{.Spec.Raft.KeepOldSnapshots}}{{end}}';
    expect((await format(template, managerSwarmInfo())).stdout).toBe(
      '5s 2160h0m0s 10 2026-11-25 08:07:31.059086123 +0000 UTC 0\n',
    );
  });

  it('encodes .Swarm of an inactive node without its omitempty fields', async () => {
    expect((await format('{{json .Swarm}}')).stdout).toBe(
      '{"NodeID":"","NodeAddr":"","LocalNodeState":"inactive","ControlAvailable":false,' +
        '"Error":"","RemoteManagers":null}\n',
    );
  });

  it('encodes .Swarm of a manager with its cluster, durations as nanoseconds', async () => {
    const result = await format('{{json .Swarm}}', managerSwarmInfo());
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '{"NodeID":"4xbxjb0o2z4p8fvl5g0vbnk7x","NodeAddr":"192.168.0.10","LocalNodeState":"active",' +
        '"ControlAvailable":true,"Error":"","RemoteManagers":[' +
        '{"NodeID":"m7cdq0x8w4ykr5s1jz2v9pn3e","Addr":"192.168.0.11:2377"},' +
        '{"NodeID":"4xbxjb0o2z4p8fvl5g0vbnk7x","Addr":"192.168.0.10:2377"},' +
        '{"NodeID":"b9t2kf6h3u0qs8rx1wy5nlc7d","Addr":"192.168.0.12:2377"}],' +
        '"Nodes":5,"Managers":3,"Cluster":{"ID":"rkx3ehb0u4x2pyn1t0oopbzrz","Version":{"Index":10},' +
        '"CreatedAt":"2026-11-25T08:07:31.059086123Z","UpdatedAt":"2026-11-25T08:07:32.5Z",' +
        '"Spec":{"Name":"default","Labels":{},"Orchestration":{"TaskHistoryRetentionLimit":5},' +
        '"Raft":{"SnapshotInterval":10000,"KeepOldSnapshots":0,"LogEntriesForSlowFollowers":500,' +
        '"ElectionTick":10,"HeartbeatTick":1},"Dispatcher":{"HeartbeatPeriod":5000000000},' +
        '"CAConfig":{"NodeCertExpiry":7776000000000000},"TaskDefaults":{},' +
        '"EncryptionConfig":{"AutoLockManagers":false}},' +
        '"TLSInfo":{"TrustRoot":"-----BEGIN CERTIFICATE-----\\nMIIBajCCARCgAwIBAgIUbQ2Fz0bkl3CHHtoY+6zqTq8jEy4wCgYIKoZIzj0EAwIw\\n' +
        'EzERMA8GA1UEAxMIc3dhcm0tY2EwHhcNMjYxMTI1MDgwNzAwWhcNNDYxMTIwMDgw\\n-----END CERTIFICATE-----\\n",' +
        '"CertIssuerSubject":"MBMxETAPBgNVBAMTCHN3YXJtLWNh",' +
        '"CertIssuerPublicKey":"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmFDs3kWSb5U0Wv8v7rmNHGuD1Y3p"},' +
        '"RootRotationInProgress":false,"DefaultAddrPool":["10.0.0.0/8"],"SubnetSize":24,' +
        '"DataPathPort":4789}}\n',
    );
  });
});

describe('docker info --format, other fields', () => {
  it('prints the server version and name, also as docker system info', async () => {
    expect(await format('{{.ServerVersion}}')).toEqual({ stdout: '27.5.1\n', stderr: '', code: 0 });
    const result = await runDocker(['system', 'info', '-f', '{{.Name}} {{.Info.OSType}}']);
    expect(result).toEqual({ stdout: 'manager1 linux\n', stderr: '', code: 0 });
  });

  it('reads fields by their Go names, which differ from some JSON names', async () => {
    expect((await format('{{.CPUCfsPeriod}} {{.HTTPProxy}}|{{.BridgeNfIP6tables}}')).stdout).toBe(
      'true |false\n',
    );
    expect((await format('{{range .Runtimes}}{{.Path}} {{end}}')).stdout).toBe('runc runc \n');
    expect((await format('{{.RegistryConfig.InsecureRegistryCIDRs}}')).stdout).toBe(
      '[127.0.0.0/8]\n',
    );
  });

  it('prints the client context, debug flag and plugins', async () => {
    expect(
      await runDocker(['--context', 'lab', 'info', '--format', '{{.ClientInfo.Context}}']),
    ).toEqual({ stdout: 'lab\n', stderr: '', code: 0 });
    const plugins = '{{.ClientInfo.Debug}}{{range .ClientInfo.Plugins}} {{.Name}}:{{.Err}}{{end}}';
    expect((await runDocker(['-D', 'info', '--format', plugins])).stdout).toBe(
      'true buildx:<nil> compose:<nil>\n',
    );
  });

  it('leaves the API version empty, as newClientVersion(ctx, nil) does', async () => {
    expect((await format('[{{.ClientInfo.APIVersion}}] {{.ClientInfo.Version}}')).stdout).toBe(
      '[] 27.5.1\n',
    );
  });

  it('prints json as system.Info in Go field order, then ClientInfo', async () => {
    const expected = `${JSON.stringify({ ...SERVER_INFO_JSON, ClientInfo: CLIENT_INFO_JSON })}\n`;
    expect(await format('json')).toEqual({ stdout: expected, stderr: '', code: 0 });
    expect((await format('{{json .}}')).stdout).toBe(expected);
  });

  it('encodes the JSON names and drops what system.Info has no field for', async () => {
    const info: SystemInfo & { Extra: string } = { ...systemInfo(FAKE_MACHINE), Extra: 'dropped' };
    const engine = fakeEngine({ info: () => Promise.resolve(info) });
    const result = await runDocker(['info', '--format', '{{json .Info}}'], { engine });
    expect(result.stdout).toBe(`${JSON.stringify(SERVER_INFO_JSON)}\n`);
  });

  it('encodes ClientInfo', async () => {
    expect((await format('{{json .ClientInfo}}')).stdout).toBe(
      `${JSON.stringify(CLIENT_INFO_JSON)}\n`,
    );
  });
});

describe('docker info --format, errors', () => {
  it('exits 64 for a template that does not parse', async () => {
    expect(await format('{{.Nope')).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      code: 64,
    });
  });

  it('names system.dockerInfo for a field that does not exist, after a newline', async () => {
    expect(await format('{{.Nope}}')).toEqual({
      stdout: '\n',
      stderr:
        'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type system.dockerInfo\n',
      code: 1,
    });
  });

  it('keeps the output written before the error', async () => {
    expect(await format('{{.Name}} {{.ClientInfo.Nope}}')).toEqual({
      stdout: 'manager1 \n',
      stderr:
        'template: :1:23: executing "" at <.ClientInfo.Nope>: can\'t evaluate field Nope in type *system.clientInfo\n',
      code: 1,
    });
  });
});

describe('docker info --format, daemon not reachable', () => {
  it('prints the daemon error and runs the template on an empty system.Info (exit 0)', async () => {
    const result = await runDocker(['info', '--format', '{{.Swarm.LocalNodeState}}|{{.NCPU}}'], {
      engine: stoppedEngine(),
    });
    expect(result).toEqual({ stdout: '|0\n', stderr: `${CANNOT_CONNECT}\n`, code: 0 });
  });

  it('puts the error into ServerErrors', async () => {
    const result = await runDocker(['info', '--format', '{{json .ServerErrors}}'], {
      engine: stoppedEngine(),
    });
    expect(result).toEqual({
      stdout: `["${CANNOT_CONNECT}"]\n`,
      stderr: `${CANNOT_CONNECT}\n`,
      code: 0,
    });
  });

  it('encodes the zero system.Info, then ServerErrors and ClientInfo', async () => {
    const result = await runDocker(['info', '--format', 'json'], { engine: stoppedEngine() });
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    const keys = Object.keys(parsed);
    expect(keys.slice(0, 3)).toEqual(['ID', 'Containers', 'ContainersRunning']);
    expect(keys.slice(-4)).toEqual(['CDISpecDirs', 'Warnings', 'ServerErrors', 'ClientInfo']);
    expect(keys).not.toContain('CgroupVersion');
    expect(parsed.RegistryConfig).toBeNull();
    expect(parsed.Swarm).toEqual({
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: '',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    });
    expect(parsed.ContainerdCommit).toEqual({ ID: '', Expected: '' });
    expect(result.stderr).toBe(`${CANNOT_CONNECT}\n`);
    expect(result.code).toBe(0);
  });

  it('prints the daemon error before a template parsing error', async () => {
    const result = await runDocker(['info', '--format', '{{.Nope'], { engine: stoppedEngine() });
    expect(result).toEqual({
      stdout: '',
      stderr: `${CANNOT_CONNECT}\ntemplate parsing error: template: :1: unclosed action\n`,
      code: 64,
    });
  });

  it('does not ask the daemon for a template that reads only ClientInfo', async () => {
    let calls = 0;
    const engine = fakeEngine({
      info: () => {
        calls++;
        return Promise.resolve(systemInfo(FAKE_MACHINE));
      },
    });
    const clientOnly = await runDocker(['info', '--format', '{{.ClientInfo.Context}}'], { engine });
    expect(clientOnly).toEqual({ stdout: 'default\n', stderr: '', code: 0 });
    expect(calls).toBe(0);
    await runDocker(['info', '--format', '{{.ClientInfo.Context}} {{.ID}}'], { engine });
    expect(calls).toBe(1);
    await runDocker(['info', '--format', '{{json .}}'], { engine });
    expect(calls).toBe(2);
  });

  it('prints ClientInfo with no error when the daemon is stopped', async () => {
    const result = await runDocker(['info', '--format', '{{json .ClientInfo}}'], {
      engine: stoppedEngine(),
    });
    expect(result).toEqual({
      stdout: `${JSON.stringify(CLIENT_INFO_JSON)}\n`,
      stderr: '',
      code: 0,
    });
  });
});
