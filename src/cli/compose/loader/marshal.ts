/**
 * yaml.Marshal of a loaded types.Config (cli/compose/types/types.go's yaml tags, 27.5.1): what
 * `docker stack config` prints. Fields in Go's struct order; an `omitempty` field is left out at
 * its zero value, a pointer field only when unset; maps sorted; `x-` extras after the fields.
 */
import { formatGoDuration } from '../../flags/go-duration';
import { isDict, isList, type DictValue } from '../types/dict';
import type {
  Config,
  DeployConfig,
  Extras,
  External,
  FileObjectConfig,
  FileReferenceConfig,
  HealthCheckConfig,
  NetworkConfig,
  ServiceConfig,
  ServiceVolumeConfig,
  UpdateConfig,
  VolumeConfig,
} from '../types/types';
import { sortedKeys, type YamlNode } from './yaml-emit';

type Entry = readonly [string, YamlNode];
type Field = Entry | null;

const str = (value: string): YamlNode => ({ kind: 'str', value });
const int = (value: number): YamlNode => ({ kind: 'int', value });

function isEmpty(node: YamlNode): boolean {
  switch (node.kind) {
    case 'map':
      return node.entries.length === 0;
    case 'seq':
      return node.items.length === 0;
    case 'str':
      return node.value === '';
    case 'int':
    case 'float':
      return node.value === 0;
    case 'bool':
      return !node.value;
    case 'null':
      return true;
  }
}

/** An `omitempty` field: dropped when unset or at Go's zero value. */
function omit(key: string, node: YamlNode | undefined): Field {
  return node === undefined || isEmpty(node) ? null : [key, node];
}

/** A pointer field: dropped only when unset. */
function pointer(key: string, node: YamlNode | undefined): Field {
  return node === undefined ? null : [key, node];
}

function map(fields: readonly Field[], extras?: Extras): YamlNode {
  const entries = fields.filter((field): field is Entry => field !== null);
  if (extras !== undefined) {
    for (const key of sortedKeys(Object.keys(extras))) {
      entries.push([key, fromDict(extras[key] ?? null)]);
    }
  }
  return { kind: 'map', entries };
}

function fromDict(value: DictValue): YamlNode {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? int(value) : { kind: 'float', value, bits: 64 };
  }
  if (isList(value)) return { kind: 'seq', items: value.map(fromDict) };
  if (isDict(value)) {
    return {
      kind: 'map',
      entries: sortedKeys(Object.keys(value)).map((key) => [key, fromDict(value[key] ?? null)]),
    };
  }
  return { kind: 'null' };
}

function strings(values: readonly string[] | undefined): YamlNode | undefined {
  return values === undefined ? undefined : { kind: 'seq', items: values.map(str) };
}

function record<V>(
  values: Readonly<Record<string, V>> | undefined,
  each: (value: V) => YamlNode,
): YamlNode | undefined {
  if (values === undefined) return undefined;
  return {
    kind: 'map',
    entries: sortedKeys(Object.keys(values)).map((key) => {
      const value = values[key];
      return [key, value === undefined ? { kind: 'null' } : each(value)];
    }),
  };
}

const textMap = (values: Readonly<Record<string, string>> | undefined): YamlNode | undefined =>
  record(values, str);

const nullableTextMap = (
  values: Readonly<Record<string, string | null>> | undefined,
): YamlNode | undefined =>
  record(values, (value) => (value === null ? { kind: 'null' } : str(value)));

const optStr = (value: string | undefined): YamlNode | undefined =>
  value === undefined ? undefined : str(value);
const optInt = (value: number | undefined): YamlNode | undefined =>
  value === undefined ? undefined : int(value);
const optBool = (value: boolean | undefined): YamlNode | undefined =>
  value === undefined ? undefined : { kind: 'bool', value };
/** types.Duration marshals as its String(): `10s`, `1m30s`. */
const optDuration = (value: number | undefined): YamlNode | undefined =>
  value === undefined ? undefined : str(formatGoDuration(BigInt(Math.trunc(value))));
/** types.UnitBytes marshals as a decimal string. */
const optBytes = (value: number | undefined): YamlNode | undefined =>
  value === undefined ? undefined : str(String(value));

