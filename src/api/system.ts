/**
 * `GET /version` and `GET /info` as the Engine API 1.47 returns them (Docker 27.5.1).
 * Field names and order follow moby's `api/types` (Version, ComponentVersion) and
 * `api/types/system` (Info) structs, so `--format '{{json .}}'` prints the same keys.
 */

import type { SwarmInfo } from './swarm';

export interface ComponentVersion {
  readonly Name: string;
  readonly Version: string;
  readonly Details?: Readonly<Record<string, string>>;
}

export interface SystemVersion {
  readonly Platform: { readonly Name: string };
  readonly Components: readonly ComponentVersion[];
  readonly Version: string;
  readonly ApiVersion: string;
  readonly MinAPIVersion: string;
  readonly GitCommit: string;
  readonly GoVersion: string;
  readonly Os: string;
  readonly Arch: string;
  readonly KernelVersion: string;
  readonly Experimental?: boolean;
  /** RFC 3339 with nanoseconds; the CLI reformats it as Go's ANSIC. */
  readonly BuildTime: string;
}

export interface PluginsInfo {
  readonly Volume: readonly string[];
  readonly Network: readonly string[];
  readonly Authorization: readonly string[] | null;
  readonly Log: readonly string[];
}

export interface CommitInfo {
  readonly ID: string;
}

export interface IndexInfo {
  readonly Name: string;
  readonly Mirrors: readonly string[];
  readonly Secure: boolean;
  readonly Official: boolean;
}

export interface RegistryServiceConfig {
  readonly AllowNondistributableArtifactsCIDRs: readonly string[] | null;
  readonly AllowNondistributableArtifactsHostnames: readonly string[] | null;
  readonly InsecureRegistryCIDRs: readonly string[];
  readonly IndexConfigs: Readonly<Record<string, IndexInfo>>;
  readonly Mirrors: readonly string[] | null;
}

export interface RuntimeInfo {
  readonly path: string;
  readonly status?: Readonly<Record<string, string>>;
}

// The swarm part of /info lives with the other swarm types; re-exported for existing importers.
export type { ClusterInfo, LocalNodeState, PeerInfo, SwarmInfo } from './swarm';

export interface SystemInfo {
  readonly ID: string;
  readonly Containers: number;
  readonly ContainersRunning: number;
  readonly ContainersPaused: number;
  readonly ContainersStopped: number;
  readonly Images: number;
  readonly Driver: string;
  readonly DriverStatus: readonly (readonly [string, string])[];
  readonly Plugins: PluginsInfo;
  readonly MemoryLimit: boolean;
  readonly SwapLimit: boolean;
  readonly CpuCfsPeriod: boolean;
  readonly CpuCfsQuota: boolean;
  readonly CPUShares: boolean;
  readonly CPUSet: boolean;
  readonly PidsLimit: boolean;
  readonly IPv4Forwarding: boolean;
  readonly Debug: boolean;
  readonly NFd: number;
  readonly OomKillDisable: boolean;
  readonly NGoroutines: number;
  /** RFC 3339 with nanoseconds and the host's offset. */
  readonly SystemTime: string;
  readonly LoggingDriver: string;
  readonly CgroupDriver: string;
  readonly CgroupVersion: string;
  readonly NEventsListener: number;
  readonly KernelVersion: string;
  readonly OperatingSystem: string;
  readonly OSVersion: string;
  readonly OSType: string;
  readonly Architecture: string;
  readonly IndexServerAddress: string;
  readonly RegistryConfig: RegistryServiceConfig;
  readonly NCPU: number;
  /** Bytes. */
  readonly MemTotal: number;
  readonly GenericResources: null;
  readonly DockerRootDir: string;
  readonly HttpProxy: string;
  readonly HttpsProxy: string;
  readonly NoProxy: string;
  readonly Name: string;
  readonly Labels: readonly string[];
  readonly ExperimentalBuild: boolean;
  readonly ServerVersion: string;
  readonly Runtimes: Readonly<Record<string, RuntimeInfo>>;
  readonly DefaultRuntime: string;
  readonly Swarm: SwarmInfo;
  readonly LiveRestoreEnabled: boolean;
  readonly Isolation: string;
  readonly InitBinary: string;
  readonly ContainerdCommit: CommitInfo;
  readonly RuncCommit: CommitInfo;
  readonly InitCommit: CommitInfo;
  readonly SecurityOptions: readonly string[];
  readonly CDISpecDirs: readonly string[];
  readonly Warnings: readonly string[] | null;
}

/** The `Swarm` header of `/_ping`: `inactive`, `pending`, `error`, `locked`, `active/worker` or `active/manager`. */
export interface PingResult {
  readonly apiVersion: string;
  readonly osType: 'linux';
  readonly swarm: 'inactive' | 'pending' | 'error' | 'locked' | 'active/worker' | 'active/manager';
}
