/**
 * convert.Services (cli/compose/convert/service.go, 27.5.1): each compose service as the Engine
 * API's ServiceSpec. The secret and config references come back as requests by name: docker's
 * ParseSecrets and ParseConfigs look their IDs up in the swarm, which is the deploy step's work
 * (`lookUpSecrets` and `lookUpConfigs` in src/cli/commands/service/file-references.ts), after it
 * has created the stack's own.
 */
import type {
  ContainerSpec,
  EndpointSpec,
  LogDriver,
  Mount,
  Placement,
  HealthConfig,
  NetworkAttachmentConfig,
  ResourceRequirements,
  RestartPolicy,
  ServiceMode,
  ServiceSpec,
  Ulimit,
  UpdateConfig,
} from '../../../api/service';
import type { PortConfig } from '../../../api/task';
import type { FileReferenceRequest } from '../../commands/service/opts/file-reference';
import { parseCpus } from '../../commands/service/opts/values';
import { canonicalServiceSpec } from '../../commands/service/spec/canonical';
import { effectiveCapabilities, failureRatio, omitEmpty } from '../../commands/service/spec/parts';
import type {
  Config,
  FileObjectConfig,
  FileReferenceConfig,
  HealthCheckConfig,
  NetworkConfig,
  ServiceConfig,
  ServiceNetworkConfig,
  ServicePortConfig,
  Placement as ComposePlacement,
  Resources,
  RestartPolicy as ComposeRestartPolicy,
  UlimitsConfig,
  UpdateConfig as ComposeUpdateConfig,
} from '../types/types';
import { addStackLabel, type Namespace } from './compose';
import { ConvertError, convertVolumes } from './volume';

const DEFAULT_NETWORK = 'default';
/** The label holding the image as the compose file names it. */
export const LABEL_IMAGE = 'com.docker.stack.image';

/** A converted service: its spec, and the secrets and configs it uses, by name. */
export interface ConvertedService {
  readonly spec: ServiceSpec;
  readonly secrets: readonly FileReferenceRequest[];
  readonly configs: readonly FileReferenceRequest[];
}

/** The networks Docker creates on every node, which take no aliases (NetworkMode.IsUserDefined). */
function isUserDefined(network: string): boolean {
  return (
    !['default', 'bridge', 'host', 'none'].includes(network) && !network.startsWith('container:')
  );
}

function convertServiceNetworks(
  networks: Readonly<Record<string, ServiceNetworkConfig | null>> | undefined,
  networkConfigs: Readonly<Record<string, NetworkConfig>>,
  namespace: Namespace,
  name: string,
): NetworkAttachmentConfig[] {
  const entries: [string, ServiceNetworkConfig | null][] =
    networks === undefined || Object.keys(networks).length === 0
      ? [[DEFAULT_NETWORK, null]]
      : Object.entries(networks);
  const attachments = entries.map(([networkName, network]) => {
    const config = networkConfigs[networkName];
    if (config === undefined && networkName !== DEFAULT_NETWORK) {
      throw new ConvertError(`undefined network "${networkName}"`);
    }
    const target =
      (config?.name ?? '') === '' ? namespace.scope(networkName) : (config?.name ?? '');
    const aliases = [...(network?.aliases ?? []), ...(isUserDefined(target) ? [name] : [])];
    return {
      Target: target,
      ...omitEmpty('Aliases', aliases),
      ...omitEmpty('DriverOpts', network?.driverOpts),
    };
  });
  return attachments.sort((a, b) => (a.Target < b.Target ? -1 : a.Target > b.Target ? 1 : 0));
}

