/**
 * loader.Load (cli/compose/loader/loader.go, 27.5.1): each compose file is checked for forbidden
 * keys, interpolated, validated against its version's schema and loaded into the typed config;
 * then the files are merged, later ones over earlier ones (merge.ts).
 */
import { ComposeError } from '../errors';
import { InvalidValueError } from '../../flags';
import { interpolate, type InterpolateOptions } from '../interpolation/interpolation';
import { validate, version as schemaVersion } from '../schema/schema';
import type { Mapping } from '../template/template';
import { goSprint, isDict, type Dict, type DictValue } from '../types/dict';
import {
  FORBIDDEN_PROPERTIES,
  type Config,
  type ConfigDetails,
  type DeployConfig,
  type FileObjectConfig,
  type FileReferenceConfig,
  type HealthCheckConfig,
  type NetworkConfig,
  type ServiceConfig,
  type ServiceNetworkConfig,
  type ServiceVolumeConfig,
  type UpdateConfig,
  type VolumeConfig,
} from '../types/types';
import { INTERPOLATE_TYPE_CAST_MAPPING } from './interpolate';
import { merge } from './merge';
import { parseEnvFile } from './env-file';
import {
  absPath,
  bool,
  dict,
  duration,
  external,
  extrasOf,
  goTypeName,
  healthCheckTest,
  hostsList,
  mapStringString,
  mappingOrList,
  num,
  servicePorts,
  shellCommand,
  str,
  stringList,
  stringOrNumberList,
  strings,
  ulimit,
  unitBytes,
} from './transform';
import { parseVolume } from './volume';

/** A compose loader failure: docker prints its message as it is. */
export class LoadError extends ComposeError {}

/** loader.ForbiddenPropertiesError: `stack deploy` lists them; `stack config` says only this. */
export class ForbiddenPropertiesError extends ComposeError {
  constructor(readonly properties: ReadonlyMap<string, string>) {
    super('Configuration contains forbidden properties');
  }
}

/** A file the loader reads (an `env_file`): its text, or the error Go's os.ReadFile gives. */
export type ReadFile = (path: string) => string;

export interface LoadOptions {
  readonly skipValidation?: boolean;
  readonly skipInterpolation?: boolean;
  /** WithDiscardEnvFiles: drop `env_file` once it has been read into `environment`. */
  readonly discardEnvFiles?: boolean;
  readonly readFile?: ReadFile;
}

/** The forbidden keys any service uses, with docker's advice for each. */
function forbiddenIn(config: Dict): Map<string, string> {
  const found = new Map<string, string>();
  const services = config['services'];
  if (!isDict(services)) return found;
  for (const service of Object.values(services)) {
    if (!isDict(service)) continue;
    for (const [property, advice] of FORBIDDEN_PROPERTIES) {
      if (property in service) found.set(property, advice);
    }
  }
  return found;
}

function section(config: Dict, key: string): Dict {
  const value = config[key];
  return isDict(value) ? value : {};
}

function fileReference(value: DictValue): FileReferenceConfig {
  if (typeof value === 'string') return { source: value };
  const ref = dict(value) ?? {};
  return {
    source: str(ref['source']),
    target: str(ref['target']),
    uid: str(ref['uid']),
    gid: str(ref['gid']),
    mode: num(ref['mode']),
  };
}

function updateConfig(value: DictValue | undefined): UpdateConfig | undefined {
  const update = dict(value);
  if (update === undefined) return undefined;
  return {
    parallelism: num(update['parallelism']),
    delay: duration(update['delay']),
    failureAction: str(update['failure_action']),
    monitor: duration(update['monitor']),
    maxFailureRatio: num(update['max_failure_ratio']),
    order: str(update['order']),
  };
}

