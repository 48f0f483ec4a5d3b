import type { SwarmInfo, SystemInfo, SystemVersion } from '../../api/system';

/**
 * The daemon side of `GET /version` and `GET /info` for a docker-ce 27.5.1 host on Debian 12, as
 * pure functions of the machine. The version strings are those of the 27.5.1 packages
 * (containerd.io 1.7.25, runc 1.2.4, docker-init 0.19.0).
 */

export interface MachineFacts {
  readonly hostname: string;
  /** The engine ID, a UUID since Docker 23. */
  readonly engineId: string;
  readonly cpuCount: number;
  readonly memoryBytes: number;
  /** Debian's kernel ABI number: `6.1.0-<abi>-amd64`. */
  readonly kernelAbi: number;
  /** The daemon's clock as RFC 3339 with nanoseconds, for `SystemTime`. */
  readonly systemTime: string;
  readonly containers?: {
    readonly running: number;
    readonly paused: number;
    readonly stopped: number;
  };
  readonly images?: number;
}

export const ENGINE_VERSION = '27.5.1';
export const API_VERSION = '1.47';
export const MIN_API_VERSION = '1.24';
const GO_VERSION = 'go1.22.11';
const ENGINE_GIT_COMMIT = '4c9b3b0';
const BUILD_TIME = '2025-01-22T13:41:48.000000000+00:00';
const CONTAINERD = { version: '1.7.25', commit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' };
const RUNC = { version: '1.2.4', commit: 'v1.2.4-0-g6c52b3f' };
const DOCKER_INIT = { version: '0.19.0', commit: 'de40ad0' };

/** The kernel ABI of every lab machine (Debian 12's 6.1.0-30 of January 2025). */
export const LAB_KERNEL_ABI = 30;

export function kernelVersion(facts: Pick<MachineFacts, 'kernelAbi'>): string {
  return `6.1.0-${facts.kernelAbi}-amd64`;
}

export function systemVersion(facts: MachineFacts): SystemVersion {
  const kernel = kernelVersion(facts);
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: ENGINE_VERSION,
        Details: {
          ApiVersion: API_VERSION,
          Arch: 'amd64',
          BuildTime: BUILD_TIME,
          Experimental: 'false',
          GitCommit: ENGINE_GIT_COMMIT,
          GoVersion: GO_VERSION,
          KernelVersion: kernel,
          MinAPIVersion: MIN_API_VERSION,
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: CONTAINERD.version,
        Details: { GitCommit: CONTAINERD.commit },
      },
      { Name: 'runc', Version: RUNC.version, Details: { GitCommit: RUNC.commit } },
      {
        Name: 'docker-init',
        Version: DOCKER_INIT.version,
        Details: { GitCommit: DOCKER_INIT.commit },
      },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: ENGINE_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: kernel,
    BuildTime: BUILD_TIME,
  };
}

/** moby's swarm.Info for a node that is in no swarm. */
export const INACTIVE_SWARM: SwarmInfo = {
  NodeID: '',
  NodeAddr: '',
  LocalNodeState: 'inactive',
  ControlAvailable: false,
  Error: '',
  RemoteManagers: null,
};

/** `GET /info` of a daemon that is not in a swarm (the swarm layer supplies `Swarm` later). */
export function systemInfo(facts: MachineFacts, swarm: SwarmInfo = INACTIVE_SWARM): SystemInfo {
  const containers = facts.containers ?? { running: 0, paused: 0, stopped: 0 };
  return {
    ID: facts.engineId,
    Containers: containers.running + containers.paused + containers.stopped,
    ContainersRunning: containers.running,
    ContainersPaused: containers.paused,
    ContainersStopped: containers.stopped,
    Images: facts.images ?? 0,
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
    Debug: false,
    NFd: 27,
    OomKillDisable: false,
    NGoroutines: 44,
    SystemTime: facts.systemTime,
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: kernelVersion(facts),
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
    NCPU: facts.cpuCount,
    MemTotal: facts.memoryBytes,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: facts.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: {
      'io.containerd.runc.v2': {
        path: 'runc',
        status: { 'org.opencontainers.runtime-spec.features': '{}' },
      },
      runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
    },
    DefaultRuntime: 'runc',
    Swarm: swarm,
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: CONTAINERD.commit },
    RuncCommit: { ID: RUNC.commit },
    InitCommit: { ID: DOCKER_INIT.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    // CDI is off by default before Docker 28, so the daemon reports no spec directories.
    CDISpecDirs: [],
    Warnings: null,
  };
}
