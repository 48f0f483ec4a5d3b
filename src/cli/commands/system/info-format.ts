import type { SystemInfo } from '../../../api/system';
import { formatGoDuration } from '../../flags';
import { formatRfc3339Nano, toGoTime } from '../../../lib/template/go-time';
import { goTypes, type GoType } from '../../format/template';
import type { StructType } from '../../../lib/template/types';
import { INSTALLED_PLUGINS } from '../plugins';
import type { ClientVersion } from './client-version';

/**
 * The data `docker info --format` runs against: docker/cli's dockerInfo (cli/command/system/
 * info.go, v27.5.1), with moby's system.Info as the CLI decoded it from `GET /info` (moby
 * v27.5.0, the version docker/cli 27.5.1 vendors).
 *
 * The daemon's JSON goes through the same two steps as in docker: json.Unmarshal into the Go
 * structs, then the template (Go field names: `.CPUCfsPeriod`, `.HTTPProxy`) or json.Marshal
 * (JSON names: `CpuCfsPeriod`, `HttpProxy`, Go's field order, `omitempty`). So `{{json .}}`
 * prints every field of system.Info, those the daemon did not send as zero values, and drops
 * whatever the daemon sent that the struct has no field for, exactly as the real CLI does.
 *
 * Each struct below is declared once, as a list of its Go fields with their JSON tags; both
 * directions are derived from it. Embedded structs (swarm.Meta, swarm.Annotations,
 * system.Runtime, manager.Metadata, the clientVersion inside clientInfo) are flattened into
 * their outer struct, where Go promotes their fields; only dockerInfo's embedded `Info` is
 * also kept by name, since `{{json .Info}}` is a plausible template.
 */

type Struct = StructType;

interface Field {
  /** The Go field name, which templates use. */
  readonly name: string;
  readonly type: GoType;
  /** The JSON key, when the tag renames the field. */
  readonly json: string;
  readonly omitEmpty: boolean;
}

/** A field as Go declares it: `field('CPUCfsPeriod', bool, 'CpuCfsPeriod')`, tag optional. */
function field(name: string, type: GoType, tag = ''): Field {
  const [key = '', ...options] = tag.split(',');
  return {
    name,
    type,
    json: key === '' ? name : key,
    omitEmpty: options.includes('omitempty'),
  };
}

/** The JSON fields of the structs declared here; other types are encoded as they are. */
const JSON_FIELDS = new WeakMap<GoType, readonly Field[]>();

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The struct's template type; its marshalJSON is encoding/json over the declared fields. */
function jsonStruct(
  name: string,
  fields: readonly Field[],
  stringer?: (value: unknown) => string,
): Struct {
  const type = goTypes.struct(
    name,
    Object.fromEntries(fields.map((entry) => [entry.name, entry.type])),
    {
      marshalJSON: (value) => encodeFields(fields, value),
      ...(stringer === undefined ? {} : { stringer }),
    },
  );
  JSON_FIELDS.set(type, fields);
  return type;
}

// ---------------------------------------------------------------------------------------------
// json.Marshal and json.Unmarshal over the declared types
// ---------------------------------------------------------------------------------------------

/**
 * time.Duration is an int64 whose String method prints `5s`. The template engine gives String
 * methods to structs only, so it is typed as a struct over the nanosecond count: it prints as
 * Go prints it, and encodes as the number.
 */
const DURATION: Struct = goTypes.struct('time.Duration', undefined, {
  stringer: (value) => formatGoDuration(BigInt(typeof value === 'number' ? Math.trunc(value) : 0)),
  marshalJSON: (value) => (typeof value === 'number' ? value : 0),
});

const SCALAR_KINDS: ReadonlySet<GoType['kind']> = new Set([
  'bool',
  'int',
  'uint',
  'float',
  'string',
]);

