/**
 * moby types.Container (Engine API 1.47, `GET /containers/json`): a container as `docker ps`
 * lists it, keys in struct order. `Status` is the daemon's own text (`Up 2 minutes`,
 * `Exited (0) 5 seconds ago`); `Created` is Unix seconds.
 */
export interface ContainerPort {
  readonly IP?: string;
  readonly PrivatePort: number;
  readonly PublicPort?: number;
  readonly Type: string;
}

/**
 * moby types.MountPoint: a mount as `docker inspect` and `docker ps` show it; a bind has no
 * `Name` or `Driver` (omitempty).
 */
export interface MountPoint {
  readonly Type: string;
  readonly Name?: string;
  readonly Source: string;
  readonly Destination: string;
  readonly Driver?: string;
  readonly Mode: string;
  readonly RW: boolean;
  readonly Propagation: string;
}

export interface ContainerSummary {
  readonly Id: string;
  /** Each with its leading slash: `/web.1.0qihejybwf1xrrr9skqbm4ccn`. */
  readonly Names: readonly string[];
  readonly Image: string;
  readonly ImageID: string;
  readonly Command: string;
  readonly Created: number;
  readonly Ports: readonly ContainerPort[];
  readonly Labels: Readonly<Record<string, string>>;
  readonly State: 'created' | 'running' | 'exited';
  readonly Status: string;
  readonly HostConfig: { readonly NetworkMode?: string };
  readonly Mounts: readonly MountPoint[];
}

/**
 * moby types.ContainerJSON (Engine API 1.47, `GET /containers/{id}/json`): keys in struct
 * order, as Go marshals them. Times are RFC 3339 with nanoseconds; `FinishedAt` of a container
 * that never stopped is Go's zero time.
 */
export interface ContainerState {
  readonly Status: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  readonly Running: boolean;
  readonly Paused: boolean;
  readonly Restarting: boolean;
  readonly OOMKilled: boolean;
  readonly Dead: boolean;
  readonly Pid: number;
  readonly ExitCode: number;
  readonly Error: string;
  readonly StartedAt: string;
  readonly FinishedAt: string;
}

/** container.Config: what the container was created with, the image's config merged in. */
export interface ContainerConfig {
  readonly Hostname: string;
  readonly Domainname: string;
  readonly User: string;
  readonly AttachStdin: boolean;
  readonly AttachStdout: boolean;
  readonly AttachStderr: boolean;
  /** Omitted when empty; each port maps to `{}`. */
  readonly ExposedPorts?: Readonly<Record<string, Readonly<Record<string, never>>>>;
  readonly Tty: boolean;
  readonly OpenStdin: boolean;
  readonly StdinOnce: boolean;
  readonly Env: readonly string[];
  readonly Cmd: readonly string[] | null;
  readonly Image: string;
  readonly Volumes: Readonly<Record<string, Readonly<Record<string, never>>>> | null;
  readonly WorkingDir: string;
  readonly Entrypoint: readonly string[] | null;
  readonly OnBuild: null;
  readonly Labels: Readonly<Record<string, string>>;
  readonly StopSignal?: string;
}

/** network.EndpointSettings: the container's endpoint on one network. */
/** moby network.EndpointSettings; a swarm network's endpoint has its address in IPAMConfig. */
export interface EndpointSettings {
  readonly IPAMConfig: { readonly IPv4Address: string } | null;
  readonly Links: null;
  readonly Aliases: readonly string[] | null;
  readonly MacAddress: string;
  readonly DriverOpts: null;
  readonly NetworkID: string;
  readonly EndpointID: string;
  readonly Gateway: string;
  readonly IPAddress: string;
  readonly IPPrefixLen: number;
  readonly IPv6Gateway: string;
  readonly GlobalIPv6Address: string;
  readonly GlobalIPv6PrefixLen: number;
  readonly DNSNames: null;
}

export interface NetworkSettings {
  readonly Bridge: string;
  readonly SandboxID: string;
  readonly SandboxKey: string;
  readonly Ports: Readonly<Record<string, null>>;
  readonly HairpinMode: boolean;
  readonly LinkLocalIPv6Address: string;
  readonly LinkLocalIPv6PrefixLen: number;
  readonly SecondaryIPAddresses: null;
  readonly SecondaryIPv6Addresses: null;
  readonly EndpointID: string;
  readonly Gateway: string;
  readonly GlobalIPv6Address: string;
  readonly GlobalIPv6PrefixLen: number;
  readonly IPAddress: string;
  readonly IPPrefixLen: number;
  readonly IPv6Gateway: string;
  readonly MacAddress: string;
  readonly Networks: Readonly<Record<string, EndpointSettings>>;
}

export interface ContainerInspect {
  readonly Id: string;
  readonly Created: string;
  readonly Path: string;
  readonly Args: readonly string[];
  readonly State: ContainerState;
  readonly Image: string;
  readonly ResolvConfPath: string;
  readonly HostnamePath: string;
  readonly HostsPath: string;
  readonly LogPath: string;
  /** With a leading slash: `/web.1.0qihejybwf1xrrr9skqbm4ccn`. */
  readonly Name: string;
  readonly RestartCount: number;
  readonly Driver: string;
  readonly Platform: string;
  readonly MountLabel: string;
  readonly ProcessLabel: string;
  readonly AppArmorProfile: string;
  readonly ExecIDs: readonly string[] | null;
  /** container.HostConfig as Go marshals it; the fields a swarm task's container has. */
  readonly HostConfig: Readonly<Record<string, unknown>>;
  readonly GraphDriver: {
    readonly Data: Readonly<Record<string, string>>;
    readonly Name: string;
  };
  /** Only with `size=true`. */
  readonly SizeRw?: number;
  readonly SizeRootFs?: number;
  readonly Mounts: readonly MountPoint[];
  readonly Config: ContainerConfig;
  readonly NetworkSettings: NetworkSettings;
}

/** A command run in a container (`docker exec`), as its attached streams and exit code show it. */
export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}
