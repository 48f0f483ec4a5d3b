/**
 * `GET /version` and `GET /info` as the Engine API 1.47 returns them (Docker 27.5.1).
 * Field names and order follow moby's `api/types` (Version, ComponentVersion) and
 * `api/types/system` (Info) structs, so `--format '{{json .}}'` prints the same keys.
 */

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

export type LocalNodeState = 'inactive' | 'pending' | 'active' | 'error' | 'locked';

export interface PeerInfo {
  readonly NodeID: string;
  readonly Addr: string;
}

/**
 * The cluster as `docker info` sees it on a manager (moby swarm.ClusterInfo), reduced to what
 * the CLI prints. Present only on managers of an active swarm.
 */
export interface ClusterInfo {
  readonly ID: string;
  readonly Version: { readonly Index: number };
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: {
    readonly Name: string;
    readonly Labels: Readonly<Record<string, string>>;
    readonly Orchestration: { readonly TaskHistoryRetentionLimit?: number };
    readonly Raft: {
      readonly SnapshotInterval: number;
      readonly KeepOldSnapshots?: number;
      readonly LogEntriesForSlowFollowers: number;
      readonly ElectionTick: number;
      readonly HeartbeatTick: number;
    };
    /** Nanoseconds, as Go's time.Duration marshals. */
    readonly Dispatcher: { readonly HeartbeatPeriod: number };
    readonly CAConfig: {
      readonly NodeCertExpiry: number;
      readonly ExternalCAs?: readonly { readonly Protocol: string; readonly URL: string }[];
      readonly SigningCACert?: string;
      readonly ForceRotate?: number;
    };
    readonly TaskDefaults: Readonly<Record<string, unknown>>;
    readonly EncryptionConfig: { readonly AutoLockManagers: boolean };
  };
  readonly TLSInfo: {
    readonly TrustRoot: string;
    readonly CertIssuerSubject: string;
    readonly CertIssuerPublicKey: string;
  };
  readonly RootRotationInProgress: boolean;
  readonly DefaultAddrPool: readonly string[];
  readonly SubnetSize: number;
  readonly DataPathPort: number;
}

/** moby swarm.Info: this node's view of the swarm. */
export interface SwarmInfo {
  readonly NodeID: string;
  readonly NodeAddr: string;
  readonly LocalNodeState: LocalNodeState;
  readonly ControlAvailable: boolean;
  readonly Error: string;
  readonly RemoteManagers: readonly PeerInfo[] | null;
  readonly Nodes?: number;
  readonly Managers?: number;
  readonly Cluster?: ClusterInfo;
}

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