/** encoding/json's isEmptyValue, which decides `omitempty`. Structs are never empty. */
function isEmpty(type: GoType, value: unknown): boolean {
  // time.Duration is an int64 in Go, though typed as a struct here.
  if (type === DURATION) return value === null || value === undefined || value === 0;
  if (value === null || value === undefined) return type.kind !== 'struct' && type.kind !== 'time';
  if (SCALAR_KINDS.has(type.kind)) {
    return value === false || value === 0 || value === '';
  }
  if (type.kind === 'slice') return Array.isArray(value) && value.length === 0;
  if (type.kind === 'map') return isRecord(value) && Object.keys(value).length === 0;
  return false;
}

/**
 * A Go value as plain JSON data for the template engine's encoder: objects keep their key
 * order, and Go maps become JavaScript Maps, which it encodes with sorted keys as Go does.
 */
function toJson(type: GoType, value: unknown): unknown {
  if (type.kind === 'struct') {
    return type.marshalJSON === undefined ? (value ?? {}) : type.marshalJSON(value ?? {});
  }
  if (type.kind === 'pointer') {
    return value === null || value === undefined ? null : toJson(type.elem, value);
  }
  if (type.kind === 'slice') {
    return Array.isArray(value) ? value.map((item: unknown) => toJson(type.elem, item)) : null;
  }
  if (type.kind === 'map') {
    if (!isRecord(value)) return null;
    return new Map(Object.entries(value).map(([key, item]) => [key, toJson(type.elem, item)]));
  }
  if (type.kind === 'time') {
    const time = toGoTime(value);
    return time === undefined ? value : formatRfc3339Nano(time);
  }
  return value ?? zeroJson(type.kind);
}

/** What a Go zero value encodes as, for data that left the field out. */
function zeroJson(kind: GoType['kind']): unknown {
  if (kind === 'bool') return false;
  if (kind === 'int' || kind === 'uint' || kind === 'float') return 0;
  return kind === 'string' ? '' : null;
}

function encodeFields(fields: readonly Field[], value: unknown): Record<string, unknown> {
  const record = isRecord(value) ? value : {};
  const encoded: Record<string, unknown> = {};
  for (const entry of fields) {
    const fieldValue = record[entry.name];
    if (entry.omitEmpty && isEmpty(entry.type, fieldValue)) continue;
    encoded[entry.json] = toJson(entry.type, fieldValue);
  }
  return encoded;
}

/** A JSON key as json.Unmarshal finds it: the exact key, else one equal but for case. */
function jsonMember(record: Readonly<Record<string, unknown>>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(record, key)) return record[key];
  const folded = key.toLowerCase();
  return Object.entries(record).find(([name]) => name.toLowerCase() === folded)?.[1];
}

/** json.Unmarshal of JSON data into a Go type, giving the data the template engine reads. */
function fromJson(type: GoType, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  switch (type.kind) {
    case 'struct': {
      const fields = JSON_FIELDS.get(type);
      if (fields === undefined) return raw;
      const record = isRecord(raw) ? raw : {};
      return Object.fromEntries(
        fields.map((entry) => [entry.name, fromJson(entry.type, jsonMember(record, entry.json))]),
      );
    }
    case 'pointer':
      return fromJson(type.elem, raw);
    case 'slice':
      return Array.isArray(raw) ? raw.map((item: unknown) => fromJson(type.elem, item)) : null;
    case 'map':
      if (!isRecord(raw)) return null;
      return Object.fromEntries(
        Object.entries(raw).map(([key, item]) => [key, fromJson(type.elem, item)]),
      );
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'string':
    case 'time':
    case 'interface':
    case 'func':
      return raw;
  }
}

// ---------------------------------------------------------------------------------------------
// moby api/types/swarm (v27.5.0): swarm.Info and the cluster it describes
// ---------------------------------------------------------------------------------------------

const { bool, int, int64, uint64, string } = goTypes;
const uint32 = goTypes.uint32;
const strings = goTypes.slice(string);
const stringMap = goTypes.map(string, string);

