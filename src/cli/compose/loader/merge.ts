/**
 * How several `-c` files combine (cli/compose/loader/merge.go, 27.5.1, with mergo's
 * WithOverride and WithAppendSlice): a service in a later file merges into the same-named one,
 * field by field: a set string, number or `true` wins, lists are appended, maps merged key by
 * key; ports, secrets, configs and volumes merge by published port, source and target and come
 * out sorted by it; `command` and `entrypoint` are replaced. Top-level networks, volumes, secrets
 * and configs are replaced whole, name by name. Services come out sorted by name.
 */
import type {
  BuildConfig,
  Config,
  DeployConfig,
  FileReferenceConfig,
  HealthCheckConfig,
  LoggingConfig,
  Placement,
  Resources,
  RestartPolicy,
  ServiceConfig,
  ServiceNetworkConfig,
  ServicePortConfig,
  ServiceVolumeConfig,
  UlimitsConfig,
  UpdateConfig,
} from '../types/types';

type Scalar = string | number | boolean;

/** mergo's WithOverride on a plain field: a zero value ('' , 0, false) never overrides. */
function value<T extends Scalar>(dst: T | undefined, src: T | undefined): T | undefined {
  return src === undefined || src === '' || src === 0 || src === false ? dst : src;
}

/** A pointer field (`*uint64`, `*bool`): any value set in the override wins. */
function pointer<T>(dst: T | undefined, src: T | undefined): T | undefined {
  return src ?? dst;
}

function appended<T>(
  dst: readonly T[] | undefined,
  src: readonly T[] | undefined,
): readonly T[] | undefined {
  if (src === undefined || src.length === 0) return dst;
  return [...(dst ?? []), ...src];
}

function replaced<T>(
  dst: readonly T[] | undefined,
  src: readonly T[] | undefined,
): readonly T[] | undefined {
  return src !== undefined && src.length > 0 ? src : dst;
}

function record<V>(
  dst: Readonly<Record<string, V>> | undefined,
  src: Readonly<Record<string, V>> | undefined,
): Readonly<Record<string, V>> | undefined {
  if (src === undefined) return dst;
  return { ...dst, ...src };
}

