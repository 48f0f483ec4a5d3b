import { isFallbackZero, InvalidValueError, type FlagValue } from './value';

/**
 * The flag values docker adds on top of pflag (docker/cli `opts/`): repeatable lists, key=value
 * maps, filters, byte sizes, and custom types that only validate their text.
 */

/** Returns the (possibly normalised) value or throws InvalidValueError with docker's text. */
export type Validator = (raw: string) => string;

/** docker's ListOpts: repeatable, in order; help names it `list`. */
export class ListValue implements FlagValue {
  readonly values: string[] = [];
  constructor(
    private readonly validator?: Validator,
    private readonly typeName = 'list',
  ) {}
  set(raw: string): void {
    this.values.push(this.validator === undefined ? raw : this.validator(raw));
  }
  type(): string {
    return this.typeName;
  }
  /** Go's `%v` of the slice, but empty when unset, so help shows no default. */
  toString(): string {
    return this.values.length === 0 ? '' : `[${this.values.join(' ')}]`;
  }
}

/** docker's MapOpts: repeatable `key=value`; a later key wins. Help shows `(default map[])`. */
export class MapValue implements FlagValue {
  readonly values = new Map<string, string>();
  constructor(private readonly validator?: Validator) {}
  set(raw: string): void {
    const text = this.validator === undefined ? raw : this.validator(raw);
    const equals = text.indexOf('=');
    if (equals < 0) this.values.set(text, '');
    else this.values.set(text.slice(0, equals), text.slice(equals + 1));
  }
  type(): string {
    return 'map';
  }
  /** Go prints maps with sorted keys: `map[a:1 b:2]`. */
  toString(): string {
    const entries = [...this.values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([key, value]) => `${key}:${value}`).join(' ')}]`;
  }
  isZeroDefault(): boolean {
    return false;
  }
}

/** docker's FilterOpt: `name=value`, names lower-cased and both sides trimmed; help says `filter`. */
export class FilterValue implements FlagValue {
  readonly filters = new Map<string, string[]>();
  set(raw: string): void {
    if (raw === '') return;
    const equals = raw.indexOf('=');
    if (equals < 0) throw new InvalidValueError('bad format of filter (expected name=value)');
    const name = raw.slice(0, equals).trim().toLowerCase();
    const value = raw.slice(equals + 1).trim();
    const values = this.filters.get(name) ?? [];
    if (!values.includes(value)) values.push(value);
    this.filters.set(name, values);
  }
  type(): string {
    return 'filter';
  }
  toString(): string {
    if (this.filters.size === 0) return '';
    const entries = [...this.filters.entries()].map(
      ([name, values]) => [name, Object.fromEntries(values.map((value) => [value, true]))] as const,
    );
    return JSON.stringify(Object.fromEntries(entries));
  }
}

/** pflag's stringSlice: comma-separated; the first use replaces the default. Help says `strings`. */
export class StringSliceValue implements FlagValue {
  private changed = false;
  constructor(public values: string[] = []) {}
  set(raw: string): void {
    const parsed = raw === '' ? [] : raw.split(',');
    this.values = this.changed ? [...this.values, ...parsed] : parsed;
    this.changed = true;
  }
  type(): string {
    return 'stringSlice';
  }
  toString(): string {
    return `[${this.values.join(',')}]`;
  }
  isZeroDefault(defaultText: string): boolean {
    return defaultText === '[]';
  }
}

const RAM_UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['m', 1024 ** 2],
  ['g', 1024 ** 3],
  ['t', 1024 ** 4],
  ['p', 1024 ** 5],
]);

/** go-units RAMInBytes: `512m`, `1g`, `1.5GB`, binary multiples, case-insensitive. */
export function parseRamInBytes(raw: string): number {
  const match = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(raw);
  const multiplier = RAM_UNITS.get((match?.[2] ?? '').toLowerCase());
  if (match === null || multiplier === undefined) {
    throw new InvalidValueError(`invalid size: '${raw}'`);
  }
  return Math.trunc(Number(match[1]) * multiplier);
}

/** docker's MemBytes (`--limit-memory`, `--shm-size`); help says `bytes`. */
export class MemBytesValue implements FlagValue {
  constructor(public value = 0) {}
  set(raw: string): void {
    this.value = parseRamInBytes(raw);
  }
  type(): string {
    return 'bytes';
  }
  toString(): string {
    return this.value === 0 ? '0' : String(this.value);
  }
}

/**
 * A docker custom value that keeps its text (mount, port, secret, network, ...). Its type name
 * is what help shows; the optional validator gives docker's own error for a bad value.
 */
export class TextValue implements FlagValue {
  readonly values: string[] = [];
  constructor(
    private readonly typeName: string,
    private readonly defaultText = '',
    private readonly validator?: Validator,
  ) {}
  set(raw: string): void {
    this.values.push(this.validator === undefined ? raw : this.validator(raw));
  }
  type(): string {
    return this.typeName;
  }
  toString(): string {
    return this.values.length === 0 ? this.defaultText : this.values.join(',');
  }
  isZeroDefault(defaultText: string): boolean {
    return isFallbackZero(defaultText);
  }
}

/** One `--network` of a service (docker/cli opts `NetworkAttachmentOpts`, the fields swarm uses). */
export interface NetworkAttachmentOpts {
  readonly target: string;
  /** Null for the short form, which sends none; the long form always sends a list. */
  readonly aliases: readonly string[] | null;
  readonly driverOpts: Readonly<Record<string, string>> | null;
}

/**
 * docker's NetworkOpt: `NAME`, or the long form `name=…,alias=…,driver-opt=k=v` (any field
 * `k=v` makes it long: docker matches `\w+=\w+` anywhere). The long form's fields are lower-cased
 * whole, values too, as docker does.
 */
export class NetworkOptValue implements FlagValue {
  readonly values: NetworkAttachmentOpts[] = [];
  set(raw: string): void {
    if (!/\w+=\w+(,\w+=\w+)*/.test(raw)) {
      this.values.push({ target: raw, aliases: null, driverOpts: null });
      return;
    }
    let target = '';
    const aliases: string[] = [];
    let driverOpts: Record<string, string> | null = null;
    for (const field of raw.split(',')) {
      const lower = field.toLowerCase();
      const equals = lower.indexOf('=');
      if (equals <= 0) throw new InvalidValueError(`invalid field ${field}`);
      const key = lower.slice(0, equals).trim();
      const value = lower.slice(equals + 1).trim();
      switch (key) {
        case 'name':
          target = value;
          break;
        case 'alias':
          aliases.push(value);
          break;
        case 'ip':
        case 'ip6':
        case 'mac-address':
        case 'link-local-ip':
          // Standalone containers' fields: a service's attachment does not carry them.
          break;
        case 'driver-opt': {
          const cut = value.indexOf('=');
          if (cut <= 0) {
            throw new InvalidValueError('invalid key value pair format in driver options');
          }
          driverOpts ??= {};
          driverOpts[value.slice(0, cut).trim()] = value.slice(cut + 1).trim();
          break;
        }
        default:
          throw new InvalidValueError(`invalid field key ${key}`);
      }
    }
    if (target === '') throw new InvalidValueError('network name/id is not specified');
    this.values.push({ target, aliases, driverOpts });
  }
  type(): string {
    return 'network';
  }
  toString(): string {
    return '';
  }
}