/** External marshals as its bool, or `{name: …}` for the deprecated form. */
function external(value: External | undefined): YamlNode | undefined {
  if (value === undefined || (value.external !== true && (value.name ?? '') === ''))
    return undefined;
  if ((value.name ?? '') === '') return { kind: 'bool', value: value.external === true };
  return map([omit('name', optStr(value.name))]);
}

function updateConfig(value: UpdateConfig | undefined): YamlNode | undefined {
  if (value === undefined) return undefined;
  return map([
    pointer('parallelism', optInt(value.parallelism)),
    omit('delay', optDuration(value.delay)),
    omit('failure_action', optStr(value.failureAction)),
    omit('monitor', optDuration(value.monitor)),
    omit(
      'max_failure_ratio',
      value.maxFailureRatio === undefined
        ? undefined
        : { kind: 'float', value: value.maxFailureRatio, bits: 32 },
    ),
    omit('order', optStr(value.order)),
  ]);
}

function deploy(value: DeployConfig | undefined): YamlNode | undefined {
  if (value === undefined) return undefined;
  const resources = value.resources;
  const limits = resources?.limits;
  const reservations = resources?.reservations;
  const restart = value.restartPolicy;
  const placement = value.placement;
  return map([
    omit('mode', optStr(value.mode)),
    pointer('replicas', optInt(value.replicas)),
    omit('labels', textMap(value.labels)),
    pointer('update_config', updateConfig(value.updateConfig)),
    pointer('rollback_config', updateConfig(value.rollbackConfig)),
    omit(
      'resources',
      resources === undefined
        ? undefined
        : map([
            pointer(
              'limits',
              limits === undefined
                ? undefined
                : map([
                    omit('cpus', optStr(limits.nanoCPUs)),
                    omit(
                      'memory',
                      limits.memoryBytes === 0 ? undefined : optBytes(limits.memoryBytes),
                    ),
                    omit('pids', optInt(limits.pids)),
                  ]),
            ),
            pointer(
              'reservations',
              reservations === undefined
                ? undefined
                : map([
                    omit('cpus', optStr(reservations.nanoCPUs)),
                    omit(
                      'memory',
                      reservations.memoryBytes === 0
                        ? undefined
                        : optBytes(reservations.memoryBytes),
                    ),
                    omit(
                      'generic_resources',
                      reservations.genericResources === undefined
                        ? undefined
                        : {
                            kind: 'seq',
                            items: reservations.genericResources.map((resource) =>
                              map([
                                pointer(
                                  'discrete_resource_spec',
                                  resource.discreteResourceSpec === undefined
                                    ? undefined
                                    : map([
                                        ['kind', str(resource.discreteResourceSpec.kind)],
                                        ['value', int(resource.discreteResourceSpec.value)],
                                      ]),
                                ),
                              ]),
                            ),
                          },
                    ),
                  ]),
            ),
          ]),
    ),
    pointer(
      'restart_policy',
      restart === undefined
        ? undefined
        : map([
            omit('condition', optStr(restart.condition)),
            pointer('delay', optDuration(restart.delay)),
            pointer('max_attempts', optInt(restart.maxAttempts)),
            pointer('window', optDuration(restart.window)),
          ]),
    ),
    omit(
      'placement',
      placement === undefined
        ? undefined
        : map([
            omit('constraints', strings(placement.constraints)),
            omit(
              'preferences',
              placement.preferences === undefined
                ? undefined
                : {
                    kind: 'seq',
                    items: placement.preferences.map((preference) =>
                      map([omit('spread', optStr(preference.spread))]),
                    ),
                  },
            ),
            omit('max_replicas_per_node', optInt(placement.maxReplicas)),
          ]),
    ),
    omit('endpoint_mode', optStr(value.endpointMode)),
  ]);
}

function healthCheck(value: HealthCheckConfig | undefined): YamlNode | undefined {
  if (value === undefined) return undefined;
  return map([
    omit('test', strings(value.test)),
    pointer('timeout', optDuration(value.timeout)),
    pointer('interval', optDuration(value.interval)),
    pointer('retries', optInt(value.retries)),
    pointer('start_period', optDuration(value.startPeriod)),
    pointer('start_interval', optDuration(value.startInterval)),
    omit('disable', optBool(value.disable)),
  ]);
}

