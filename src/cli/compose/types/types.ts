/**
 * docker/cli's compose types (cli/compose/types/types.go, 27.5.1): a loaded compose file. Fields
 * in Go's struct order, an optional field being one Go leaves at its zero value. Durations are
 * nanoseconds, sizes bytes.
 */
import type { DictValue } from './dict';

/** Service keys `docker stack deploy` ignores with "Ignoring unsupported options: …". */
export const UNSUPPORTED_PROPERTIES = [
  'build',
  'cgroupns_mode',
  'cgroup_parent',
  'devices',
  'domainname',
  'external_links',
  'ipc',
  'links',
  'mac_address',
  'network_mode',
  'pid',
  'privileged',
  'restart',
  'security_opt',
  'shm_size',
  'userns_mode',
] as const;

/** Service keys removed from v3 whose use is only warned about. */
export const DEPRECATED_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['container_name', 'Setting the container name is not supported.'],
  [
    'expose',
    "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
  ],
]);

/** Service keys that make the file fail to load. */
export const FORBIDDEN_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['extends', 'Support for `extends` is not implemented yet.'],
  [
    'volume_driver',
    'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  ],
  [
    'volumes_from',
    'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  ],
  ['cpu_quota', 'Set resource limits using deploy.resources'],
  ['cpu_shares', 'Set resource limits using deploy.resources'],
  ['cpuset', 'Set resource limits using deploy.resources'],
  ['mem_limit', 'Set resource limits using deploy.resources'],
  ['memswap_limit', 'Set resource limits using deploy.resources'],
]);

export type Extras = Readonly<Record<string, DictValue>>;

export interface BuildConfig {
  readonly context?: string | undefined;
  readonly dockerfile?: string | undefined;
  readonly args?: Readonly<Record<string, string | null>> | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly cacheFrom?: readonly string[] | undefined;
  readonly extraHosts?: readonly string[] | undefined;
  readonly network?: string | undefined;
  readonly target?: string | undefined;
}

export interface LoggingConfig {
  readonly driver?: string | undefined;
  readonly options?: Readonly<Record<string, string>> | undefined;
}

export interface UpdateConfig {
  readonly parallelism?: number | undefined;
  readonly delay?: number | undefined;
  readonly failureAction?: string | undefined;
  readonly monitor?: number | undefined;
  readonly maxFailureRatio?: number | undefined;
  readonly order?: string | undefined;
}

export interface GenericResource {
  readonly discreteResourceSpec?: { readonly kind: string; readonly value: number } | undefined;
}

export interface ResourceLimit {
  readonly nanoCPUs?: string | undefined;
  readonly memoryBytes?: number | undefined;
  readonly pids?: number | undefined;
}

export interface Resource {
  readonly nanoCPUs?: string | undefined;
  readonly memoryBytes?: number | undefined;
  readonly genericResources?: readonly GenericResource[] | undefined;
}

export interface Resources {
  readonly limits?: ResourceLimit | undefined;
  readonly reservations?: Resource | undefined;
}

export interface RestartPolicy {
  readonly condition?: string | undefined;
  readonly delay?: number | undefined;
  readonly maxAttempts?: number | undefined;
  readonly window?: number | undefined;
}

export interface Placement {
  readonly constraints?: readonly string[] | undefined;
  readonly preferences?: readonly { readonly spread?: string | undefined }[] | undefined;
  readonly maxReplicas?: number | undefined;
}

export interface DeployConfig {
  readonly mode?: string | undefined;
  readonly replicas?: number | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly updateConfig?: UpdateConfig | undefined;
  readonly rollbackConfig?: UpdateConfig | undefined;
  readonly resources?: Resources | undefined;
  readonly restartPolicy?: RestartPolicy | undefined;
  readonly placement?: Placement | undefined;
  readonly endpointMode?: string | undefined;
}

export interface HealthCheckConfig {
  readonly test?: readonly string[] | undefined;
  readonly timeout?: number | undefined;
  readonly interval?: number | undefined;
  readonly retries?: number | undefined;
  readonly startPeriod?: number | undefined;
  readonly startInterval?: number | undefined;
  readonly disable?: boolean | undefined;
}

export interface ServiceNetworkConfig {
  readonly aliases?: readonly string[] | undefined;
  readonly driverOpts?: Readonly<Record<string, string>> | undefined;
  readonly ipv4Address?: string | undefined;
  readonly ipv6Address?: string | undefined;
}

export interface ServicePortConfig {
  readonly mode?: string | undefined;
  readonly target?: number | undefined;
  readonly published?: number | undefined;
  readonly protocol?: string | undefined;
}

export interface ServiceVolumeConfig {
  readonly type?: string | undefined;
  readonly source?: string | undefined;
  readonly target?: string | undefined;
  readonly readOnly?: boolean | undefined;
  readonly consistency?: string | undefined;
  readonly bind?: { readonly propagation?: string | undefined } | undefined;
  readonly volume?: { readonly nocopy?: boolean | undefined } | undefined;
  readonly tmpfs?: { readonly size?: number | undefined } | undefined;
  readonly cluster?: Readonly<Record<string, never>> | undefined;
}

/** FileReferenceConfig: a service's use of a secret or config. */
export interface FileReferenceConfig {
  readonly source?: string | undefined;
  readonly target?: string | undefined;
  readonly uid?: string | undefined;
  readonly gid?: string | undefined;
  readonly mode?: number | undefined;
}