/** swarm.Version has a String method (the index), which fmt uses. */
const swarmVersion = jsonStruct(
  'swarm.Version',
  [field('Index', uint64, ',omitempty')],
  (value) => {
    const index = isRecord(value) ? value.Index : 0;
    return typeof index === 'number' || typeof index === 'bigint' ? index.toString() : '0';
  },
);

const driver = jsonStruct('swarm.Driver', [
  field('Name', string, ',omitempty'),
  field('Options', stringMap, ',omitempty'),
]);

const externalCA = jsonStruct('swarm.ExternalCA', [
  field('Protocol', goTypes.named('string', 'swarm.ExternalCAProtocol')),
  field('URL', string),
  field('Options', stringMap, ',omitempty'),
  field('CACert', string),
]);

/** Spec embeds Annotations (Name, Labels). The `omitempty` on struct fields has no effect. */
const swarmSpec = jsonStruct('swarm.Spec', [
  field('Name', string, ',omitempty'),
  field('Labels', stringMap, 'Labels'),
  field(
    'Orchestration',
    jsonStruct('swarm.OrchestrationConfig', [
      field('TaskHistoryRetentionLimit', goTypes.pointer(int64), ',omitempty'),
    ]),
    ',omitempty',
  ),
  field(
    'Raft',
    jsonStruct('swarm.RaftConfig', [
      field('SnapshotInterval', uint64, ',omitempty'),
      field('KeepOldSnapshots', goTypes.pointer(uint64), ',omitempty'),
      field('LogEntriesForSlowFollowers', uint64, ',omitempty'),
      field('ElectionTick', int),
      field('HeartbeatTick', int),
    ]),
    ',omitempty',
  ),
  field(
    'Dispatcher',
    jsonStruct('swarm.DispatcherConfig', [field('HeartbeatPeriod', DURATION, ',omitempty')]),
    ',omitempty',
  ),
  field(
    'CAConfig',
    jsonStruct('swarm.CAConfig', [
      field('NodeCertExpiry', DURATION, ',omitempty'),
      field('ExternalCAs', goTypes.slice(goTypes.pointer(externalCA)), ',omitempty'),
      field('SigningCACert', string, ',omitempty'),
      field('SigningCAKey', string, ',omitempty'),
      field('ForceRotate', uint64, ',omitempty'),
    ]),
    ',omitempty',
  ),
  field(
    'TaskDefaults',
    jsonStruct('swarm.TaskDefaults', [field('LogDriver', goTypes.pointer(driver), ',omitempty')]),
    ',omitempty',
  ),
  field(
    'EncryptionConfig',
    jsonStruct('swarm.EncryptionConfig', [field('AutoLockManagers', bool)]),
    ',omitempty',
  ),
]);

/** The two byte slices are kept as their base64 text, as `docker node inspect` types them. */
const tlsInfo = jsonStruct('swarm.TLSInfo', [
  field('TrustRoot', string, ',omitempty'),
  field('CertIssuerSubject', string, ',omitempty'),
  field('CertIssuerPublicKey', string, ',omitempty'),
]);

/** ClusterInfo embeds Meta (Version, CreatedAt, UpdatedAt) right after its ID. */
const clusterInfo = jsonStruct('swarm.ClusterInfo', [
  field('ID', string),
  field('Version', swarmVersion, ',omitempty'),
  field('CreatedAt', goTypes.time, ',omitempty'),
  field('UpdatedAt', goTypes.time, ',omitempty'),
  field('Spec', swarmSpec),
  field('TLSInfo', tlsInfo),
  field('RootRotationInProgress', bool),
  field('DefaultAddrPool', strings),
  field('SubnetSize', uint32),
  field('DataPathPort', uint32),
]);