function deployConfig(value: DictValue | undefined): DeployConfig | undefined {
  const deploy = dict(value);
  if (deploy === undefined) return undefined;
  const resources = dict(deploy['resources']);
  const limits = dict(resources?.['limits']);
  const reservations = dict(resources?.['reservations']);
  const restart = dict(deploy['restart_policy']);
  const placement = dict(deploy['placement']);
  const generic = reservations?.['generic_resources'];
  return {
    mode: str(deploy['mode']),
    replicas: num(deploy['replicas']),
    labels: mappingOrList(deploy['labels'], '=', false),
    updateConfig: updateConfig(deploy['update_config']),
    rollbackConfig: updateConfig(deploy['rollback_config']),
    resources:
      resources === undefined
        ? undefined
        : {
            limits:
              limits === undefined
                ? undefined
                : {
                    nanoCPUs: str(limits['cpus']),
                    memoryBytes: decoding('Deploy.Resources.Limits.memory', () =>
                      unitBytes(limits['memory']),
                    ),
                    pids: num(limits['pids']),
                  },
            reservations:
              reservations === undefined
                ? undefined
                : {
                    nanoCPUs: str(reservations['cpus']),
                    memoryBytes: decoding('Deploy.Resources.Reservations.memory', () =>
                      unitBytes(reservations['memory']),
                    ),
                    genericResources: Array.isArray(generic)
                      ? generic.map((item: DictValue) => {
                          const spec = dict(dict(item)?.['discrete_resource_spec']);
                          return {
                            discreteResourceSpec:
                              spec === undefined
                                ? undefined
                                : { kind: str(spec['kind']) ?? '', value: num(spec['value']) ?? 0 },
                          };
                        })
                      : undefined,
                  },
          },
    restartPolicy:
      restart === undefined
        ? undefined
        : {
            condition: str(restart['condition']),
            delay: duration(restart['delay']),
            maxAttempts: num(restart['max_attempts']),
            window: duration(restart['window']),
          },
    placement:
      placement === undefined
        ? undefined
        : {
            constraints: strings(placement['constraints']),
            preferences: Array.isArray(placement['preferences'])
              ? placement['preferences'].map((item: DictValue) => ({
                  spread: str(dict(item)?.['spread']),
                }))
              : undefined,
            maxReplicas: num(placement['max_replicas_per_node']),
          },
    endpointMode: str(deploy['endpoint_mode']),
  };
}

function healthCheck(value: DictValue | undefined): HealthCheckConfig | undefined {
  const check = dict(value);
  if (check === undefined) return undefined;
  return {
    test: healthCheckTest(check['test']),
    timeout: duration(check['timeout']),
    interval: duration(check['interval']),
    retries: num(check['retries']),
    startPeriod: duration(check['start_period']),
    startInterval: duration(check['start_interval']),
    disable: bool(check['disable']),
  };
}

function serviceNetworks(
  value: DictValue | undefined,
): Record<string, ServiceNetworkConfig | null> | undefined {
  if (Array.isArray(value)) {
    const out: Record<string, ServiceNetworkConfig | null> = {};
    for (const name of value) out[typeof name === 'string' ? name : String(name)] = null;
    return out;
  }
  const networks = dict(value);
  if (networks === undefined) return undefined;
  const out: Record<string, ServiceNetworkConfig | null> = {};
  for (const [name, settings] of Object.entries(networks)) {
    const network = dict(settings);
    out[name] =
      network === undefined
        ? null
        : {
            aliases: strings(network['aliases']),
            driverOpts: mapStringString(network['driver_opts']),
            ipv4Address: str(network['ipv4_address']),
            ipv6Address: str(network['ipv6_address']),
          };
  }
  return out;
}

