import type { Mount } from '../../../../api/service';
import { InvalidValueError, parseRamInBytes, type FlagValue } from '../../../flags';
import { parseGoBool } from '../../../flags/go-strconv';
import { readCsvRecord } from './csv';

/**
 * docker's MountOpt (opts/mount.go at 27.5.1): `--mount` and `--mount-add`, CSV `key=value`
 * fields, `type=volume` by default, the option blocks of moby's mount.Mount built as docker
 * builds them (a volume option makes `VolumeOptions` with an empty `DriverConfig`).
 */
interface MountDraft {
  type: string;
  source?: string;
  target?: string;
  readOnly?: boolean;
  consistency?: string;
  bind?: Record<string, unknown>;
  volume?: { NoCopy?: boolean; Labels: Record<string, string>; Subpath?: string };
  driver?: { Name?: string; Options?: Record<string, string> };
  tmpfs?: Record<string, unknown>;
}

function bindOptions(draft: MountDraft): Record<string, unknown> {
  draft.bind ??= {};
  return draft.bind;
}

function volumeOptions(draft: MountDraft): NonNullable<MountDraft['volume']> {
  draft.volume ??= { Labels: {} };
  draft.driver ??= {};
  return draft.volume;
}

function driverConfig(draft: MountDraft): NonNullable<MountDraft['driver']> {
  volumeOptions(draft);
  draft.driver ??= {};
  return draft.driver;
}

function tmpfsOptions(draft: MountDraft): Record<string, unknown> {
  draft.tmpfs ??= {};
  return draft.tmpfs;
}

function boolOf(key: string, value: string): boolean {
  try {
    return parseGoBool(value);
  } catch {
    throw new InvalidValueError(`invalid value for ${key}: ${value}`);
  }
}

function setOnMap(target: Record<string, string>, value: string): void {
  const equals = value.indexOf('=');
  const key = equals < 0 ? value : value.slice(0, equals);
  if (key !== '') target[key] = equals < 0 ? '' : value.slice(equals + 1);
}

/** A field with no `=`: only the three flags docker accepts bare. */
function applyBareField(draft: MountDraft, field: string): void {
  switch (field.toLowerCase()) {
    case 'readonly':
    case 'ro':
      draft.readOnly = true;
      return;
    case 'volume-nocopy':
      volumeOptions(draft).NoCopy = true;
      return;
    case 'bind-nonrecursive':
      bindOptions(draft).NonRecursive = true;
      return;
    default:
      throw new InvalidValueError(`invalid field '${field}' must be a key=value pair`);
  }
}

function applyBindRecursive(draft: MountDraft, key: string, value: string): void {
  switch (value) {
    case 'enabled':
      return;
    case 'disabled':
      bindOptions(draft).NonRecursive = true;
      return;
    case 'writable':
      bindOptions(draft).ReadOnlyNonRecursive = true;
      return;
    case 'readonly':
      bindOptions(draft).ReadOnlyForceRecursive = true;
      return;
    default:
      throw new InvalidValueError(
        `invalid value for ${key}: ${value} (must be "enabled", "disabled", "writable", or "readonly")`,
      );
  }
}

function applyOptionField(draft: MountDraft, key: string, value: string): boolean {
  switch (key) {
    case 'bind-propagation':
      bindOptions(draft).Propagation = value.toLowerCase();
      return true;
    case 'bind-nonrecursive':
      bindOptions(draft).NonRecursive = boolOf(key, value);
      return true;
    case 'bind-recursive':
      applyBindRecursive(draft, key, value);
      return true;
    case 'volume-subpath':
      volumeOptions(draft).Subpath = value;
      return true;
    case 'volume-nocopy':
      volumeOptions(draft).NoCopy = boolOf('volume-nocopy', value);
      return true;
    case 'volume-label':
      setOnMap(volumeOptions(draft).Labels, value);
      return true;
    case 'volume-driver':
      driverConfig(draft).Name = value;
      return true;
    case 'volume-opt':
      setOnMap((driverConfig(draft).Options ??= {}), value);
      return true;
    default:
      return false;
  }
}

function applyTmpfsField(draft: MountDraft, key: string, value: string, field: string): void {
  if (key === 'tmpfs-size') {
    try {
      tmpfsOptions(draft).SizeBytes = parseRamInBytes(value);
    } catch {
      throw new InvalidValueError(`invalid value for ${key}: ${value}`);
    }
    return;
  }
  if (key === 'tmpfs-mode') {
    if (!/^[0-7]+$/.test(value) || parseInt(value, 8) >= 2 ** 32) {
      throw new InvalidValueError(`invalid value for ${key}: ${value}`);
    }
    tmpfsOptions(draft).Mode = parseInt(value, 8);
    return;
  }
  throw new InvalidValueError(`unexpected key '${key}' in '${field}'`);
}