const swarmInfo = jsonStruct('swarm.Info', [
  field('NodeID', string),
  field('NodeAddr', string),
  field('LocalNodeState', goTypes.named('string', 'swarm.LocalNodeState')),
  field('ControlAvailable', bool),
  field('Error', string),
  field(
    'RemoteManagers',
    goTypes.slice(jsonStruct('swarm.Peer', [field('NodeID', string), field('Addr', string)])),
  ),
  field('Nodes', int, ',omitempty'),
  field('Managers', int, ',omitempty'),
  field('Cluster', goTypes.pointer(clusterInfo), ',omitempty'),
  field('Warnings', strings, ',omitempty'),
]);

// ---------------------------------------------------------------------------------------------
// moby api/types/system and api/types/registry (v27.5.0): system.Info
// ---------------------------------------------------------------------------------------------

/**
 * registry.NetIPNet travels as CIDR text and prints through its String method. Go's field is a
 * `[]*NetIPNet`; fmt calls String on each element, so the elements are typed as the struct
 * itself (the engine prints nested pointers as addresses), under the slice's Go name.
 */
const netIPNet: Struct = goTypes.struct('registry.NetIPNet', undefined, {
  stringer: (value) => (typeof value === 'string' ? value : '<nil>'),
  marshalJSON: (value) => value,
});
const netIPNets = goTypes.slice(netIPNet, '[]*registry.NetIPNet');

const registryConfig = jsonStruct('registry.ServiceConfig', [
  field('AllowNondistributableArtifactsCIDRs', netIPNets),
  field('AllowNondistributableArtifactsHostnames', strings),
  field('InsecureRegistryCIDRs', netIPNets, 'InsecureRegistryCIDRs'),
  field(
    'IndexConfigs',
    goTypes.map(
      string,
      goTypes.pointer(
        jsonStruct('registry.IndexInfo', [
          field('Name', string),
          field('Mirrors', strings),
          field('Secure', bool),
          field('Official', bool),
        ]),
      ),
    ),
    'IndexConfigs',
  ),
  field('Mirrors', strings),
]);

/** RuntimeWithStatus embeds Runtime, whose JSON keys are lower-case. */
const runtimeWithStatus = jsonStruct('system.RuntimeWithStatus', [
  field('Path', string, 'path,omitempty'),
  field('Args', strings, 'runtimeArgs,omitempty'),
  field('Type', string, 'runtimeType,omitempty'),
  field('Options', goTypes.map(string, goTypes.any), 'options,omitempty'),
  field('Status', stringMap, 'status,omitempty'),
]);

const commit = jsonStruct('system.Commit', [field('ID', string), field('Expected', string)]);

