/**
 * moby swarm.Service and the specs inside it (Engine API 1.47, `api/types/swarm/service.go`,
 * `task.go`, `container.go`, `network.go` at Docker 27.5.1): what `POST /services/create` takes
 * and `GET /services` returns. Keys in moby's struct order, optional keys the `omitempty` ones,
 * durations in nanoseconds, as in ./swarm.ts. A container spec field the simulation does not act
 * on yet is still carried, so `docker service inspect` shows what was asked for.
 */
import type { GenericResource, ObjectVersion } from './swarm';
import type { PortConfig } from './task';

/** moby mount.Mount, as a service's `--mount` sends it. */
/**
 * The texts the daemon accepts for the fields below that the CLI sends as typed and the daemon
 * checks (moby daemon/cluster/convert): the fields are `string` so that a wrong one reaches the
 * daemon, which answers `invalid MountType: "x"` and the like.
 */
export type MountType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';

export interface Mount {
  /** A `MountType`, in any case. */
  readonly Type?: string;
  readonly Source?: string;
  readonly Target?: string;
  readonly ReadOnly?: boolean;
  readonly Consistency?: string;
  readonly BindOptions?: Readonly<Record<string, unknown>>;
  readonly VolumeOptions?: Readonly<Record<string, unknown>>;
  readonly TmpfsOptions?: Readonly<Record<string, unknown>>;
}

export interface DNSConfig {
  readonly Nameservers?: readonly string[];
  readonly Search?: readonly string[];
  readonly Options?: readonly string[];
}