function fileReferences(values: readonly FileReferenceConfig[] | undefined): YamlNode | undefined {
  if (values === undefined) return undefined;
  return {
    kind: 'seq',
    items: values.map((ref) =>
      map([
        omit('source', optStr(ref.source)),
        omit('target', optStr(ref.target)),
        omit('uid', optStr(ref.uid)),
        omit('gid', optStr(ref.gid)),
        pointer('mode', optInt(ref.mode)),
      ]),
    ),
  };
}

function serviceVolume(volume: ServiceVolumeConfig): YamlNode {
  return map([
    omit('type', optStr(volume.type)),
    omit('source', optStr(volume.source)),
    omit('target', optStr(volume.target)),
    omit('read_only', optBool(volume.readOnly)),
    omit('consistency', optStr(volume.consistency)),
    pointer(
      'bind',
      volume.bind === undefined
        ? undefined
        : map([omit('propagation', optStr(volume.bind.propagation))]),
    ),
    pointer(
      'volume',
      volume.volume === undefined
        ? undefined
        : map([omit('nocopy', optBool(volume.volume.nocopy))]),
    ),
    pointer(
      'tmpfs',
      volume.tmpfs === undefined ? undefined : map([omit('size', optInt(volume.tmpfs.size))]),
    ),
    pointer('cluster', volume.cluster === undefined ? undefined : map([])),
  ]);
}

function serviceHead(service: ServiceConfig): Field[] {
  const build = service.build;
  const credential = service.credentialSpec;
  return [
    omit(
      'build',
      build === undefined
        ? undefined
        : map([
            omit('context', optStr(build.context)),
            omit('dockerfile', optStr(build.dockerfile)),
            omit('args', nullableTextMap(build.args)),
            omit('labels', textMap(build.labels)),
            omit('cache_from', strings(build.cacheFrom)),
            omit('extra_hosts', strings(build.extraHosts)),
            omit('network', optStr(build.network)),
            omit('target', optStr(build.target)),
          ]),
    ),
    omit('cap_add', strings(service.capAdd)),
    omit('cap_drop', strings(service.capDrop)),
    omit('cgroupns_mode', optStr(service.cgroupNSMode)),
    omit('cgroup_parent', optStr(service.cgroupParent)),
    omit('command', strings(service.command)),
    omit('configs', fileReferences(service.configs)),
    omit('container_name', optStr(service.containerName)),
    omit(
      'credential_spec',
      credential === undefined
        ? undefined
        : map([
            omit('config', optStr(credential.config)),
            omit('file', optStr(credential.file)),
            omit('registry', optStr(credential.registry)),
          ]),
    ),
    omit('depends_on', strings(service.dependsOn)),
    omit('deploy', deploy(service.deploy)),
    omit('devices', strings(service.devices)),
    omit('dns', strings(service.dns)),
    omit('dns_search', strings(service.dnsSearch)),
    omit('domainname', optStr(service.domainName)),
    omit('entrypoint', strings(service.entrypoint)),
    omit('environment', nullableTextMap(service.environment)),
    omit('env_file', strings(service.envFile)),
    omit('expose', strings(service.expose)),
    omit('external_links', strings(service.externalLinks)),
    omit('extra_hosts', strings(service.extraHosts)),
    omit('hostname', optStr(service.hostname)),
    pointer('healthcheck', healthCheck(service.healthCheck)),
    omit('image', optStr(service.image)),
    pointer('init', optBool(service.init)),
    omit('ipc', optStr(service.ipc)),
    omit('isolation', optStr(service.isolation)),
    omit('labels', textMap(service.labels)),
    omit('links', strings(service.links)),
    pointer(
      'logging',
      service.logging === undefined
        ? undefined
        : map([
            omit('driver', optStr(service.logging.driver)),
            omit('options', textMap(service.logging.options)),
          ]),
    ),
  ];
}