const SYSTEM_INFO_FIELDS: readonly Field[] = [
  field('ID', string),
  field('Containers', int),
  field('ContainersRunning', int),
  field('ContainersPaused', int),
  field('ContainersStopped', int),
  field('Images', int),
  field('Driver', string),
  field('DriverStatus', goTypes.slice(goTypes.slice(string, '[2]string'))),
  field('SystemStatus', goTypes.slice(goTypes.slice(string, '[2]string')), ',omitempty'),
  field(
    'Plugins',
    jsonStruct('system.PluginsInfo', [
      field('Volume', strings),
      field('Network', strings),
      field('Authorization', strings),
      field('Log', strings),
    ]),
  ),
  field('MemoryLimit', bool),
  field('SwapLimit', bool),
  field('KernelMemory', bool, ',omitempty'),
  field('KernelMemoryTCP', bool, ',omitempty'),
  field('CPUCfsPeriod', bool, 'CpuCfsPeriod'),
  field('CPUCfsQuota', bool, 'CpuCfsQuota'),
  field('CPUShares', bool),
  field('CPUSet', bool),
  field('PidsLimit', bool),
  field('IPv4Forwarding', bool),
  field('BridgeNfIptables', bool),
  field('BridgeNfIP6tables', bool, 'BridgeNfIp6tables'),
  field('Debug', bool),
  field('NFd', int),
  field('OomKillDisable', bool),
  field('NGoroutines', int),
  field('SystemTime', string),
  field('LoggingDriver', string),
  field('CgroupDriver', string),
  field('CgroupVersion', string, ',omitempty'),
  field('NEventsListener', int),
  field('KernelVersion', string),
  field('OperatingSystem', string),
  field('OSVersion', string),
  field('OSType', string),
  field('Architecture', string),
  field('IndexServerAddress', string),
  field('RegistryConfig', goTypes.pointer(registryConfig)),
  field('NCPU', int),
  field('MemTotal', int64),
  field('GenericResources', goTypes.slice(goTypes.struct('swarm.GenericResource'))),
  field('DockerRootDir', string),
  field('HTTPProxy', string, 'HttpProxy'),
  field('HTTPSProxy', string, 'HttpsProxy'),
  field('NoProxy', string),
  field('Name', string),
  field('Labels', strings),
  field('ExperimentalBuild', bool),
  field('ServerVersion', string),
  field('Runtimes', goTypes.map(string, runtimeWithStatus)),
  field('DefaultRuntime', string),
  field('Swarm', swarmInfo),
  field('LiveRestoreEnabled', bool),
  field('Isolation', goTypes.named('string', 'container.Isolation')),
  field('InitBinary', string),
  field('ContainerdCommit', commit),
  field('RuncCommit', commit),
  field('InitCommit', commit),
  field('SecurityOptions', strings),
  field('ProductLicense', string, ',omitempty'),
  field(
    'DefaultAddressPools',
    goTypes.slice(
      jsonStruct('system.NetworkAddressPool', [field('Base', string), field('Size', int)]),
    ),
    ',omitempty',
  ),
  field('CDISpecDirs', strings),
  field(
    'Containerd',
    goTypes.pointer(
      jsonStruct('system.ContainerdInfo', [
        field('Address', string, ',omitempty'),
        field(
          'Namespaces',
          jsonStruct('system.ContainerdNamespaces', [
            field('Containers', string),
            field('Plugins', string),
          ]),
        ),
      ]),
    ),
    ',omitempty',
  ),
  field('Warnings', strings),
];

const systemInfoType = jsonStruct('system.Info', SYSTEM_INFO_FIELDS);

// ---------------------------------------------------------------------------------------------
// docker/cli cli/command/system (v27.5.1): clientInfo, dockerInfo
// ---------------------------------------------------------------------------------------------

/** pluginmanager.Plugin embeds Metadata; the plugins of a docker-ce host set no URL. */
const pluginType = jsonStruct('manager.Plugin', [
  field('SchemaVersion', string, ',omitempty'),
  field('Vendor', string, ',omitempty'),
  field('Version', string, ',omitempty'),
  field('ShortDescription', string, ',omitempty'),
  field('URL', string, ',omitempty'),
  field('Name', string, ',omitempty'),
  field('Path', string, ',omitempty'),
  field('Err', { kind: 'interface', name: 'error' }, ',omitempty'),
  field('ShadowedPaths', strings, ',omitempty'),
]);

/** clientInfo embeds clientVersion (version.go), whose tags keep `ApiVersion` and omitempty. */
const clientInfoType = jsonStruct('system.clientInfo', [
  field('Debug', bool),
  field(
    'Platform',
    goTypes.pointer(jsonStruct('system.platformInfo', [field('Name', string, 'Name,omitempty')])),
    'Platform,omitempty',
  ),
  field('Version', string, 'Version,omitempty'),
  field('APIVersion', string, 'ApiVersion,omitempty'),
  field('DefaultAPIVersion', string, 'DefaultAPIVersion,omitempty'),
  field('GitCommit', string, 'GitCommit,omitempty'),
  field('GoVersion', string, 'GoVersion,omitempty'),
  field('Os', string, 'Os,omitempty'),
  field('Arch', string, 'Arch,omitempty'),
  field('BuildTime', string, 'BuildTime,omitempty'),
  field('Context', string, 'Context'),
  field('Plugins', goTypes.slice(pluginType)),
  field('Warnings', strings),
]);