function serviceVolume(value: DictValue): ServiceVolumeConfig {
  if (typeof value === 'string') return parseVolume(value);
  const volume = dict(value);
  if (volume === undefined) {
    throw new LoadError(`invalid type ${goTypeName(value)} for service volume`);
  }
  const bind = dict(volume['bind']);
  const options = dict(volume['volume']);
  const tmpfs = dict(volume['tmpfs']);
  return {
    type: str(volume['type']),
    source: str(volume['source']),
    target: str(volume['target']),
    readOnly: bool(volume['read_only']),
    consistency: str(volume['consistency']),
    bind: bind === undefined ? undefined : { propagation: str(bind['propagation']) },
    volume: options === undefined ? undefined : { nocopy: bool(options['nocopy']) },
    tmpfs: tmpfs === undefined ? undefined : { size: unitBytes(tmpfs['size']) },
    cluster: dict(volume['cluster']) === undefined ? undefined : {},
  };
}

/** resolveEnvironment: `env_file` first, then `environment`, a valueless name from the shell. */
function resolveEnvironment(
  service: Dict,
  workingDir: string,
  lookupEnv: Mapping,
  readFile: ReadFile | undefined,
): Record<string, string | null> | undefined {
  const envFiles = stringList(service['env_file']);
  const declared = mappingOrList(service['environment'], '=', true);
  const environment: Record<string, string | null> = {};
  const update = (vars: Readonly<Record<string, string | null>>): void => {
    for (const [key, value] of Object.entries(vars)) {
      const fromShell = lookupEnv(key);
      environment[key] =
        (value === null || value === '') && fromShell !== undefined ? fromShell : value;
    }
  };
  if (envFiles !== undefined && envFiles.length > 0) {
    const lines: string[] = [];
    for (const file of envFiles) {
      const path = absPath(workingDir, file);
      if (readFile === undefined) throw new LoadError(`open ${path}: no such file or directory`);
      lines.push(...parseEnvFile(path, readFile(path), lookupEnv));
    }
    const fromFiles: Record<string, string | null> = {};
    for (const line of lines) {
      const at = line.indexOf('=');
      if (at < 0) fromFiles[line] = null;
      else fromFiles[line.slice(0, at)] = line.slice(at + 1);
    }
    update(fromFiles);
  }
  if (declared !== undefined) update(declared);
  // docker always sets the map, so a service with neither has an empty environment.
  return environment;
}

/** resolveVolumePaths: a bind mount's source made absolute, `~` as $HOME. */
function resolveVolumePaths(
  volumes: readonly ServiceVolumeConfig[],
  workingDir: string,
  lookupEnv: Mapping,
): ServiceVolumeConfig[] {
  return volumes.map((volume) => {
    if (volume.type !== 'bind') return volume;
    const source = volume.source ?? '';
    if (source === '') {
      throw new LoadError('invalid mount config for type "bind": field Source must not be empty');
    }
    let path = source;
    if (path.startsWith('~')) {
      const home = lookupEnv('HOME');
      // docker warns "cannot expand '~', because the environment lacks HOME" and goes on.
      if (home !== undefined) path = path.replace('~', home);
    }
    const windowsAbsolute = /^[a-zA-Z]:[\\/]/.test(path);
    return {
      ...volume,
      source: path.startsWith('/') || windowsAbsolute ? path : absPath(workingDir, path),
    };
  });
}

/**
 * mapstructure's report of a transform that failed while decoding the service: docker's
 * Transform wraps each such error with the field's name and the join header.
 */
function decoding<T>(name: string, transform: () => T): T {
  try {
    return transform();
  } catch (error) {
    if (!(error instanceof ComposeError || error instanceof InvalidValueError)) throw error;
    throw new LoadError(
      `decoding failed due to the following error(s):\n\nerror decoding '${name}': ${error.message}`,
    );
  }
}