/** convertFileObject: a reference's name in the swarm and the file it mounts as. */
function fileRequests(
  kind: 'secret' | 'config',
  namespace: Namespace,
  refs: readonly FileReferenceConfig[] | undefined,
  objects: Readonly<Record<string, FileObjectConfig>>,
): FileReferenceRequest[] {
  const requests = (refs ?? []).map((ref) => {
    const source = ref.source ?? '';
    const object = objects[source];
    if (object === undefined) throw new ConvertError(`undefined ${kind} "${source}"`);
    return {
      name: (object.name ?? '') === '' ? namespace.scope(source) : (object.name ?? ''),
      file: {
        Name: (ref.target ?? '') === '' ? source : (ref.target ?? ''),
        UID: (ref.uid ?? '') === '' ? '0' : (ref.uid ?? ''),
        GID: (ref.gid ?? '') === '' ? '0' : (ref.gid ?? ''),
        Mode: ref.mode ?? 0o444,
      },
    };
  });
  // docker sorts by name after the lookup, "to ensure idempotence"; a stable sort either way.
  return requests.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function convertHealthcheck(check: HealthCheckConfig | undefined): HealthConfig | undefined {
  if (check === undefined) return undefined;
  if (check.disable === true) {
    if ((check.test ?? []).length !== 0) {
      throw new ConvertError("test and disable can't be set at the same time");
    }
    return { Test: ['NONE'] };
  }
  return {
    ...omitEmpty('Test', check.test),
    Timeout: check.timeout ?? 0,
    Interval: check.interval ?? 0,
    Retries: check.retries ?? 0,
    StartPeriod: check.startPeriod ?? 0,
    StartInterval: check.startInterval ?? 0,
  };
}

/** convertRestartPolicy: `deploy.restart_policy`, or else the unsupported `restart:` read. */
function convertRestartPolicy(
  restart: string | undefined,
  source: ComposeRestartPolicy | undefined,
): RestartPolicy | undefined {
  if (source !== undefined) {
    return {
      ...omitEmpty('Condition', source.condition),
      ...(source.delay === undefined ? {} : { Delay: source.delay }),
      ...(source.maxAttempts === undefined ? {} : { MaxAttempts: source.maxAttempts }),
      ...(source.window === undefined ? {} : { Window: source.window }),
    };
  }
  const policy = restart ?? '';
  if (policy === '') return undefined;
  const colon = policy.indexOf(':');
  const name = colon < 0 ? policy : policy.slice(0, colon);
  const count = colon < 0 ? '' : policy.slice(colon + 1);
  if (colon >= 0 && name === '') {
    throw new ConvertError('invalid restart policy format: no policy provided before colon');
  }
  if (count !== '' && !/^[+-]?\d+$/.test(count)) {
    throw new ConvertError('invalid restart policy format: maximum retry count must be an integer');
  }
  switch (name) {
    case 'no':
      return undefined;
    case 'always':
    case 'unless-stopped':
      return { Condition: 'any' };
    case 'on-failure':
      return { Condition: 'on-failure', MaxAttempts: count === '' ? 0 : Number(count) };
    default:
      throw new ConvertError(`unknown restart policy: ${policy}`);
  }
}

function convertUpdateConfig(source: ComposeUpdateConfig | undefined): UpdateConfig | undefined {
  if (source === undefined) return undefined;
  return {
    Parallelism: source.parallelism ?? 1,
    ...omitEmpty('Delay', source.delay),
    ...omitEmpty('FailureAction', source.failureAction),
    ...omitEmpty('Monitor', source.monitor),
    MaxFailureRatio: failureRatio(source.maxFailureRatio ?? 0),
    Order: source.order ?? '',
  };
}

function cpus(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  try {
    return parseCpus(value);
  } catch (error) {
    throw new ConvertError(error instanceof Error ? error.message : String(error));
  }
}

function convertResources(source: Resources | undefined): ResourceRequirements {
  const limits = source?.limits;
  const reservations = source?.reservations;
  return {
    ...(limits === undefined
      ? {}
      : {
          Limits: {
            ...omitEmpty('NanoCPUs', cpus(limits.nanoCPUs)),
            ...omitEmpty('MemoryBytes', limits.memoryBytes),
            ...omitEmpty('Pids', limits.pids),
          },
        }),
    ...(reservations === undefined
      ? {}
      : {
          Reservations: {
            ...omitEmpty('NanoCPUs', cpus(reservations.nanoCPUs)),
            ...omitEmpty('MemoryBytes', reservations.memoryBytes),
            ...omitEmpty(
              'GenericResources',
              reservations.genericResources?.map((resource) =>
                resource.discreteResourceSpec === undefined
                  ? {}
                  : {
                      DiscreteResourceSpec: {
                        Kind: resource.discreteResourceSpec.kind,
                        Value: resource.discreteResourceSpec.value,
                      },
                    },
              ),
            ),
          },
        }),
  };
}

function isProtocol(value: string): value is NonNullable<PortConfig['Protocol']> {
  return value === 'tcp' || value === 'udp' || value === 'sctp';
}

function isPublishMode(value: string): value is NonNullable<PortConfig['PublishMode']> {
  return value === 'ingress' || value === 'host';
}

/** convertEndpointSpec: ports sorted by published port; the mode lower-cased. */
function convertEndpointSpec(
  endpointMode: string | undefined,
  ports: readonly ServicePortConfig[] | undefined,
): EndpointSpec {
  const configs: PortConfig[] = (ports ?? []).map((port) => {
    const protocol = port.protocol ?? '';
    const mode = port.mode ?? '';
    return {
      ...(isProtocol(protocol) ? { Protocol: protocol } : {}),
      ...omitEmpty('TargetPort', port.target),
      ...omitEmpty('PublishedPort', port.published),
      ...(isPublishMode(mode) ? { PublishMode: mode } : {}),
    };
  });
  configs.sort((a, b) => (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0));
  return {
    ...omitEmpty('Mode', (endpointMode ?? '').toLowerCase()),
    ...omitEmpty('Ports', configs),
  };
}

/** convertEnvironment: `NAME=value`, a name alone when it has no value, sorted. */
function convertEnvironment(
  environment: Readonly<Record<string, string | null>> | undefined,
): string[] {
  return Object.entries(environment ?? {})
    .map(([name, value]) => (value === null ? name : `${name}=${value}`))
    .sort();
}

function convertDeployMode(mode: string | undefined, replicas: number | undefined): ServiceMode {
  switch (mode ?? '') {
    case 'global-job':
      if (replicas !== undefined) {
        throw new ConvertError('replicas can only be used with replicated or replicated-job mode');
      }
      return { GlobalJob: {} };
    case 'global':
      if (replicas !== undefined) {
        throw new ConvertError('replicas can only be used with replicated or replicated-job mode');
      }
      return { Global: {} };
    case 'replicated-job':
      return {
        ReplicatedJob: {
          ...(replicas === undefined
            ? {}
            : { MaxConcurrent: replicas, TotalCompletions: replicas }),
        },
      };
    case 'replicated':
    case '':
      return { Replicated: replicas === undefined ? {} : { Replicas: replicas } };
    default:
      throw new ConvertError(`Unknown mode: ${mode ?? ''}`);
  }
}

/** convertExtraHosts: `host:ip` to swarmkit's `ip host`, in the given order. */
function convertExtraHosts(hosts: readonly string[] | undefined): string[] {
  return (hosts ?? []).flatMap((entry) => {
    const at = entry.indexOf(':');
    return at < 0 ? [] : [`${entry.slice(at + 1)} ${entry.slice(0, at)}`];
  });
}

function convertUlimits(ulimits: Readonly<Record<string, UlimitsConfig>> | undefined): Ulimit[] {
  return Object.entries(ulimits ?? {})
    .map(([name, limit]) =>
      (limit.single ?? 0) !== 0
        ? { Name: name, Soft: limit.single ?? 0, Hard: limit.single ?? 0 }
        : { Name: name, Soft: limit.soft ?? 0, Hard: limit.hard ?? 0 },
    )
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/** convertCredentialSpec: at most one of config, file and registry. */
function credentialSpecCount(service: ServiceConfig): void {
  const spec = service.credentialSpec;
  const set = [
    (spec?.config ?? '') !== '' ? '"Config"' : null,
    (spec?.file ?? '') !== '' ? '"File"' : null,
    (spec?.registry ?? '') !== '' ? '"Registry"' : null,
  ].filter((item) => item !== null);
  if (set.length === 2) {
    throw new ConvertError(`invalid credential spec: cannot specify both ${set[0]} and ${set[1]}`);
  }
  if (set.length > 2) {
    throw new ConvertError(
      `invalid credential spec: cannot specify both ${set.slice(0, -1).join(', ')}, and ${set.at(-1) ?? ''}`,
    );
  }
}

function containerSpec(
  namespace: Namespace,
  service: ServiceConfig,
  mounts: Mount[],
): ContainerSpec {
  const caps = effectiveCapabilities(service.capAdd ?? [], service.capDrop ?? []);
  const dnsSet = service.dns !== undefined || service.dnsSearch !== undefined;
  const healthcheck = convertHealthcheck(service.healthCheck);
  return {
    ...omitEmpty('Image', service.image),
    Labels: addStackLabel(namespace, service.labels),
    ...omitEmpty('Command', service.entrypoint),
    ...omitEmpty('Args', service.command),
    ...omitEmpty('Hostname', service.hostname),
    ...omitEmpty('Env', convertEnvironment(service.environment)),
    ...omitEmpty('Dir', service.workingDir),
    ...omitEmpty('User', service.user),
    Privileges: { CredentialSpec: null, SELinuxContext: null },
    ...(service.init === undefined ? {} : { Init: service.init }),
    ...omitEmpty('StopSignal', service.stopSignal),
    ...omitEmpty('TTY', service.tty),
    ...omitEmpty('OpenStdin', service.stdinOpen),
    ...omitEmpty('ReadOnly', service.readOnly),
    ...omitEmpty('Mounts', mounts),
    ...(service.stopGracePeriod === undefined ? {} : { StopGracePeriod: service.stopGracePeriod }),
    ...(healthcheck === undefined ? {} : { Healthcheck: healthcheck }),
    ...omitEmpty('Hosts', convertExtraHosts(service.extraHosts)),
    ...(dnsSet
      ? {
          DNSConfig: {
            ...omitEmpty('Nameservers', service.dns),
            ...omitEmpty('Search', service.dnsSearch),
          },
        }
      : {}),
    ...omitEmpty('Isolation', service.isolation),
    ...omitEmpty('Sysctls', service.sysctls),
    ...omitEmpty('CapabilityAdd', caps.add),
    ...omitEmpty('CapabilityDrop', caps.drop),
    ...omitEmpty('Ulimits', convertUlimits(service.ulimits)),
    ...omitEmpty('OomScoreAdj', service.oomScoreAdj),
  };
}

function convertPlacement(placement: ComposePlacement | undefined): Placement {
  return {
    ...omitEmpty('Constraints', placement?.constraints),
    ...omitEmpty(
      'Preferences',
      placement?.preferences?.map((preference) => ({
        Spread: { SpreadDescriptor: preference.spread ?? '' },
      })),
    ),
    ...omitEmpty('MaxReplicas', placement?.maxReplicas),
  };
}

function convertLogDriver(service: ServiceConfig): LogDriver | undefined {
  if (service.logging === undefined) return undefined;
  return { Name: service.logging.driver ?? '', ...omitEmpty('Options', service.logging.options) };
}

/** convert.Service. */
export function convertService(
  namespace: Namespace,
  service: ServiceConfig,
  config: Pick<Config, 'networks' | 'volumes' | 'secrets' | 'configs'>,
): ConvertedService {
  const deploy = service.deploy;
  const endpoint = convertEndpointSpec(deploy?.endpointMode, service.ports);
  const mode = convertDeployMode(deploy?.mode, deploy?.replicas);
  const mounts = convertVolumes(service.volumes ?? [], config.volumes, namespace);
  const resources = convertResources(deploy?.resources);
  const restartPolicy = convertRestartPolicy(service.restart, deploy?.restartPolicy);
  const container = containerSpec(namespace, service, mounts);
  const networks = convertServiceNetworks(
    service.networks,
    config.networks,
    namespace,
    service.name,
  );
  credentialSpecCount(service);
  const logDriver = convertLogDriver(service);
  const update = convertUpdateConfig(deploy?.updateConfig);
  const rollback = convertUpdateConfig(deploy?.rollbackConfig);
  const spec: ServiceSpec = {
    Name: namespace.scope(service.name),
    Labels: { ...addStackLabel(namespace, deploy?.labels), [LABEL_IMAGE]: service.image ?? '' },
    TaskTemplate: {
      ContainerSpec: container,
      Resources: resources,
      ...(restartPolicy === undefined ? {} : { RestartPolicy: restartPolicy }),
      Placement: convertPlacement(deploy?.placement),
      Networks: networks,
      ...(logDriver === undefined ? {} : { LogDriver: logDriver }),
      ForceUpdate: 0,
    },
    Mode: mode,
    ...(update === undefined ? {} : { UpdateConfig: update }),
    ...(rollback === undefined ? {} : { RollbackConfig: rollback }),
    EndpointSpec: endpoint,
  };
  return {
    spec: canonicalServiceSpec(spec),
    secrets: fileRequests('secret', namespace, service.secrets, config.secrets),
    configs: fileRequests('config', namespace, service.configs, config.configs),
  };
}

/** Wraps a service's conversion error as docker does: `service web: undefined volume "x"`. */
export function convertServices(
  namespace: Namespace,
  config: Config,
): Map<string, ConvertedService> {
  const result = new Map<string, ConvertedService>();
  for (const service of config.services) {
    try {
      result.set(service.name, convertService(namespace, service, config));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ConvertError(`service ${service.name}: ${message}`);
    }
  }
  return result;
}

/** getServicesDeclaredNetworks: every network a service names, `default` for one that names none. */
export function servicesDeclaredNetworks(services: readonly ServiceConfig[]): Set<string> {
  const names = new Set<string>();
  for (const service of services) {
    const networks = Object.keys(service.networks ?? {});
    if (networks.length === 0) names.add(DEFAULT_NETWORK);
    for (const name of networks) names.add(name);
  }
  return names;
}
