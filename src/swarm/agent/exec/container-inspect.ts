import type {
  ContainerConfig,
  ContainerInspect,
  ContainerState,
  EndpointSettings,
  NetworkSettings,
} from '../../../api/container';
import type { NetworkAttachment } from '../../../api/task';
import { rfc3339Nano } from '../../../lib/go-time';
import type { ContainerRecord } from '../worker';
import { BRIDGE_GATEWAY, BRIDGE_PREFIX_LENGTH, bridgeMacAddress } from './bridge';
import { pathAndArgs } from './container-config';
import { standInId } from './stand-in-id';

/** Where the lab's daemon keeps its data (`Docker Root Dir`). */
const ROOT = '/var/lib/docker';
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * `GET /containers/{id}/json` of a task's container (moby daemon/inspect.go): the fields a lab
 * reads are the container's own (ID, name, state, config, address); the rest are what moby's
 * swarm executor gives every task container on a Linux node with cgroup v2 (HostConfig), and
 * IDs docker draws once and never shows elsewhere are stand-ins (./stand-in-id.ts).
 */
export function inspectContainer(
  container: ContainerRecord,
  epochMs: number,
  attachments: readonly NetworkAttachment[] = [],
): ContainerInspect {
  const { path, args } = pathAndArgs(container);
  const dir = `${ROOT}/containers/${container.id}`;
  const layer = standInId(container.id, 'layer');
  return {
    Id: container.id,
    Created: rfc3339Nano(epochMs + container.createdAtMs),
    Path: path,
    Args: args,
    State: stateOf(container, epochMs),
    Image: container.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${container.id}-json.log`,
    Name: `/${container.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: TASK_HOST_CONFIG,
    GraphDriver: {
      Data: {
        LowerDir: `${ROOT}/overlay2/${layer}-init/diff:${ROOT}/overlay2/${standInId(container.imageId, 'layer')}/diff`,
        MergedDir: `${ROOT}/overlay2/${layer}/merged`,
        UpperDir: `${ROOT}/overlay2/${layer}/diff`,
        WorkDir: `${ROOT}/overlay2/${layer}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: container.mounts ?? [],
    Config: configOf(container),
    NetworkSettings:
      attachments.length === 0
        ? networkSettings(container)
        : swarmNetworkSettings(container, attachments),
  };
}

function stateOf(container: ContainerRecord, epochMs: number): ContainerState {
  const at = (ms: number | null): string =>
    ms === null ? GO_ZERO_TIME : rfc3339Nano(epochMs + ms);
  return {
    Status: container.running ? 'running' : container.startedAtMs === null ? 'created' : 'exited',
    Running: container.running,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: container.running ? container.pid : 0,
    ExitCode: container.exitCode ?? 0,
    Error: '',
    StartedAt: at(container.startedAtMs),
    FinishedAt: at(container.finishedAtMs),
  };
}

/** Go writes map keys sorted. */
function sorted<V>(entries: readonly (readonly [string, V])[]): Record<string, V> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function configOf(container: ContainerRecord): ContainerConfig {
  const ports = container.exposedPorts.map((port) => [port, {}] as const);
  return {
    Hostname: container.hostname,
    Domainname: '',
    User: container.user,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(ports.length === 0 ? {} : { ExposedPorts: sorted(ports) }),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: container.env,
    Cmd: container.cmd,
    Image: container.image,
    Volumes: null,
    WorkingDir: container.workingDir,
    Entrypoint: container.entrypoint,
    OnBuild: null,
    Labels: sorted(Object.entries(container.labels)),
    ...(container.stopSignal === null ? {} : { StopSignal: container.stopSignal }),
  };
}

/** On the default bridge while it runs; a stopped container keeps no address. */
function networkSettings(container: ContainerRecord): NetworkSettings {
  const address = container.ipAddress;
  const up = address !== '';
  const sandbox = up ? standInId(container.id, 'sandbox') : '';
  const endpoint = up ? standInId(container.id, 'endpoint') : '';
  const mac = up ? bridgeMacAddress(address) : '';
  const gateway = up ? BRIDGE_GATEWAY : '';
  const prefix = up ? BRIDGE_PREFIX_LENGTH : 0;
  const nodeId = container.labels['com.docker.swarm.node.id'] ?? '';
  return {
    Bridge: '',
    SandboxID: sandbox,
    SandboxKey: up ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
    Ports: up ? sorted(container.exposedPorts.map((port) => [port, null] as const)) : {},
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: endpoint,
    Gateway: gateway,
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: address,
    IPPrefixLen: prefix,
    IPv6Gateway: '',
    MacAddress: mac,
    Networks: {
      bridge: {
        IPAMConfig: null,
        Links: null,
        Aliases: null,
        MacAddress: mac,
        DriverOpts: null,
        NetworkID: standInId(nodeId, 'bridge'),
        EndpointID: endpoint,
        Gateway: gateway,
        IPAddress: address,
        IPPrefixLen: prefix,
        IPv6Gateway: '',
        GlobalIPv6Address: '',
        GlobalIPv6PrefixLen: 0,
        DNSNames: null,
      },
    },
  };
}

/**
 * On its swarm networks while it runs (moby's executor attaches the task's container to each
 * of its service's networks and not to the bridge): one endpoint per network, named as the
 * network, with the address the allocator gave the task; no address of its own at the top.
 */
function swarmNetworkSettings(
  container: ContainerRecord,
  attachments: readonly NetworkAttachment[],
): NetworkSettings {
  const base = networkSettings({ ...container, ipAddress: '' });
  const up = container.running;
  const sandbox = up ? standInId(container.id, 'sandbox') : '';
  const networks: Record<string, EndpointSettings> = {};
  for (const attachment of attachments) {
    const cidr = attachment.Addresses?.[0] ?? '';
    const [address = '', prefix = '0'] = cidr.split('/');
    networks[attachment.Network.Spec.Name] = {
      IPAMConfig: { IPv4Address: address },
      Links: null,
      Aliases: [container.id.slice(0, 12)],
      MacAddress: up ? bridgeMacAddress(address) : '',
      DriverOpts: null,
      NetworkID: attachment.Network.ID,
      EndpointID: up ? standInId(`${container.id}/${attachment.Network.ID}`, 'endpoint') : '',
      Gateway: '',
      IPAddress: up ? address : '',
      IPPrefixLen: up ? Number(prefix) : 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: null,
    };
  }
  return {
    ...base,
    SandboxID: sandbox,
    SandboxKey: up ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
    Ports: up ? sorted(container.exposedPorts.map((port) => [port, null] as const)) : {},
    Networks: networks,
  };
}

/** container.HostConfig as moby's executor creates it for a task with no resources or mounts. */
const TASK_HOST_CONFIG: Readonly<Record<string, unknown>> = {
  Binds: null,
  ContainerIDFile: '',
  LogConfig: { Type: 'json-file', Config: {} },
  NetworkMode: 'default',
  PortBindings: {},
  RestartPolicy: { Name: '', MaximumRetryCount: 0 },
  AutoRemove: false,
  VolumeDriver: '',
  VolumesFrom: null,
  ConsoleSize: [0, 0],
  CapAdd: null,
  CapDrop: null,
  CgroupnsMode: 'private',
  Dns: null,
  DnsOptions: null,
  DnsSearch: null,
  ExtraHosts: null,
  GroupAdd: null,
  IpcMode: 'private',
  Cgroup: '',
  Links: null,
  OomScoreAdj: 0,
  PidMode: '',
  Privileged: false,
  PublishAllPorts: false,
  ReadonlyRootfs: false,
  SecurityOpt: null,
  UTSMode: '',
  UsernsMode: '',
  ShmSize: 67108864,
  Runtime: 'runc',
  Isolation: 'default',
  CpuShares: 0,
  Memory: 0,
  NanoCpus: 0,
  CgroupParent: '',
  BlkioWeight: 0,
  BlkioWeightDevice: null,
  BlkioDeviceReadBps: null,
  BlkioDeviceWriteBps: null,
  BlkioDeviceReadIOps: null,
  BlkioDeviceWriteIOps: null,
  CpuPeriod: 0,
  CpuQuota: 0,
  CpuRealtimePeriod: 0,
  CpuRealtimeRuntime: 0,
  CpusetCpus: '',
  CpusetMems: '',
  Devices: null,
  DeviceCgroupRules: null,
  DeviceRequests: null,
  MemoryReservation: 0,
  MemorySwap: 0,
  MemorySwappiness: null,
  OomKillDisable: false,
  PidsLimit: null,
  Ulimits: [],
  CpuCount: 0,
  CpuPercent: 0,
  IOMaximumIOps: 0,
  IOMaximumBandwidth: 0,
  MaskedPaths: [
    '/proc/asound',
    '/proc/acpi',
    '/proc/kcore',
    '/proc/keys',
    '/proc/latency_stats',
    '/proc/timer_list',
    '/proc/timer_stats',
    '/proc/sched_debug',
    '/proc/scsi',
    '/sys/firmware',
    '/sys/devices/virtual/powercap',
  ],
  ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
  Init: false,
};