function applyField(draft: MountDraft, field: string, cwd: string): void {
  const equals = field.indexOf('=');
  if (equals < 0) {
    applyBareField(draft, field);
    return;
  }
  const key = field.slice(0, equals).toLowerCase();
  const value = field.slice(equals + 1);
  switch (key) {
    case 'type':
      draft.type = value.toLowerCase();
      return;
    case 'source':
    case 'src':
      draft.source = value === '.' || value.startsWith('./') ? absolute(cwd, value) : value;
      return;
    case 'target':
    case 'dst':
    case 'destination':
      draft.target = value;
      return;
    case 'readonly':
    case 'ro':
      draft.readOnly = boolOf(key, value);
      return;
    case 'consistency':
      draft.consistency = value.toLowerCase();
      return;
    default:
      if (!applyOptionField(draft, key, value)) applyTmpfsField(draft, key, value, field);
  }
}

/** filepath.Abs of a `./x` source against the shell's working directory. */
function absolute(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${cwd}/${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function checkOptions(draft: MountDraft): void {
  if (draft.type === '') throw new InvalidValueError('type is required');
  if ((draft.target ?? '') === '') throw new InvalidValueError('target is required');
  const mixed = (prefix: string): InvalidValueError =>
    new InvalidValueError(`cannot mix '${prefix}-*' options with mount type '${draft.type}'`);
  if (draft.volume !== undefined && draft.type !== 'volume') throw mixed('volume');
  if (draft.bind !== undefined && draft.type !== 'bind') throw mixed('bind');
  if (draft.tmpfs !== undefined && draft.type !== 'tmpfs') throw mixed('tmpfs');
  const bind = draft.bind ?? {};
  if (bind.ReadOnlyNonRecursive === true && draft.readOnly !== true) {
    throw new InvalidValueError(
      "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction",
    );
  }
  if (bind.ReadOnlyForceRecursive === true) {
    if (draft.readOnly !== true) {
      throw new InvalidValueError(
        "option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction",
      );
    }
    if (bind.Propagation !== 'rprivate') {
      throw new InvalidValueError(
        "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction",
      );
    }
  }
}

/** The keys of `record` that are set, in the order Go's struct declares them. */
function inOrder(
  record: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(keys.flatMap((key) => (key in record ? [[key, record[key]]] : [])));
}

const BIND_KEYS = [
  'Propagation',
  'NonRecursive',
  'CreateMountpoint',
  'ReadOnlyNonRecursive',
  'ReadOnlyForceRecursive',
];

/** The mount as moby's JSON has it: empty fields left out, as `omitempty` does. */
function toMount(draft: MountDraft): Mount {
  const volume =
    draft.volume === undefined
      ? undefined
      : {
          ...(draft.volume.NoCopy === true ? { NoCopy: true } : {}),
          ...(Object.keys(draft.volume.Labels).length > 0 ? { Labels: draft.volume.Labels } : {}),
          ...(draft.volume.Subpath === undefined || draft.volume.Subpath === ''
            ? {}
            : { Subpath: draft.volume.Subpath }),
          DriverConfig: inOrder(draft.driver ?? {}, ['Name', 'Options']),
        };
  // An unknown type is sent as typed; the daemon rejects it.
  return {
    Type: draft.type,
    ...(draft.source === undefined || draft.source === '' ? {} : { Source: draft.source }),
    Target: draft.target ?? '',
    ...(draft.readOnly === true ? { ReadOnly: true } : {}),
    ...(draft.consistency === undefined || draft.consistency === ''
      ? {}
      : { Consistency: draft.consistency }),
    ...(draft.bind === undefined ? {} : { BindOptions: inOrder(draft.bind, BIND_KEYS) }),
    ...(volume === undefined ? {} : { VolumeOptions: volume }),
    ...(draft.tmpfs === undefined
      ? {}
      : { TmpfsOptions: inOrder(draft.tmpfs, ['SizeBytes', 'Mode']) }),
  };
}

export function parseMount(value: string, cwd: string): Mount {
  const draft: MountDraft = { type: 'volume' };
  for (const field of readCsvRecord(value)) applyField(draft, field, cwd);
  checkOptions(draft);
  return toMount(draft);
}

export class MountValue implements FlagValue {
  readonly mounts: Mount[] = [];
  constructor(private readonly cwd: () => string) {}
  set(raw: string): void {
    this.mounts.push(parseMount(raw, this.cwd()));
  }
  type(): string {
    return 'mount';
  }
  toString(): string {
    return this.mounts
      .map((mount) => `${mount.Type ?? ''} ${mount.Source ?? ''} ${mount.Target ?? ''}`)
      .join(', ');
  }
}