function serviceTail(service: ServiceConfig): Field[] {
  return [
    omit('mac_address', optStr(service.macAddress)),
    omit('network_mode', optStr(service.networkMode)),
    omit(
      'networks',
      record(service.networks ?? undefined, (network) =>
        network === null
          ? { kind: 'null' }
          : map([
              omit('aliases', strings(network.aliases)),
              omit('driver_opts', textMap(network.driverOpts)),
              omit('ipv4_address', optStr(network.ipv4Address)),
              omit('ipv6_address', optStr(network.ipv6Address)),
            ]),
      ),
    ),
    omit('pid', optStr(service.pid)),
    omit(
      'ports',
      service.ports === undefined
        ? undefined
        : {
            kind: 'seq',
            items: service.ports.map((port) =>
              map([
                omit('mode', optStr(port.mode)),
                omit('target', optInt(port.target)),
                omit('published', optInt(port.published)),
                omit('protocol', optStr(port.protocol)),
              ]),
            ),
          },
    ),
    omit('privileged', optBool(service.privileged)),
    omit('read_only', optBool(service.readOnly)),
    omit('restart', optStr(service.restart)),
    omit('secrets', fileReferences(service.secrets)),
    omit('security_opt', strings(service.securityOpt)),
    omit('shm_size', optStr(service.shmSize)),
    omit('stdin_open', optBool(service.stdinOpen)),
    pointer('stop_grace_period', optDuration(service.stopGracePeriod)),
    omit('stop_signal', optStr(service.stopSignal)),
    omit('sysctls', textMap(service.sysctls)),
    omit('tmpfs', strings(service.tmpfs)),
    omit('tty', optBool(service.tty)),
    omit(
      'ulimits',
      record(service.ulimits, (limit) =>
        (limit.single ?? 0) !== 0
          ? int(limit.single ?? 0)
          : map([omit('soft', optInt(limit.soft)), omit('hard', optInt(limit.hard))]),
      ),
    ),
    omit('user', optStr(service.user)),
    omit('oomscoreadj', optInt(service.oomScoreAdj)),
    omit('userns_mode', optStr(service.userNSMode)),
    omit(
      'volumes',
      service.volumes === undefined
        ? undefined
        : { kind: 'seq', items: service.volumes.map(serviceVolume) },
    ),
    omit('working_dir', optStr(service.workingDir)),
  ];
}

function service(value: ServiceConfig): YamlNode {
  return map([...serviceHead(value), ...serviceTail(value)], value.extras);
}

function network(value: NetworkConfig): YamlNode {
  const ipam = value.ipam;
  return map(
    [
      omit('name', optStr(value.name)),
      omit('driver', optStr(value.driver)),
      omit('driver_opts', textMap(value.driverOpts)),
      omit(
        'ipam',
        ipam === undefined
          ? undefined
          : map([
              omit('driver', optStr(ipam.driver)),
              omit(
                'config',
                ipam.config === undefined
                  ? undefined
                  : {
                      kind: 'seq',
                      items: ipam.config.map((pool) => map([omit('subnet', optStr(pool.subnet))])),
                    },
              ),
            ]),
      ),
      omit('external', external(value.external)),
      omit('internal', optBool(value.internal)),
      omit('attachable', optBool(value.attachable)),
      omit('labels', textMap(value.labels)),
    ],
    value.extras,
  );
}

function volume(value: VolumeConfig): YamlNode {
  return map(
    [
      omit('name', optStr(value.name)),
      omit('driver', optStr(value.driver)),
      omit('driver_opts', textMap(value.driverOpts)),
      omit('external', external(value.external)),
      omit('labels', textMap(value.labels)),
    ],
    value.extras,
  );
}

function fileObject(value: FileObjectConfig): YamlNode {
  return map(
    [
      omit('name', optStr(value.name)),
      omit('file', optStr(value.file)),
      omit('external', external(value.external)),
      omit('labels', textMap(value.labels)),
      omit('driver', optStr(value.driver)),
      omit('driver_opts', textMap(value.driverOpts)),
      omit('template_driver', optStr(value.templateDriver)),
    ],
    value.extras,
  );
}

/** The whole config, as `docker stack config` prints it. */
export function marshalConfig(config: Config): YamlNode {
  const services: Record<string, ServiceConfig> = {};
  for (const item of config.services) services[item.name] = item;
  return map(
    [
      ['version', str(config.version)],
      ['services', record(services, service) ?? map([])],
      omit('networks', record(config.networks, network)),
      omit('volumes', record(config.volumes, volume)),
      omit('secrets', record(config.secrets, fileObject)),
      omit('configs', record(config.configs, fileObject)),
    ],
    config.extras,
  );
}