const DOCKER_INFO_OWN_FIELDS: readonly Field[] = [
  field('ServerErrors', strings, ',omitempty'),
  field('UserName', string, '-'),
  field('ClientInfo', goTypes.pointer(clientInfoType), ',omitempty'),
  field('ClientErrors', strings, ',omitempty'),
];

/**
 * dockerInfo embeds `*system.Info`: its fields come first in JSON, and not at all when nil (the
 * template path never leaves it nil). UserName is `json:"-"`.
 */
const DOCKER_INFO_FIELDS: Readonly<Record<string, GoType>> = Object.fromEntries([
  ['Info', goTypes.pointer(systemInfoType)],
  ...[...SYSTEM_INFO_FIELDS, ...DOCKER_INFO_OWN_FIELDS].map((entry): [string, GoType] => [
    entry.name,
    entry.type,
  ]),
]);

export const dockerInfoType: GoType = goTypes.struct('system.dockerInfo', DOCKER_INFO_FIELDS, {
  marshalJSON: (value) => {
    const info = isRecord(value) ? value.Info : null;
    const server = isRecord(info) ? encodeFields(SYSTEM_INFO_FIELDS, info) : {};
    const own = DOCKER_INFO_OWN_FIELDS.filter((entry) => entry.json !== '-');
    return { ...server, ...encodeFields(own, value) };
  },
});

/** needsServerInfo's probe: a struct with only the client half. */
export const sparseInfoType: GoType = goTypes.struct('system.sparseInfo', {
  ClientInfo: goTypes.pointer(clientInfoType),
  ClientErrors: strings,
});

export interface ClientInfoFacts {
  readonly client: ClientVersion;
  readonly debug: boolean;
}

/**
 * info.go's clientInfo: newClientVersion(context, nil) leaves APIVersion and DefaultAPIVersion
 * empty (only the pretty format fills in the API version). ListPlugins gives the plugin
 * binaries' metadata (SchemaVersion 0.1.0, vendor, version, and the command's Short text).
 */
export function clientInfoData({ client, debug }: ClientInfoFacts): Record<string, unknown> {
  return {
    Debug: debug,
    Platform: client.platformName === '' ? null : { Name: client.platformName },
    Version: client.version,
    APIVersion: '',
    DefaultAPIVersion: '',
    GitCommit: client.gitCommit,
    GoVersion: client.goVersion,
    Os: client.os,
    Arch: client.arch,
    BuildTime: client.buildTime,
    Context: client.context,
    // formatInfo turns a nil Plugins into an empty slice, so it is never null here.
    Plugins: INSTALLED_PLUGINS.map((plugin) => ({
      SchemaVersion: '0.1.0',
      Vendor: plugin.vendor,
      Version: plugin.version,
      ShortDescription: plugin.shortDescription,
      URL: '',
      Name: plugin.name,
      Path: plugin.path,
      Err: null,
      ShadowedPaths: null,
    })),
    Warnings: null,
  };
}

/**
 * The dockerInfo a template sees. `info` is the daemon's answer, or null when it was not asked
 * or did not answer: docker then keeps the empty `&system.Info{}` it started with.
 */
export function dockerInfoData(
  clientInfo: Record<string, unknown>,
  info: SystemInfo | null,
  serverErrors: readonly string[],
): Record<string, unknown> {
  const decoded = fromJson(systemInfoType, info === null ? {} : { ...info });
  const server = isRecord(decoded) ? decoded : {};
  return {
    Info: server,
    ...server,
    ServerErrors: serverErrors.length === 0 ? null : [...serverErrors],
    UserName: '',
    ClientInfo: clientInfo,
    ClientErrors: null,
  };
}

/** The data needsServerInfo executes the template against. */
export function sparseInfoData(clientInfo: Record<string, unknown>): Record<string, unknown> {
  return { ClientInfo: clientInfo, ClientErrors: null };
}
