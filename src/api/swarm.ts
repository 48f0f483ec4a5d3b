/**
 * The swarm objects of the Engine API 1.47 (Docker 27.5.1), as moby's `api/types/swarm` declares
 * them: `GET /swarm`, `POST /swarm/init|join|leave|update|unlock`, `GET /swarm/unlockkey`, the
 * nodes of `GET /nodes`, and the `Swarm` part of `GET /info`.
 *
 * Plain data only (they cross worker boundaries and are stored as the swarm store's objects). Keys
 * are in moby's struct order, so `JSON.stringify` gives the same key order as the daemon's JSON;
 * optional keys are the ones moby marks `omitempty` and leaves out when empty. Timestamps are
 * RFC 3339 strings with nanoseconds, as the Engine API sends them; durations are nanoseconds.
 */

/** moby swarm.Version: the object's store version, sent back on every update. */
export interface ObjectVersion {
  readonly Index: number;
}

/**
 * moby swarm.Meta is embedded in every object and flattened right after its ID: `Version`, then
 * `CreatedAt` and `UpdatedAt`, RFC 3339 with nanoseconds and trailing zeros trimmed
 * (`2026-11-25T08:11:31.059086123Z`). The objects below spell the three keys out in that place,
 * so that an object literal written in interface order serialises in moby's order.
 */

/** moby swarm.TLSInfo. The two byte slices are base64 text, as Go marshals `[]byte`. */
export interface TLSInfo {
  readonly TrustRoot?: string;
  readonly CertIssuerSubject?: string;
  readonly CertIssuerPublicKey?: string;
}

// ---------------------------------------------------------------------------------------------
// The cluster (`GET /swarm`, `docker info`'s Swarm.Cluster)
// ---------------------------------------------------------------------------------------------

export interface OrchestrationConfig {
  /** Tasks kept per slot or node; negative keeps them all. */
  readonly TaskHistoryRetentionLimit?: number;
}

export interface RaftConfig {
  readonly SnapshotInterval?: number;
  readonly KeepOldSnapshots?: number;
  readonly LogEntriesForSlowFollowers?: number;
  readonly ElectionTick: number;
  readonly HeartbeatTick: number;
}

export interface DispatcherConfig {
  /** Nanoseconds (Go time.Duration): 5 s is 5000000000. */
  readonly HeartbeatPeriod?: number;
}

export type ExternalCAProtocol = 'cfssl';

export interface ExternalCA {
  readonly Protocol: ExternalCAProtocol;
  readonly URL: string;
  readonly Options?: Readonly<Record<string, string>>;
  readonly CACert: string;
}

export interface CAConfig {
  /** Nanoseconds: 90 days is 7776000000000000. */
  readonly NodeCertExpiry?: number;
  readonly ExternalCAs?: readonly ExternalCA[];
  readonly SigningCACert?: string;
  readonly SigningCAKey?: string;
  readonly ForceRotate?: number;
}

/** moby swarm.Driver (the cluster's default log driver). */
export interface Driver {
  readonly Name: string;
  readonly Options?: Readonly<Record<string, string>>;
}

export interface TaskDefaults {
  readonly LogDriver?: Driver;
}

export interface EncryptionConfig {
  readonly AutoLockManagers: boolean;
}

/** moby swarm.Spec; Name and Labels come from the embedded Annotations. */
export interface SwarmSpec {
  /** `default` for every swarm the CLI creates. */
  readonly Name?: string;
  /** Always present, `{}` when empty (Annotations.Labels has no omitempty). */
  readonly Labels: Readonly<Record<string, string>>;
  readonly Orchestration: OrchestrationConfig;
  readonly Raft: RaftConfig;
  readonly Dispatcher: DispatcherConfig;
  readonly CAConfig: CAConfig;
  readonly TaskDefaults: TaskDefaults;
  readonly EncryptionConfig: EncryptionConfig;
}

/** moby swarm.ClusterInfo: the swarm as `docker info` sees it on a manager. */
export interface ClusterInfo {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: SwarmSpec;
  readonly TLSInfo: TLSInfo;
  readonly RootRotationInProgress: boolean;
  /** CIDRs, `["10.0.0.0/8"]` by default. */
  readonly DefaultAddrPool: readonly string[];
  readonly SubnetSize: number;
  readonly DataPathPort: number;
}

export interface JoinTokens {
  readonly Worker: string;
  readonly Manager: string;
}

