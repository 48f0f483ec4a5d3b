/**
 * The loader's transforms (createTransformHook in cli/compose/loader/loader.go, 27.5.1): how a
 * validated dict value becomes a typed field. Each reads a value the schema has already
 * checked; a value of another shape is treated as absent rather than trusted.
 */
import { ComposeError } from '../errors';
import { resolvePath } from '../../../lib/filesystem/paths';
import { parseGoFloat } from '../../flags/go-strconv';
import { parseGoDuration } from '../../flags/go-duration';
import { shlexSplit } from '../../commands/service/opts/shlex';
import { parseShortPort } from '../../commands/service/opts/port';
import { goSprint, isDict, isList, type Dict, type DictValue } from '../types/dict';
import type { External, ServicePortConfig, UlimitsConfig } from '../types/types';

export function str(value: DictValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: DictValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function bool(value: DictValue | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function dict(value: DictValue | undefined): Dict | undefined {
  return isDict(value) ? value : undefined;
}

/** A plain `[]string`: the items as mapstructure decodes them. */
export function strings(value: DictValue | undefined): string[] | undefined {
  return isList(value)
    ? value.map((item) => (typeof item === 'string' ? item : goSprint(item)))
    : undefined;
}

/** StringList: one string or a list of them. */
export function stringList(value: DictValue | undefined): string[] | undefined {
  return typeof value === 'string' ? [value] : strings(value);
}

/** StringOrNumberList (`expose`): every item as `%v` prints it. */
export function stringOrNumberList(value: DictValue | undefined): string[] | undefined {
  return isList(value) ? value.map(goSprint) : undefined;
}

/** ShellCommand: a string is split as a POSIX shell would (google/shlex). */
export function shellCommand(value: DictValue | undefined): string[] | undefined {
  return typeof value === 'string' ? shlexSplit(value) : strings(value);
}

/** HealthCheckTest: a string runs in a shell. */
export function healthCheckTest(value: DictValue | undefined): string[] | undefined {
  return typeof value === 'string' ? ['CMD-SHELL', value] : strings(value);
}

function toText(value: DictValue, allowNil: boolean): string | null {
  if (value !== null) return goSprint(value);
  return allowNil ? null : '';
}

/** map[string]string: values as `%v` prints them, null as ''. */
export function mapStringString(value: DictValue | undefined): Record<string, string> | undefined {
  if (!isDict(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toText(item, false) ?? '';
  return out;
}

/**
 * transformMappingOrList: a mapping, or a list of `key<sep>value` strings. With `allowNil`
 * (MappingWithEquals: `environment`, build args) a key with no separator maps to null.
 */
export function mappingOrList(
  value: DictValue | undefined,
  sep: string,
  allowNil: true,
): Record<string, string | null> | undefined;
export function mappingOrList(
  value: DictValue | undefined,
  sep: string,
  allowNil: false,
): Record<string, string> | undefined;
export function mappingOrList(
  value: DictValue | undefined,
  sep: string,
  allowNil: boolean,
): Record<string, string | null> | undefined {
  if (isDict(value)) {
    const out: Record<string, string | null> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toText(item, allowNil);
    return out;
  }
  if (!isList(value)) return undefined;
  const out: Record<string, string | null> = {};
  for (const item of value) {
    const text = typeof item === 'string' ? item : goSprint(item);
    const at = text.indexOf(sep);
    if (at < 0) out[text] = allowNil ? null : '';
    else out[text.slice(0, at)] = text.slice(at + sep.length);
  }
  return out;
}

/** HostsList (`extra_hosts`): `host:ip` strings, from a mapping or `host=ip`/`host:ip` items. */
export function hostsList(value: DictValue | undefined): string[] | undefined {
  let pairs: string[];
  if (isDict(value)) {
    pairs = Object.entries(value)
      .filter(([, ip]) => ip !== null)
      .map(([host, ip]) => `${host}:${goSprint(ip)}`)
      .sort();
  } else if (isList(value)) {
    pairs = [];
    for (const item of value) {
      const text = goSprint(item);
      const sep = text.includes('=') ? '=' : text.includes(':') ? ':' : null;
      if (sep === null) continue;
      const at = text.indexOf(sep);
      pairs.push(`${text.slice(0, at)}:${text.slice(at + 1)}`);
    }
  } else {
    return undefined;
  }
  return pairs.map((pair) => {
    const at = pair.indexOf(':');
    const host = at < 0 ? pair : pair.slice(0, at);
    let ip = at < 0 ? '' : pair.slice(at + 1);
    if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    return `${host}:${ip}`;
  });
}

/** Duration: Go's time.ParseDuration text, as nanoseconds. */
export function duration(value: DictValue | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new ComposeError(`invalid type ${goTypeName(value)} for duration`);
  }
  return Number(parseGoDuration(value));
}

const BINARY_UNITS: ReadonlyMap<string, number> = new Map([
  ['k', 1024],
  ['m', 1024 ** 2],
  ['g', 1024 ** 3],
  ['t', 1024 ** 4],
  ['p', 1024 ** 5],
]);

/**
 * go-units RAMInBytes as docker/cli 27.5.1 vendors it (size.go's parseSize): a number, an
 * optional space, and a binary suffix with an optional `b` or `ib`, with its two error texts.
 */
export function ramInBytes(text: string): number {
  let sep = -1;
  for (let index = text.length - 1; index >= 0; index--) {
    if ('01234567890. '.includes(text.charAt(index))) {
      sep = index;
      break;
    }
  }
  if (sep === -1) throw new ComposeError(`invalid size: '${text}'`);
  const spaced = text.charAt(sep) === ' ';
  const number = spaced ? text.slice(0, sep) : text.slice(0, sep + 1);
  let suffix = text.slice(sep + 1);
  const size = parseGoFloat(number);
  if (size < 0) throw new ComposeError(`invalid size: '${text}'`);
  if (suffix === '') return Math.trunc(size);
  const bad = (): ComposeError => new ComposeError(`invalid suffix: '${suffix}'`);
  if (suffix.length > 3) throw bad();
  suffix = suffix.toLowerCase();
  if (suffix.startsWith('b')) {
    if (suffix.length > 1) throw bad();
    return Math.trunc(size);
  }
  const multiplier = BINARY_UNITS.get(suffix.charAt(0));
  if (multiplier === undefined) throw bad();
  if (suffix.length === 2 && suffix.charAt(1) !== 'b') throw bad();
  if (suffix.length === 3 && suffix.slice(1) !== 'ib') throw bad();
  return Math.trunc(size * multiplier);
}

/** UnitBytes: an integer, or go-units' RAMInBytes text (`512M`). */
export function unitBytes(value: DictValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return ramInBytes(value);
  return undefined;
}

/** External: `true`, or (deprecated) `{name: …}`, which means external with that name. */
export function external(value: DictValue | undefined): External | undefined {
  if (typeof value === 'boolean') return { external: value };
  if (isDict(value)) {
    const name = str(value['name']);
    return { external: true, ...(name === undefined ? {} : { name }) };
  }
  return undefined;
}

export function ulimit(value: DictValue): UlimitsConfig {
  if (typeof value === 'number') return { single: value };
  const limits = dict(value) ?? {};
  return { soft: num(limits['soft']) ?? 0, hard: num(limits['hard']) ?? 0 };
}

/** Go's `%T` of a decoded YAML value, for the loader's "invalid type" texts. */
export function goTypeName(value: DictValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  return isList(value) ? '[]interface {}' : 'map[string]interface {}';
}

/**
 * transformServicePort: each short item (`"8080:80/udp"`, `80`) through nat.ParsePortSpecs and
 * opts.ConvertPortToPortConfig, sorted by the `port/proto` key as docker sorts them; a long item
 * as written.
 */
export function servicePorts(value: DictValue | undefined): ServicePortConfig[] | undefined {
  if (!isList(value)) return undefined;
  const ports: ServicePortConfig[] = [];
  for (const item of value) {
    if (typeof item === 'number' || typeof item === 'string') {
      const parsed = parseShortPort(goSprint(item), 'ignore')
        .map((port) => ({ port, key: `${port.TargetPort ?? 0}/${port.Protocol ?? 'tcp'}` }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const { port } of parsed) {
        ports.push({
          mode: port.PublishMode ?? 'ingress',
          target: port.TargetPort ?? 0,
          ...(port.PublishedPort === undefined ? {} : { published: port.PublishedPort }),
          protocol: port.Protocol ?? 'tcp',
        });
      }
    } else if (isDict(item)) {
      const mode = str(item['mode']);
      const target = num(item['target']);
      const published = num(item['published']);
      const protocol = str(item['protocol']);
      ports.push({
        ...(mode === undefined ? {} : { mode }),
        ...(target === undefined ? {} : { target }),
        ...(published === undefined ? {} : { published }),
        ...(protocol === undefined ? {} : { protocol }),
      });
    } else {
      throw new ComposeError(`invalid type ${goTypeName(item)} for port`);
    }
  }
  return ports;
}

/** absPath: a path relative to the compose file's directory. */
export function absPath(workingDir: string, path: string): string {
  return path.startsWith('/') ? path : resolvePath(path, workingDir);
}

/** The `x-` keys of a mapping, or nothing when it has none. */
export function extrasOf(value: Dict): Dict | undefined {
  const extras = Object.entries(value).filter(([key]) => key.startsWith('x-'));
  return extras.length === 0 ? undefined : Object.fromEntries(extras);
}