export interface UlimitsConfig {
  readonly single?: number | undefined;
  readonly soft?: number | undefined;
  readonly hard?: number | undefined;
}

export interface CredentialSpecConfig {
  readonly config?: string | undefined;
  readonly file?: string | undefined;
  readonly registry?: string | undefined;
}

export interface ServiceConfig {
  readonly name: string;
  readonly build?: BuildConfig | undefined;
  readonly capAdd?: readonly string[] | undefined;
  readonly capDrop?: readonly string[] | undefined;
  readonly cgroupNSMode?: string | undefined;
  readonly cgroupParent?: string | undefined;
  readonly command?: readonly string[] | undefined;
  readonly configs?: readonly FileReferenceConfig[] | undefined;
  readonly containerName?: string | undefined;
  readonly credentialSpec?: CredentialSpecConfig | undefined;
  readonly dependsOn?: readonly string[] | undefined;
  readonly deploy?: DeployConfig | undefined;
  readonly devices?: readonly string[] | undefined;
  readonly dns?: readonly string[] | undefined;
  readonly dnsSearch?: readonly string[] | undefined;
  readonly domainName?: string | undefined;
  readonly entrypoint?: readonly string[] | undefined;
  /** A name with no value (`- DEBUG`) is null: the container gets the name alone. */
  readonly environment?: Readonly<Record<string, string | null>> | undefined;
  readonly envFile?: readonly string[] | undefined;
  readonly expose?: readonly string[] | undefined;
  readonly externalLinks?: readonly string[] | undefined;
  readonly extraHosts?: readonly string[] | undefined;
  readonly hostname?: string | undefined;
  readonly healthCheck?: HealthCheckConfig | undefined;
  readonly image?: string | undefined;
  readonly init?: boolean | undefined;
  readonly ipc?: string | undefined;
  readonly isolation?: string | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly links?: readonly string[] | undefined;
  readonly logging?: LoggingConfig | undefined;
  readonly macAddress?: string | undefined;
  readonly networkMode?: string | undefined;
  /** A network listed with no settings maps to null. */
  readonly networks?: Readonly<Record<string, ServiceNetworkConfig | null>> | undefined;
  readonly pid?: string | undefined;
  readonly ports?: readonly ServicePortConfig[] | undefined;
  readonly privileged?: boolean | undefined;
  readonly readOnly?: boolean | undefined;
  readonly restart?: string | undefined;
  readonly secrets?: readonly FileReferenceConfig[] | undefined;
  readonly securityOpt?: readonly string[] | undefined;
  readonly shmSize?: string | undefined;
  readonly stdinOpen?: boolean | undefined;
  readonly stopGracePeriod?: number | undefined;
  readonly stopSignal?: string | undefined;
  readonly sysctls?: Readonly<Record<string, string>> | undefined;
  readonly tmpfs?: readonly string[] | undefined;
  readonly tty?: boolean | undefined;
  readonly ulimits?: Readonly<Record<string, UlimitsConfig>> | undefined;
  readonly user?: string | undefined;
  readonly oomScoreAdj?: number | undefined;
  readonly userNSMode?: string | undefined;
  readonly volumes?: readonly ServiceVolumeConfig[] | undefined;
  readonly workingDir?: string | undefined;
  readonly extras?: Extras | undefined;
}

/** External: a network, volume, secret or config the stack uses but does not create. */
export interface External {
  readonly name?: string | undefined;
  readonly external?: boolean | undefined;
}

export interface NetworkConfig {
  readonly name?: string | undefined;
  readonly driver?: string | undefined;
  readonly driverOpts?: Readonly<Record<string, string>> | undefined;
  readonly ipam?:
    | {
        readonly driver?: string | undefined;
        readonly config?: readonly { readonly subnet?: string | undefined }[] | undefined;
      }
    | undefined;
  readonly external?: External | undefined;
  readonly internal?: boolean | undefined;
  readonly attachable?: boolean | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly extras?: Extras | undefined;
}

export interface VolumeConfig {
  readonly name?: string | undefined;
  readonly driver?: string | undefined;
  readonly driverOpts?: Readonly<Record<string, string>> | undefined;
  readonly external?: External | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly extras?: Extras | undefined;
}

/** FileObjectConfig: a top-level secret or config. */
export interface FileObjectConfig {
  readonly name?: string | undefined;
  readonly file?: string | undefined;
  readonly external?: External | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly extras?: Extras | undefined;
  readonly driver?: string | undefined;
  readonly driverOpts?: Readonly<Record<string, string>> | undefined;
  readonly templateDriver?: string | undefined;
}

export interface Config {
  readonly filename: string;
  readonly version: string;
  readonly services: readonly ServiceConfig[];
  readonly networks: Readonly<Record<string, NetworkConfig>>;
  readonly volumes: Readonly<Record<string, VolumeConfig>>;
  readonly secrets: Readonly<Record<string, FileObjectConfig>>;
  readonly configs: Readonly<Record<string, FileObjectConfig>>;
  readonly extras?: Extras | undefined;
}

/** ConfigFile: a file's name and its parsed dict. */
export interface ConfigFile {
  readonly filename: string;
  readonly config: Readonly<Record<string, DictValue>>;
}

/** ConfigDetails: the files to load, the directory paths are relative to, the environment. */
export interface ConfigDetails {
  readonly workingDir: string;
  readonly configFiles: readonly ConfigFile[];
  readonly environment: ReadonlyMap<string, string>;
}