/** LoadService. */
export function loadService(
  name: string,
  service: Dict,
  workingDir: string,
  lookupEnv: Mapping,
  options: LoadOptions = {},
): ServiceConfig {
  const build = service['build'];
  const buildDict = dict(build);
  const ulimits = dict(service['ulimits']);
  const logging = dict(service['logging']);
  const credentialSpec = dict(service['credential_spec']);
  const volumes = Array.isArray(service['volumes'])
    ? service['volumes'].map((item: DictValue, index: number) =>
        decoding(`Volumes[${index}]`, () => serviceVolume(item)),
      )
    : undefined;
  return {
    name,
    build:
      typeof build === 'string'
        ? { context: build }
        : buildDict === undefined
          ? undefined
          : {
              context: str(buildDict['context']),
              dockerfile: str(buildDict['dockerfile']),
              args: mappingOrList(buildDict['args'], '=', true),
              labels: mappingOrList(buildDict['labels'], '=', false),
              cacheFrom: stringList(buildDict['cache_from']),
              extraHosts: hostsList(buildDict['extra_hosts']),
              network: str(buildDict['network']),
              target: str(buildDict['target']),
            },
    capAdd: strings(service['cap_add']),
    capDrop: strings(service['cap_drop']),
    cgroupNSMode: str(service['cgroupns_mode']),
    cgroupParent: str(service['cgroup_parent']),
    command: decoding('Command', () => shellCommand(service['command'])),
    configs: Array.isArray(service['configs'])
      ? service['configs'].map((item: DictValue) => fileReference(item))
      : undefined,
    containerName: str(service['container_name']),
    credentialSpec:
      credentialSpec === undefined
        ? undefined
        : {
            config: str(credentialSpec['config']),
            file: str(credentialSpec['file']),
            registry: str(credentialSpec['registry']),
          },
    dependsOn: strings(service['depends_on']),
    deploy: deployConfig(service['deploy']),
    devices: strings(service['devices']),
    dns: stringList(service['dns']),
    dnsSearch: stringList(service['dns_search']),
    domainName: str(service['domainname']),
    entrypoint: decoding('Entrypoint', () => shellCommand(service['entrypoint'])),
    environment: resolveEnvironment(service, workingDir, lookupEnv, options.readFile),
    envFile: options.discardEnvFiles === true ? undefined : stringList(service['env_file']),
    expose: stringOrNumberList(service['expose']),
    externalLinks: strings(service['external_links']),
    extraHosts: hostsList(service['extra_hosts']),
    hostname: str(service['hostname']),
    healthCheck: healthCheck(service['healthcheck']),
    image: str(service['image']),
    init: bool(service['init']),
    ipc: str(service['ipc']),
    isolation: str(service['isolation']),
    labels: mappingOrList(service['labels'], '=', false),
    links: strings(service['links']),
    logging:
      logging === undefined
        ? undefined
        : { driver: str(logging['driver']), options: mapStringString(logging['options']) },
    macAddress: str(service['mac_address']),
    networkMode: str(service['network_mode']),
    networks: serviceNetworks(service['networks']),
    pid: str(service['pid']),
    ports: decoding('Ports', () => servicePorts(service['ports'])),
    privileged: bool(service['privileged']),
    readOnly: bool(service['read_only']),
    restart: str(service['restart']),
    secrets: Array.isArray(service['secrets'])
      ? service['secrets'].map((item: DictValue) => fileReference(item))
      : undefined,
    securityOpt: strings(service['security_opt']),
    shmSize: service['shm_size'] === undefined ? undefined : goSprint(service['shm_size']),
    stdinOpen: bool(service['stdin_open']),
    stopGracePeriod: duration(service['stop_grace_period']),
    stopSignal: str(service['stop_signal']),
    sysctls: mappingOrList(service['sysctls'], '=', false),
    tmpfs: stringList(service['tmpfs']),
    tty: bool(service['tty']),
    ulimits:
      ulimits === undefined
        ? undefined
        : Object.fromEntries(Object.entries(ulimits).map(([key, value]) => [key, ulimit(value)])),
    user: str(service['user']),
    oomScoreAdj: num(service['oom_score_adj']),
    userNSMode: str(service['userns_mode']),
    volumes: volumes === undefined ? undefined : resolveVolumePaths(volumes, workingDir, lookupEnv),
    workingDir: str(service['working_dir']),
    extras: extrasOf(service),
  };
}

