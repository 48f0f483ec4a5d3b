import type { DNSConfig, Mount, Ulimit } from '../../../../api/service';
import type { PortConfig } from '../../../../api/task';
import { CliError } from '../../../command/errors';
import { envKey, sortedRecord, swarmHosts } from './parts';

/**
 * The list and map edits of docker's updateService (cli/command/service/update.go): how each
 * `--x-add` / `--x-rm` pair changes what the spec already has. Where docker builds a Go map and
 * walks it (random order), the result here keeps the existing order and appends new entries.
 */

function sortStrings(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** removeDuplicates: first occurrence kept. */
export function withoutDuplicates(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** updateLabels and updateContainerLabels: remove keys (only from a map that exists), then add. */
export function editLabels(
  labels: Readonly<Record<string, string>> | undefined,
  remove: readonly string[] | null,
  add: readonly string[] | null,
): Readonly<Record<string, string>> | undefined {
  if (remove === null && add === null) return labels;
  const map = new Map(Object.entries(labels ?? {}));
  if (labels !== undefined && remove !== null) for (const key of remove) map.delete(key);
  if (labels === undefined && add === null) return undefined;
  for (const value of add ?? []) {
    const equals = value.indexOf('=');
    map.set(equals < 0 ? value : value.slice(0, equals), equals < 0 ? '' : value.slice(equals + 1));
  }
  return sortedRecord(map);
}

/** updateSysCtls: like labels, but a removal may be given as `key=value`. */
export function editSysctls(
  sysctls: Readonly<Record<string, string>> | undefined,
  remove: readonly string[] | null,
  add: readonly string[] | null,
): Readonly<Record<string, string>> | undefined {
  return editLabels(sysctls, remove?.map(envKey) ?? null, add);
}

/** updateEnvironment: removals by key always applied, then additions replace by key. */
export function editEnv(
  env: readonly string[] | undefined,
  remove: readonly string[] | null,
  add: readonly string[] | null,
): string[] {
  const removed = new Set(remove ?? []);
  const kept = (env ?? []).filter((item) => !removed.has(envKey(item)));
  if (add === null) return kept;
  const byKey = new Map(kept.map((item) => [envKey(item), item]));
  for (const item of add) byKey.set(envKey(item), item);
  return [...byKey.values()];
}

/** updateMounts: added mounts replace by target, removals by target, sorted by source then target. */
export function editMounts(
  mounts: readonly Mount[] | undefined,
  remove: readonly string[] | null,
  add: readonly Mount[] | null,
): Mount[] {
  const byTarget = new Map<string, Mount>();
  for (const mount of add ?? []) {
    const target = mount.Target ?? '';
    if (byTarget.has(target)) throw new CliError('duplicate mount target');
    byTarget.set(target, mount);
  }
  for (const mount of mounts ?? []) {
    const target = mount.Target ?? '';
    if (!byTarget.has(target)) byTarget.set(target, mount);
  }
  const removed = new Set(remove ?? []);
  return [...byTarget.values()]
    .filter((mount) => !removed.has(mount.Target ?? ''))
    .sort((a, b) => {
      const [x, y] =
        a.Source === b.Source ? [a.Target ?? '', b.Target ?? ''] : [a.Source ?? '', b.Source ?? ''];
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** updateUlimits: by name, removals (`name` or `name=…`) then additions; sorted; none is nil. */
export function editUlimits(
  ulimits: readonly Ulimit[] | undefined,
  remove: readonly string[] | null,
  add: readonly Ulimit[] | null,
): Ulimit[] | undefined {
  const byName = new Map((ulimits ?? []).map((ulimit) => [ulimit.Name, ulimit]));
  for (const name of remove?.map(envKey) ?? []) byName.delete(name);
  for (const ulimit of add ?? []) byName.set(ulimit.Name, ulimit);
  if (byName.size === 0) return undefined;
  return [...byName.values()].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/** updatePlacementConstraints and updateGroups: add, remove exact strings, sort. */
export function editSortedList(
  values: readonly string[] | undefined,
  remove: readonly string[] | null,
  add: readonly string[] | null,
): string[] {
  const removed = new Set(remove ?? []);
  return sortStrings([...(values ?? []), ...(add ?? [])].filter((value) => !removed.has(value)));
}

/** updateDNSConfig: each list gets its additions, loses duplicates and removals, and is sorted. */
export function editDns(
  config: DNSConfig | undefined,
  edits: Readonly<
    Record<
      'Nameservers' | 'Search' | 'Options',
      { remove: readonly string[] | null; add: readonly string[] | null }
    >
  >,
): DNSConfig {
  const edited = (key: 'Nameservers' | 'Search' | 'Options'): string[] => {
    const { remove, add } = edits[key];
    const removed = new Set(remove ?? []);
    const values = withoutDuplicates([...(config?.[key] ?? []), ...(add ?? [])]);
    return sortStrings(values.filter((value) => !removed.has(value)));
  };
  const nameservers = edited('Nameservers');
  const search = edited('Search');
  const options = edited('Options');
  return {
    ...(nameservers.length === 0 ? {} : { Nameservers: nameservers }),
    ...(search.length === 0 ? {} : { Search: search }),
    ...(options.length === 0 ? {} : { Options: options }),
  };
}

/**
 * updateHosts: `host` removes that name from every entry, `host:ip` only from entries of that
 * address; an entry left without names goes; additions are appended in swarmkit's `ip host`
 * form; duplicates removed.
 */
export function editHosts(
  hosts: readonly string[] | undefined,
  remove: readonly string[] | null,
  add: readonly string[] | null,
): string[] {
  const removals = (remove ?? []).map((entry) => {
    const colon = entry.indexOf(':');
    return colon < 0
      ? { host: entry, ip: '' }
      : { host: entry.slice(0, colon), ip: entry.slice(colon + 1) };
  });
  const kept: string[] = [];
  for (const entry of hosts ?? []) {
    const [ip, ...names] = entry.split(/\s+/).filter((part) => part !== '');
    if (ip === undefined) continue;
    const left = names.filter(
      (name) =>
        !removals.some(
          (removal) => (removal.ip === '' || removal.ip === ip) && removal.host === name,
        ),
    );
    if (left.length > 0) kept.push(`${ip} ${left.join(' ')}`);
  }
  return withoutDuplicates([...kept, ...swarmHosts(add ?? [])]);
}

/** portConfigToString: the key docker dedupes and sorts published ports by. */
function portKey(port: PortConfig): string {
  return `${port.PublishedPort ?? 0}:${port.TargetPort ?? 0}/${port.Protocol ?? ''}/${port.PublishMode ?? ''}`;
}

function sameProtocol(a: PortConfig['Protocol'], b: PortConfig['Protocol']): boolean {
  return (a ?? 'tcp') === (b ?? 'tcp');
}

function sameMode(a: PortConfig['PublishMode'], b: PortConfig['PublishMode']): boolean {
  return (a ?? 'ingress') === (b ?? 'ingress');
}

/**
 * updatePorts: `--publish-rm` matches the target port (and protocol and mode), `--publish-add`
 * adds a port unless the service had exactly that one before the removals, and the result is
 * sorted by docker's `published:target/protocol/mode` text.
 */
export function editPorts(
  ports: readonly PortConfig[] | undefined,
  remove: readonly PortConfig[],
  add: readonly PortConfig[] | null,
): PortConfig[] {
  const existing = new Map<string, PortConfig>();
  for (const port of ports ?? [])
    if (!existing.has(portKey(port))) existing.set(portKey(port), port);
  const kept = [...existing.values()].filter(
    (port) =>
      !remove.some(
        (removal) =>
          sameProtocol(port.Protocol, removal.Protocol) &&
          (port.TargetPort ?? 0) === (removal.TargetPort ?? 0) &&
          sameMode(port.PublishMode, removal.PublishMode),
      ),
  );
  const added = (add ?? []).filter((port) => !existing.has(portKey(port)));
  return [...kept, ...added].sort((a, b) => {
    const [x, y] = [portKey(a), portKey(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