/** moby swarm.Swarm (`GET /swarm`): ClusterInfo plus the join tokens. */
export interface Swarm extends ClusterInfo {
  readonly JoinTokens: JoinTokens;
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export type NodeAvailability = 'active' | 'pause' | 'drain';

/** `POST /swarm/init`. */
export interface InitRequest {
  readonly ListenAddr: string;
  readonly AdvertiseAddr: string;
  readonly DataPathAddr: string;
  readonly DataPathPort: number;
  readonly ForceNewCluster: boolean;
  /**
   * Only what the flags changed (docker's ToSpec on a zero Spec): an absent or zero field means
   * swarmkit's default, which the daemon fills in.
   */
  readonly Spec: SwarmSpec;
  readonly AutoLockManagers: boolean;
  /**
   * As the user typed it, lower-cased (the CLI checks the value); '' when the flag was not given,
   * which the daemon reads as `active`.
   */
  readonly Availability: NodeAvailability | '';
  readonly DefaultAddrPool: readonly string[];
  readonly SubnetSize: number;
}

/** `POST /swarm/join`. */
export interface JoinRequest {
  readonly ListenAddr: string;
  readonly AdvertiseAddr: string;
  readonly DataPathAddr: string;
  /** The `HOST:PORT` argument, as typed. */
  readonly RemoteAddrs: readonly string[];
  readonly JoinToken: string;
  readonly Availability: NodeAvailability | '';
}

/** The query flags of `POST /swarm/update`. */
export interface UpdateFlags {
  readonly RotateWorkerToken: boolean;
  readonly RotateManagerToken: boolean;
  readonly RotateManagerUnlockKey: boolean;
}

/** `POST /swarm/unlock`. */
export interface UnlockRequest {
  /** `SWMKEY-1-…`, as the user gave it (the daemon parses it). */
  readonly UnlockKey: string;
}

/** `GET /swarm/unlockkey`. '' when autolock is off. */
export interface UnlockKeyResponse {
  readonly UnlockKey: string;
}

// ---------------------------------------------------------------------------------------------
// Nodes (`GET /nodes`, `GET /nodes/{id}`, `POST /nodes/{id}/update`, `DELETE /nodes/{id}`)
// ---------------------------------------------------------------------------------------------

export type NodeRole = 'worker' | 'manager';
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';
export type Reachability = 'unknown' | 'unreachable' | 'reachable';

/** moby swarm.NodeSpec (v27: Annotations first). */
export interface NodeSpec {
  readonly Name?: string;
  /** Always present, `{}` when empty. */
  readonly Labels: Readonly<Record<string, string>>;
  readonly Role: NodeRole;
  readonly Availability: NodeAvailability;
}

/**
 * What `docker node update` sends: the inspected spec with the user's changes. Availability and
 * Role are plain strings here because the CLI passes `--availability`/`--role` through
 * unchecked and the daemon rejects bad values (`invalid Availability: "foo"`).
 */
export interface NodeSpecUpdate {
  readonly Name?: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Role: string;
  readonly Availability: string;
}

export interface Platform {
  /** The uname form: `x86_64`, `aarch64`. */
  readonly Architecture?: string;
  readonly OS?: string;
}

export interface GenericResource {
  readonly NamedResourceSpec?: { readonly Kind: string; readonly Value: string };
  readonly DiscreteResourceSpec?: { readonly Kind: string; readonly Value: number };
}

export interface Resources {
  readonly NanoCPUs?: number;
  readonly MemoryBytes?: number;
  readonly GenericResources?: readonly GenericResource[];
}

export interface PluginDescription {
  /** `Log`, `Network`, `Volume`, … */
  readonly Type?: string;
  readonly Name?: string;
}

export interface EngineDescription {
  readonly EngineVersion?: string;
  /** The daemon's own labels (daemon.json), not the node labels. */
  readonly Labels?: Readonly<Record<string, string>>;
  readonly Plugins?: readonly PluginDescription[];
}

export interface NodeDescription {
  readonly Hostname?: string;
  readonly Platform?: Platform;
  readonly Resources?: Resources;
  readonly Engine?: EngineDescription;
  readonly TLSInfo?: TLSInfo;
}

export interface NodeStatus {
  readonly State: NodeState;
  readonly Message?: string;
  /** The node's IP, without a port. */
  readonly Addr?: string;
}

export interface ManagerStatus {
  /** Present, and true, on the leader only. */
  readonly Leader?: boolean;
  readonly Reachability: Reachability;
  /** `ip:2377`. */
  readonly Addr: string;
}

/** moby swarm.Node. */
export interface Node {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: NodeSpec;
  readonly Description: NodeDescription;
  readonly Status: NodeStatus;
  /** Absent on workers. */
  readonly ManagerStatus?: ManagerStatus;
}

// ---------------------------------------------------------------------------------------------
// This node's view (`docker info`'s Swarm)
// ---------------------------------------------------------------------------------------------

export type LocalNodeState = 'inactive' | 'pending' | 'active' | 'error' | 'locked';

/** moby swarm.Peer. */
export interface PeerInfo {
  readonly NodeID: string;
  readonly Addr: string;
}

/** moby swarm.Info: this node's view of the swarm. */
export interface SwarmInfo {
  readonly NodeID: string;
  readonly NodeAddr: string;
  readonly LocalNodeState: LocalNodeState;
  readonly ControlAvailable: boolean;
  readonly Error: string;
  readonly RemoteManagers: readonly PeerInfo[] | null;
  /** Managers only. */
  readonly Nodes?: number;
  readonly Managers?: number;
  readonly Cluster?: ClusterInfo;
  /**
   * The two-manager warning. The Engine API also appends these to the top-level /info Warnings,
   * which is where `docker info` prints them from.
   */
  readonly Warnings?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

/**
 * The `filters` query parameter (moby filters.Args): each key with its values, as the CLI's
 * `--filter key=value` flags gave them. The daemon checks the keys.
 */
export type Filters = Readonly<Record<string, readonly string[]>>;