/** mergeSlice: items keyed, the override's replacing the base's, sorted by the key. */
function keyed<T>(
  dst: readonly T[] | undefined,
  src: readonly T[] | undefined,
  key: (item: T) => string | number,
): readonly T[] | undefined {
  // The transformer runs only over a base that has the list; otherwise mergo appends.
  if (dst === undefined) return src;
  if (src === undefined) return dst;
  const byKey = new Map<string | number, T>();
  for (const item of [...dst, ...src]) byKey.set(key(item), item);
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

function struct<T>(
  dst: T | undefined,
  src: T | undefined,
  fields: (dst: T, src: T) => T,
): T | undefined {
  if (src === undefined) return dst;
  if (dst === undefined) return src;
  return fields(dst, src);
}

function updateConfig(
  dst: UpdateConfig | undefined,
  src: UpdateConfig | undefined,
): UpdateConfig | undefined {
  return struct(dst, src, (a, b) => ({
    parallelism: pointer(a.parallelism, b.parallelism),
    delay: value(a.delay, b.delay),
    failureAction: value(a.failureAction, b.failureAction),
    monitor: value(a.monitor, b.monitor),
    maxFailureRatio: value(a.maxFailureRatio, b.maxFailureRatio),
    order: value(a.order, b.order),
  }));
}

function resources(dst: Resources | undefined, src: Resources | undefined): Resources | undefined {
  return struct(dst, src, (a, b) => ({
    limits: struct(a.limits, b.limits, (x, y) => ({
      nanoCPUs: value(x.nanoCPUs, y.nanoCPUs),
      memoryBytes: value(x.memoryBytes, y.memoryBytes),
      pids: value(x.pids, y.pids),
    })),
    reservations: struct(a.reservations, b.reservations, (x, y) => ({
      nanoCPUs: value(x.nanoCPUs, y.nanoCPUs),
      memoryBytes: value(x.memoryBytes, y.memoryBytes),
      genericResources: appended(x.genericResources, y.genericResources),
    })),
  }));
}

function restartPolicy(
  dst: RestartPolicy | undefined,
  src: RestartPolicy | undefined,
): RestartPolicy | undefined {
  return struct(dst, src, (a, b) => ({
    condition: value(a.condition, b.condition),
    delay: pointer(a.delay, b.delay),
    maxAttempts: pointer(a.maxAttempts, b.maxAttempts),
    window: pointer(a.window, b.window),
  }));
}

function placement(dst: Placement | undefined, src: Placement | undefined): Placement | undefined {
  return struct(dst, src, (a, b) => ({
    constraints: appended(a.constraints, b.constraints),
    preferences: appended(a.preferences, b.preferences),
    maxReplicas: value(a.maxReplicas, b.maxReplicas),
  }));
}

function deploy(
  dst: DeployConfig | undefined,
  src: DeployConfig | undefined,
): DeployConfig | undefined {
  return struct(dst, src, (a, b) => ({
    mode: value(a.mode, b.mode),
    replicas: pointer(a.replicas, b.replicas),
    labels: record(a.labels, b.labels),
    updateConfig: updateConfig(a.updateConfig, b.updateConfig),
    rollbackConfig: updateConfig(a.rollbackConfig, b.rollbackConfig),
    resources: resources(a.resources, b.resources),
    restartPolicy: restartPolicy(a.restartPolicy, b.restartPolicy),
    placement: placement(a.placement, b.placement),
    endpointMode: value(a.endpointMode, b.endpointMode),
  }));
}

function healthCheck(
  dst: HealthCheckConfig | undefined,
  src: HealthCheckConfig | undefined,
): HealthCheckConfig | undefined {
  return struct(dst, src, (a, b) => ({
    test: appended(a.test, b.test),
    timeout: pointer(a.timeout, b.timeout),
    interval: pointer(a.interval, b.interval),
    retries: pointer(a.retries, b.retries),
    startPeriod: pointer(a.startPeriod, b.startPeriod),
    startInterval: pointer(a.startInterval, b.startInterval),
    disable: value(a.disable, b.disable),
  }));
}

function build(
  dst: BuildConfig | undefined,
  src: BuildConfig | undefined,
): BuildConfig | undefined {
  return struct(dst, src, (a, b) => ({
    context: value(a.context, b.context),
    dockerfile: value(a.dockerfile, b.dockerfile),
    args: record(a.args, b.args),
    labels: record(a.labels, b.labels),
    cacheFrom: appended(a.cacheFrom, b.cacheFrom),
    extraHosts: appended(a.extraHosts, b.extraHosts),
    network: value(a.network, b.network),
    target: value(a.target, b.target),
  }));
}

/** mergeLoggingConfig: one driver (or none named) merges options, another driver replaces. */
function logging(
  dst: LoggingConfig | undefined,
  src: LoggingConfig | undefined,
): LoggingConfig | undefined {
  return struct(dst, src, (a, b) => {
    const aDriver = a.driver ?? '';
    const bDriver = b.driver ?? '';
    if (aDriver === bDriver || aDriver === '' || bDriver === '') {
      return {
        driver: aDriver === '' ? b.driver : a.driver,
        options: record(a.options, b.options),
      };
    }
    return b;
  });
}

/** mergeServiceNetworkConfig: the override's aliases, and its addresses where it sets them. */
function networks(
  dst: Readonly<Record<string, ServiceNetworkConfig | null>> | undefined,
  src: Readonly<Record<string, ServiceNetworkConfig | null>> | undefined,
): Readonly<Record<string, ServiceNetworkConfig | null>> | undefined {
  if (src === undefined) return dst;
  const out: Record<string, ServiceNetworkConfig | null> = { ...dst };
  for (const [name, network] of Object.entries(src)) {
    const base = out[name];
    if (network === null) {
      if (base === undefined) out[name] = null;
      continue;
    }
    out[name] =
      base === undefined || base === null
        ? network
        : {
            ...base,
            aliases: network.aliases,
            ipv4Address: value(base.ipv4Address, network.ipv4Address),
            ipv6Address: value(base.ipv6Address, network.ipv6Address),
          };
  }
  return out;
}

function ulimits(
  dst: Readonly<Record<string, UlimitsConfig>> | undefined,
  src: Readonly<Record<string, UlimitsConfig>> | undefined,
): Readonly<Record<string, UlimitsConfig>> | undefined {
  if (src === undefined) return dst;
  const out: Record<string, UlimitsConfig> = { ...dst };
  for (const [name, limit] of Object.entries(src)) {
    const zero = (limit.single ?? 0) === 0 && (limit.soft ?? 0) === 0 && (limit.hard ?? 0) === 0;
    if (!zero || out[name] === undefined) out[name] = limit;
  }
  return out;
}

const byPublished = (port: ServicePortConfig): number => port.published ?? 0;
const bySource = (ref: FileReferenceConfig): string => ref.source ?? '';
const byTarget = (volume: ServiceVolumeConfig): string => volume.target ?? '';

export function mergeService(a: ServiceConfig, b: ServiceConfig): ServiceConfig {
  return {
    name: a.name,
    build: build(a.build, b.build),
    capAdd: appended(a.capAdd, b.capAdd),
    capDrop: appended(a.capDrop, b.capDrop),
    cgroupNSMode: value(a.cgroupNSMode, b.cgroupNSMode),
    cgroupParent: value(a.cgroupParent, b.cgroupParent),
    command: replaced(a.command, b.command),
    configs: keyed(a.configs, b.configs, bySource),
    containerName: value(a.containerName, b.containerName),
    credentialSpec: struct(a.credentialSpec, b.credentialSpec, (x, y) => ({
      config: value(x.config, y.config),
      file: value(x.file, y.file),
      registry: value(x.registry, y.registry),
    })),
    dependsOn: appended(a.dependsOn, b.dependsOn),
    deploy: deploy(a.deploy, b.deploy),
    devices: appended(a.devices, b.devices),
    dns: appended(a.dns, b.dns),
    dnsSearch: appended(a.dnsSearch, b.dnsSearch),
    domainName: value(a.domainName, b.domainName),
    entrypoint: replaced(a.entrypoint, b.entrypoint),
    environment: record(a.environment, b.environment),
    envFile: appended(a.envFile, b.envFile),
    expose: appended(a.expose, b.expose),
    externalLinks: appended(a.externalLinks, b.externalLinks),
    extraHosts: appended(a.extraHosts, b.extraHosts),
    hostname: value(a.hostname, b.hostname),
    healthCheck: healthCheck(a.healthCheck, b.healthCheck),
    image: value(a.image, b.image),
    init: pointer(a.init, b.init),
    ipc: value(a.ipc, b.ipc),
    isolation: value(a.isolation, b.isolation),
    labels: record(a.labels, b.labels),
    links: appended(a.links, b.links),
    logging: logging(a.logging, b.logging),
    macAddress: value(a.macAddress, b.macAddress),
    networkMode: value(a.networkMode, b.networkMode),
    networks: networks(a.networks, b.networks),
    pid: value(a.pid, b.pid),
    ports: keyed(a.ports, b.ports, byPublished),
    privileged: value(a.privileged, b.privileged),
    readOnly: value(a.readOnly, b.readOnly),
    restart: value(a.restart, b.restart),
    secrets: keyed(a.secrets, b.secrets, bySource),
    securityOpt: appended(a.securityOpt, b.securityOpt),
    shmSize: value(a.shmSize, b.shmSize),
    stdinOpen: value(a.stdinOpen, b.stdinOpen),
    stopGracePeriod: pointer(a.stopGracePeriod, b.stopGracePeriod),
    stopSignal: value(a.stopSignal, b.stopSignal),
    sysctls: record(a.sysctls, b.sysctls),
    tmpfs: appended(a.tmpfs, b.tmpfs),
    tty: value(a.tty, b.tty),
    ulimits: ulimits(a.ulimits, b.ulimits),
    user: value(a.user, b.user),
    oomScoreAdj: value(a.oomScoreAdj, b.oomScoreAdj),
    userNSMode: value(a.userNSMode, b.userNSMode),
    volumes: keyed(a.volumes, b.volumes, byTarget),
    workingDir: value(a.workingDir, b.workingDir),
    extras: record(a.extras, b.extras),
  };
}

function mergeServices(
  base: readonly ServiceConfig[],
  override: readonly ServiceConfig[],
): ServiceConfig[] {
  const byName = new Map(base.map((service) => [service.name, service]));
  for (const service of override) {
    const existing = byName.get(service.name);
    byName.set(service.name, existing === undefined ? service : mergeService(existing, service));
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** merge: the first file's config with each later one merged over it. */
export function merge(configs: readonly Config[]): Config {
  const [first, ...rest] = configs;
  if (first === undefined) throw new Error('No files specified');
  let base = first;
  for (const override of rest) {
    base = {
      ...base,
      services: mergeServices(base.services, override.services),
      volumes: { ...base.volumes, ...override.volumes },
      networks: { ...base.networks, ...override.networks },
      secrets: { ...base.secrets, ...override.secrets },
      configs: { ...base.configs, ...override.configs },
    };
  }
  return base;
}