function loadNetworks(
  source: Dict,
  version: string,
  warn: (line: string) => void,
): Record<string, NetworkConfig> {
  const networks: Record<string, NetworkConfig> = {};
  for (const [name, value] of Object.entries(source)) {
    const network = dict(value) ?? {};
    const ipam = dict(network['ipam']);
    let config: NetworkConfig = {
      name: str(network['name']),
      driver: str(network['driver']),
      driverOpts: mapStringString(network['driver_opts']),
      ipam:
        ipam === undefined
          ? undefined
          : {
              driver: str(ipam['driver']),
              config: Array.isArray(ipam['config'])
                ? ipam['config'].map((pool: DictValue) => ({ subnet: str(dict(pool)?.['subnet']) }))
                : undefined,
            },
      external: external(network['external']),
      internal: bool(network['internal']),
      attachable: bool(network['attachable']),
      labels: mappingOrList(network['labels'], '=', false),
    };
    if (config.external?.external === true) {
      const externalName = config.external.name ?? '';
      if (externalName !== '') {
        if ((config.name ?? '') !== '') {
          throw new LoadError(
            `network ${name}: network.external.name and network.name conflict; only use network.name`,
          );
        }
        if (versionAtLeast(version, '3.5')) {
          warn(`network ${name}: network.external.name is deprecated in favor of network.name`);
        }
        config = { ...config, name: externalName, external: { external: true } };
      } else if ((config.name ?? '') === '') {
        config = { ...config, name };
      }
      config = { ...config, extras: extrasOf(network) };
    }
    networks[name] = config;
  }
  return networks;
}

function loadVolumes(
  source: Dict,
  version: string,
  warn: (line: string) => void,
): Record<string, VolumeConfig> {
  const volumes: Record<string, VolumeConfig> = {};
  for (const [name, value] of Object.entries(source)) {
    const volume = dict(value) ?? {};
    let config: VolumeConfig = {
      name: str(volume['name']),
      driver: str(volume['driver']),
      driverOpts: mapStringString(volume['driver_opts']),
      external: external(volume['external']),
      labels: mappingOrList(volume['labels'], '=', false),
    };
    if (config.external?.external === true) {
      const conflict = (key: string): LoadError =>
        new LoadError(
          `conflicting parameters "external" and "${key}" specified for volume "${name}"`,
        );
      if ((config.driver ?? '') !== '') throw conflict('driver');
      if (Object.keys(config.driverOpts ?? {}).length > 0) throw conflict('driver_opts');
      if (Object.keys(config.labels ?? {}).length > 0) throw conflict('labels');
      const externalName = config.external.name ?? '';
      if (externalName !== '') {
        if ((config.name ?? '') !== '') {
          throw new LoadError(
            `volume ${name}: volume.external.name and volume.name conflict; only use volume.name`,
          );
        }
        if (versionAtLeast(version, '3.4')) {
          warn(`volume ${name}: volume.external.name is deprecated in favor of volume.name`);
        }
        config = { ...config, name: externalName, external: { external: true } };
      } else if ((config.name ?? '') === '') {
        config = { ...config, name };
      }
      config = { ...config, extras: extrasOf(volume) };
    }
    volumes[name] = config;
  }
  return volumes;
}

