import type {
  ContainerSpec,
  HealthConfig,
  ResourceRequirements,
  Service,
  TaskSpec,
  UpdateConfig,
} from '../../../api/service';
import { formatGoDuration } from '../../flags';
import { elapsedMs } from '../../format/elapsed';
import { bytesSize, humanDuration } from '../../format/renderers';
import { formatFloat } from '../../../lib/template/numbers';

/**
 * `docker service inspect --pretty` (docker's serviceInspectPrettyTemplate at 27.5.1), written
 * out line by line. The text has literal TAB characters and no tabwriter; it starts with an
 * empty line, and the CLI adds one more newline after each service.
 */

/** Go's range over a map: keys in sorted order. */
function sortedEntries(map: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** fmt's %v of a []string: `[a b]`. */
function goSlice(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

function duration(nanoseconds: number | undefined): string {
  return formatGoDuration(BigInt(nanoseconds ?? 0));
}

function float(value: number): string {
  return formatFloat(value, 'g', -1);
}

function modeLines(service: Service): string[] {
  const mode = service.Spec.Mode;
  if (mode.Global !== undefined) return ['Service Mode:\tGlobal'];
  if (mode.Replicated === undefined) return ['Service Mode:'];
  const replicas = mode.Replicated.Replicas;
  return [
    'Service Mode:\tReplicated',
    ...(replicas === undefined ? [] : [` Replicas:\t${replicas}`]),
  ];
}

function updateStatusLines(service: Service, nowMs: number): string[] {
  const status = service.UpdateStatus;
  if (status?.State === undefined) return [];
  const ago = (at: string): string => `${humanDuration(elapsedMs(at, nowMs))} ago`;
  return [
    'UpdateStatus:',
    ` State:\t\t${status.State}`,
    ...(status.StartedAt === undefined ? [] : [` Started:\t${ago(status.StartedAt)}`]),
    ...(status.State === 'completed' && status.CompletedAt !== undefined
      ? [` Completed:\t${ago(status.CompletedAt)}`]
      : []),
    ` Message:\t${status.Message ?? ''}`,
  ];
}

function placementLines(template: TaskSpec): string[] {
  const placement = template.Placement;
  const constraints = placement?.Constraints ?? [];
  const preferences = (placement?.Preferences ?? []).map(
    (preference) => `spread=${preference.Spread.SpreadDescriptor}`,
  );
  const maxReplicas = placement?.MaxReplicas ?? 0;
  return [
    'Placement:',
    ...(constraints.length === 0 ? [] : [` Constraints:\t${goSlice(constraints)}`]),
    ...(preferences.length === 0 ? [] : [` Preferences:   ${goSlice(preferences)}`]),
    ...(maxReplicas === 0 ? [] : [` Max Replicas Per Node:   ${maxReplicas}`]),
  ];
}

function updateConfigLines(
  title: string,
  order: string,
  config: UpdateConfig | undefined,
): string[] {
  if (config === undefined) return [];
  return [
    `${title}:`,
    ` Parallelism:\t${config.Parallelism}`,
    ...((config.Delay ?? 0) > 0 ? [` Delay:\t\t${duration(config.Delay)}`] : []),
    ` On failure:\t${config.FailureAction ?? ''}`,
    ...((config.Monitor ?? 0) > 0 ? [` Monitoring Period: ${duration(config.Monitor)}`] : []),
    ` Max failure ratio: ${float(config.MaxFailureRatio)}`,
    ` ${order}${config.Order}`,
  ];
}

function containerLines(container: ContainerSpec): string[] {
  const args = container.Args ?? [];
  const env = container.Env ?? [];
  return [
    'ContainerSpec:',
    ` Image:\t\t${container.Image ?? ''}`,
    ...(args.length === 0 ? [] : [` Args:\t\t${args.map((arg) => `${arg} `).join('')}`]),
    ...(env.length === 0 ? [] : [` Env:\t\t${env.map((item) => `${item} `).join('')}`]),
    ...((container.Dir ?? '') === '' ? [] : [` Dir:\t\t${container.Dir ?? ''}`]),
    ...(container.Init === undefined ? [] : [` Init:\t\t${String(container.Init)}`]),
    ...((container.User ?? '') === '' ? [] : [` User: ${container.User ?? ''}`]),
  ];
}

function kernelLines(container: ContainerSpec): string[] {
  const add = container.CapabilityAdd ?? [];
  const drop = container.CapabilityDrop ?? [];
  const sysctls = sortedEntries(container.Sysctls);
  const ulimits = sortedEntries(
    Object.fromEntries((container.Ulimits ?? []).map((u) => [u.Name, `${u.Soft}:${u.Hard}`])),
  );
  return [
    ...(add.length + drop.length === 0
      ? []
      : [
          'Capabilities:',
          ...(add.length === 0 ? [] : [` Add: ${add.join(', ')}`]),
          ...(drop.length === 0 ? [] : [` Drop: ${drop.join(', ')}`]),
        ]),
    ...(sysctls.length === 0
      ? []
      : [
          'SysCtls:',
          ...sysctls.map(([key, value]) => ` ${key}${value === '' ? '' : `: ${value}`}`),
        ]),
    ...(ulimits.length === 0
      ? []
      : ['Ulimits:', ...ulimits.map(([name, limits]) => ` ${name}: ${limits}`)]),
  ];
}

function referenceLines(container: ContainerSpec): string[] {
  const mounts = container.Mounts ?? [];
  const configs = container.Configs ?? [];
  const secrets = container.Secrets ?? [];
  return [
    ...(mounts.length === 0 ? [] : ['Mounts:']),
    ...mounts.flatMap((mount) => [
      ` Target:\t${mount.Target ?? ''}`,
      `  Source:\t${mount.Source ?? ''}`,
      `  ReadOnly:\t${String(mount.ReadOnly ?? false)}`,
      `  Type:\t\t${mount.Type ?? ''}`,
    ]),
    ...(configs.length === 0 ? [] : ['Configs:']),
    ...configs.flatMap((config) => [
      ` Target:\t${config.File?.Name ?? ''}`,
      `  Source:\t${config.ConfigName}`,
    ]),
    ...(secrets.length === 0 ? [] : ['Secrets:']),
    ...secrets.flatMap((secret) => [
      ` Target:\t${secret.File?.Name ?? ''}`,
      `  Source:\t${secret.SecretName}`,
    ]),
  ];
}

/** The log driver block ends in a newline of its own, so an empty line follows it. */
function logDriverLines(template: TaskSpec): string[] {
  const driver = template.LogDriver;
  if (driver === undefined) return [];
  const options = sortedEntries(driver.Options);
  return [
    'Log Driver:',
    ...(driver.Name === '' ? [] : [` Name:\t\t${driver.Name}`]),
    ...(options.length === 0
      ? []
      : [
          ' LogOpts:',
          ...options.map(([key, value]) => `  ${key}${value === '' ? '' : `:       ${value}`}`),
        ]),
    '',
  ];
}

function reservationLines(resources: ResourceRequirements): string[] {
  const cpu = (resources.Reservations?.NanoCPUs ?? 0) / 1e9;
  const memory = resources.Reservations?.MemoryBytes ?? 0;
  if (cpu <= 0 && memory <= 0) return [];
  return [
    ' Reservations:',
    ...(cpu > 0 ? [`  CPU:\t\t${float(cpu)}`] : []),
    ...(memory > 0 ? [`  Memory:\t${bytesSize(memory)}`] : []),
  ];
}

function limitLines(resources: ResourceRequirements): string[] {
  const cpu = (resources.Limits?.NanoCPUs ?? 0) / 1e9;
  const memory = resources.Limits?.MemoryBytes ?? 0;
  if (cpu <= 0 && memory <= 0 && (resources.Limits?.Pids ?? 0) <= 0) return [];
  return [
    ' Limits:',
    ...(cpu > 0 ? [`  CPU:\t\t${float(cpu)}`] : []),
    ...(memory > 0 ? [`  Memory:\t${bytesSize(memory)}`] : []),
  ];
}

/** Resources: the PIDs line follows the block, even when there is no Limits heading. */
function resourceLines(template: TaskSpec): string[] {
  const resources = template.Resources;
  const pids = resources?.Limits?.Pids ?? 0;
  return [
    ...(resources === undefined
      ? []
      : ['Resources:', ...reservationLines(resources), ...limitLines(resources)]),
    ...(pids > 0 ? [`  PIDs:\t\t${pids}`] : []),
  ];
}

/** Networks by ID: the names are not looked up (no network API), so the IDs show, as on a failed lookup. */
function endpointLines(service: Service): string[] {
  const networks = (service.Spec.TaskTemplate.Networks ?? []).map(
    (network) => network.Target ?? '',
  );
  const ports = service.Endpoint.Ports ?? [];
  const portLines = ports.map((port, index) =>
    [
      ` PublishedPort = ${port.PublishedPort ?? 0}`,
      `  Protocol = ${port.Protocol ?? ''}`,
      `  TargetPort = ${port.TargetPort ?? 0}`,
      `  PublishMode = ${port.PublishMode ?? ''}${index === ports.length - 1 ? ' ' : ''}`,
    ].join('\n'),
  );
  return [
    ...(networks.length === 0 ? [] : [`Networks:${networks.map((name) => ` ${name}`).join('')} `]),
    `Endpoint Mode:\t${service.Spec.EndpointSpec?.Mode ?? ''}`,
    ...(ports.length === 0 ? [] : ['Ports:', ...portLines]),
  ];
}

function healthLines(health: HealthConfig | undefined): string[] {
  if (health === undefined) return [];
  const tests = health.Test ?? [];
  const testLines = tests.map(
    (test, index) => `\t Test = ${test}${index === tests.length - 1 ? ' ' : ''}`,
  );
  return [
    ' Healthcheck:',
    `  Interval = ${duration(health.Interval)}`,
    `  Retries = ${health.Retries ?? 0}`,
    `  StartPeriod =\t${duration(health.StartPeriod)}`,
    `  Timeout =\t${duration(health.Timeout)}`,
    ...(tests.length === 0 ? [] : ['  Tests:', ...testLines]),
  ];
}

/** One service's text, its leading empty line and the CLI's extra newline included. */
export function prettyService(service: Service, nowMs: number): string {
  const spec = service.Spec;
  const template = spec.TaskTemplate;
  const container = template.ContainerSpec ?? {};
  const labels = sortedEntries(spec.Labels);
  const lines = [
    '',
    `ID:\t\t${service.ID}`,
    `Name:\t\t${spec.Name}`,
    ...(labels.length === 0
      ? []
      : ['Labels:', ...labels.map(([key, value]) => ` ${key}${value === '' ? '' : `=${value}`}`)]),
    ...modeLines(service),
    ...updateStatusLines(service, nowMs),
    ...placementLines(template),
    ...updateConfigLines('UpdateConfig', 'Update order:      ', spec.UpdateConfig),
    ...updateConfigLines('RollbackConfig', 'Rollback order:    ', spec.RollbackConfig),
    ...containerLines(container),
    ...kernelLines(container),
    ...referenceLines(container),
    ...logDriverLines(template),
    ...resourceLines(template),
    ...endpointLines(service),
    ...healthLines(container.Healthcheck),
  ];
  return `${lines.join('\n')}\n\n`;
}