/** moby container.HealthConfig; durations in nanoseconds. */
export interface HealthConfig {
  readonly Test?: readonly string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

export interface FileTarget {
  readonly Name: string;
  readonly UID: string;
  readonly GID: string;
  /** Decimal: 0444 is 292. */
  readonly Mode: number;
}

export interface SecretReference {
  readonly File?: FileTarget;
  readonly SecretID: string;
  readonly SecretName: string;
}

export interface ConfigReference {
  readonly File?: FileTarget;
  readonly ConfigID: string;
  readonly ConfigName: string;
}

export interface Ulimit {
  readonly Name: string;
  readonly Hard: number;
  readonly Soft: number;
}

export interface ContainerSpec {
  readonly Image?: string;
  readonly Labels?: Readonly<Record<string, string>>;
  readonly Command?: readonly string[];
  readonly Args?: readonly string[];
  readonly Hostname?: string;
  readonly Env?: readonly string[];
  readonly Dir?: string;
  readonly User?: string;
  readonly Groups?: readonly string[];
  readonly Privileges?: Readonly<Record<string, unknown>>;
  readonly Init?: boolean;
  readonly StopSignal?: string;
  readonly TTY?: boolean;
  readonly OpenStdin?: boolean;
  readonly ReadOnly?: boolean;
  readonly Mounts?: readonly Mount[];
  readonly StopGracePeriod?: number;
  readonly Healthcheck?: HealthConfig;
  readonly Hosts?: readonly string[];
  readonly DNSConfig?: DNSConfig;
  readonly Secrets?: readonly SecretReference[];
  readonly Configs?: readonly ConfigReference[];
  readonly Isolation?: string;
  readonly Sysctls?: Readonly<Record<string, string>>;
  readonly CapabilityAdd?: readonly string[];
  readonly CapabilityDrop?: readonly string[];
  readonly Ulimits?: readonly Ulimit[];
  readonly OomScoreAdj?: number;
}

export interface Limit {
  readonly NanoCPUs?: number;
  readonly MemoryBytes?: number;
  readonly Pids?: number;
}

export interface Resources {
  readonly NanoCPUs?: number;
  readonly MemoryBytes?: number;
  readonly GenericResources?: readonly GenericResource[];
}

export interface ResourceRequirements {
  readonly Limits?: Limit;
  readonly Reservations?: Resources;
}

export type RestartCondition = 'none' | 'on-failure' | 'any';

export interface RestartPolicy {
  /** A `RestartCondition`. */
  readonly Condition?: string;
  readonly Delay?: number;
  readonly MaxAttempts?: number;
  readonly Window?: number;
}

export interface PlacementPreference {
  readonly Spread: { readonly SpreadDescriptor: string };
}

export interface Platform {
  readonly Architecture?: string;
  readonly OS?: string;
}

export interface Placement {
  readonly Constraints?: readonly string[];
  readonly Preferences?: readonly PlacementPreference[];
  readonly MaxReplicas?: number;
  readonly Platforms?: readonly Platform[];
}

export interface NetworkAttachmentConfig {
  readonly Target?: string;
  readonly Aliases?: readonly string[];
  readonly DriverOpts?: Readonly<Record<string, string>>;
}

export interface LogDriver {
  readonly Name: string;
  readonly Options?: Readonly<Record<string, string>>;
}

export interface TaskSpec {
  readonly ContainerSpec?: ContainerSpec;
  readonly Resources?: ResourceRequirements;
  readonly RestartPolicy?: RestartPolicy;
  readonly Placement?: Placement;
  readonly Networks?: readonly NetworkAttachmentConfig[];
  readonly LogDriver?: LogDriver;
  /** Raised by `service update --force`: a changed counter makes every task dirty. */
  readonly ForceUpdate: number;
  readonly Runtime?: string;
}

/** Exactly one of the four is set (moby swarm.ServiceMode). */
export interface ServiceMode {
  readonly Replicated?: { readonly Replicas?: number };
  readonly Global?: Readonly<Record<string, never>>;
  readonly ReplicatedJob?: { readonly MaxConcurrent?: number; readonly TotalCompletions?: number };
  readonly GlobalJob?: Readonly<Record<string, never>>;
}

/**
 * The four modes, as the Engine API's `mode` filter names them, each with the ServiceMode field
 * that selects it: the one list the daemon's orchestrators and filters derive from.
 */
export const SERVICE_MODE_KINDS = ['replicated', 'global', 'replicated-job', 'global-job'] as const;
export type ServiceModeKind = (typeof SERVICE_MODE_KINDS)[number];

const MODE_FIELDS: Readonly<Record<ServiceModeKind, keyof ServiceMode>> = {
  replicated: 'Replicated',
  global: 'Global',
  'replicated-job': 'ReplicatedJob',
  'global-job': 'GlobalJob',
};

/** The kind of a mode with one field set; a spec with none counts as replicated, as moby's does. */
export function serviceModeKind(mode: ServiceMode): ServiceModeKind {
  return SERVICE_MODE_KINDS.find((kind) => mode[MODE_FIELDS[kind]] !== undefined) ?? 'replicated';
}

/** Jobs run their tasks to completion (desired COMPLETE) and keep a JobStatus. */
export function isJobKind(kind: ServiceModeKind): boolean {
  return kind === 'replicated-job' || kind === 'global-job';
}

export type UpdateFailureAction = 'pause' | 'continue' | 'rollback';
export type UpdateOrder = 'stop-first' | 'start-first';

export interface UpdateConfig {
  readonly Parallelism: number;
  readonly Delay?: number;
  /** An `UpdateFailureAction`; empty means pause. */
  readonly FailureAction?: string;
  readonly Monitor?: number;
  readonly MaxFailureRatio: number;
  /** An `UpdateOrder`; empty means stop-first. */
  readonly Order: string;
}

export type ResolutionMode = 'vip' | 'dnsrr';

export interface EndpointSpec {
  /** A `ResolutionMode`; empty means vip. */
  readonly Mode?: string;
  readonly Ports?: readonly PortConfig[];
}

export interface ServiceSpec {
  readonly Name: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly TaskTemplate: TaskSpec;
  readonly Mode: ServiceMode;
  readonly UpdateConfig?: UpdateConfig;
  readonly RollbackConfig?: UpdateConfig;
  readonly EndpointSpec?: EndpointSpec;
}

export interface EndpointVirtualIP {
  readonly NetworkID?: string;
  readonly Addr?: string;
}

export interface Endpoint {
  readonly Spec: EndpointSpec;
  readonly Ports?: readonly PortConfig[];
  readonly VirtualIPs?: readonly EndpointVirtualIP[];
}

export type UpdateState =
  | 'updating'
  | 'paused'
  | 'completed'
  | 'rollback_started'
  | 'rollback_paused'
  | 'rollback_completed';

export interface UpdateStatus {
  readonly State?: UpdateState;
  readonly StartedAt?: string;
  readonly CompletedAt?: string;
  readonly Message?: string;
}

/** What `GET /services?status=true` adds, for `docker service ls`'s REPLICAS. */
export interface ServiceStatus {
  readonly RunningTasks: number;
  readonly DesiredTasks: number;
  readonly CompletedTasks: number;
}

/**
 * moby swarm.Version as a job's iteration counter: `Index` is omitempty, so the first iteration
 * reads `{}` in the Engine API's JSON.
 */
export interface JobIteration {
  readonly Index?: number;
}

export function jobIterationAt(index: number): JobIteration {
  return index === 0 ? {} : { Index: index };
}

export interface JobStatus {
  readonly JobIteration: JobIteration;
  readonly LastExecution?: string;
}

export interface Service {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: ServiceSpec;
  readonly PreviousSpec?: ServiceSpec;
  readonly Endpoint: Endpoint;
  readonly UpdateStatus?: UpdateStatus;
  readonly ServiceStatus?: ServiceStatus;
  readonly JobStatus?: JobStatus;
}

/** What `POST /services/create` answers (moby swarm.ServiceCreateResponse). */
export interface ServiceCreateResponse {
  readonly ID: string;
  /** Daemon-side warnings, such as the registry one (printed to stderr by the CLI). */
  readonly Warnings?: readonly string[];
}

/** What `POST /services/{id}/update` answers (moby swarm.ServiceUpdateResponse). */
export interface ServiceUpdateResponse {
  readonly Warnings?: readonly string[];
}

/** `?rollback=previous` on `POST /services/{id}/update`: the daemon swaps the two specs. */
export type ServiceRollback = 'none' | 'previous';