function loadFileObjects(
  source: Dict,
  kind: 'secret' | 'config',
  details: ConfigDetails,
  version: string,
  warn: (line: string) => void,
): Record<string, FileObjectConfig> {
  const objects: Record<string, FileObjectConfig> = {};
  for (const [name, value] of Object.entries(source)) {
    const object = dict(value) ?? {};
    let config: FileObjectConfig = {
      name: str(object['name']),
      file: str(object['file']),
      external: external(object['external']),
      labels: mappingOrList(object['labels'], '=', false),
      driver: str(object['driver']),
      driverOpts: mapStringString(object['driver_opts']),
      templateDriver: str(object['template_driver']),
    };
    if (config.external?.external === true) {
      const externalName = config.external.name ?? '';
      if (externalName !== '') {
        if ((config.name ?? '') !== '') {
          throw new LoadError(
            `${kind} ${name}: ${kind}.external.name and ${kind}.name conflict; only use ${kind}.name`,
          );
        }
        if (versionAtLeast(version, '3.5')) {
          warn(`${kind} ${name}: ${kind}.external.name is deprecated in favor of ${kind}.name`);
        }
        config = { ...config, name: externalName, external: { external: true } };
      } else if ((config.name ?? '') === '') {
        config = { ...config, name };
      }
    } else if ((config.driver ?? '') !== '') {
      if ((config.file ?? '') !== '') {
        throw new LoadError(
          `${kind} ${name}: ${kind}.driver and ${kind}.file conflict; only use ${kind}.driver`,
        );
      }
    } else {
      config = { ...config, file: absPath(details.workingDir, config.file ?? '') };
    }
    objects[name] = { ...config, extras: extrasOf(object) };
  }
  return objects;
}

/** versions.GreaterThanOrEqualTo: dotted numbers compared part by part. */
export function versionAtLeast(version: string, other: string): boolean {
  const a = version.split('.');
  const b = other.split('.');
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const x = Number.parseInt(a[index] ?? '0', 10) || 0;
    const y = Number.parseInt(b[index] ?? '0', 10) || 0;
    if (x !== y) return x > y;
  }
  return true;
}

function loadSections(
  config: Dict,
  details: ConfigDetails,
  version: string,
  lookupEnv: Mapping,
  options: LoadOptions,
  warn: (line: string) => void,
): Omit<Config, 'filename'> {
  const services = Object.entries(section(config, 'services')).map(([name, service]) =>
    loadService(name, dict(service) ?? {}, details.workingDir, lookupEnv, options),
  );
  return {
    version: schemaVersion(config),
    services,
    networks: loadNetworks(section(config, 'networks'), version, warn),
    volumes: loadVolumes(section(config, 'volumes'), version, warn),
    secrets: loadFileObjects(section(config, 'secrets'), 'secret', details, version, warn),
    configs: loadFileObjects(section(config, 'configs'), 'config', details, version, warn),
    extras: extrasOf(config),
  };
}

export interface Loaded {
  readonly config: Config;
  /** What docker logs with logrus as it loads (`WARN[0000] …`): deprecations of external.name. */
  readonly warnings: readonly string[];
}

/** loader.Load. */
export function load(details: ConfigDetails, options: LoadOptions = {}): Loaded {
  if (details.configFiles.length < 1) throw new LoadError('No files specified');
  const lookupEnv: Mapping = (name) => details.environment.get(name);
  const interpolateOptions: InterpolateOptions = {
    lookupValue: lookupEnv,
    typeCastMapping: INTERPOLATE_TYPE_CAST_MAPPING,
  };
  const warnings: string[] = [];
  const warn = (line: string): void => {
    warnings.push(line);
  };
  const first = details.configFiles[0];
  const detailsVersion = first === undefined ? '' : schemaVersion(first.config);
  const configs: Config[] = [];
  for (const file of details.configFiles) {
    let configDict: Dict = file.config;
    const fileVersion = schemaVersion(configDict);
    if (detailsVersion !== fileVersion) {
      throw new LoadError(
        `version mismatched between two composefiles : ${detailsVersion} and ${fileVersion}`,
      );
    }
    const forbidden = forbiddenIn(configDict);
    if (forbidden.size > 0) throw new ForbiddenPropertiesError(forbidden);
    if (options.skipInterpolation !== true)
      configDict = interpolate(configDict, interpolateOptions);
    if (options.skipValidation !== true) validate(configDict, detailsVersion);
    configs.push({
      filename: file.filename,
      ...loadSections(configDict, details, detailsVersion, lookupEnv, options, warn),
    });
  }
  return { config: merge(configs), warnings };
}
