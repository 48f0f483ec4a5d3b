import type { DaemonFailure } from '../../api/operations';
import type { Filters } from '../../api/swarm';
import type { Prng } from '../../lib/prng';
import { labelsMatch } from '../controlapi/list-filters';
import { ANONYMOUS_LABEL, LOCAL_DRIVER, randomVolumeName, type LocalVolume } from './local-volume';

/**
 * A node's volume service (moby volume/service): create, find, list, remove and prune its local
 * volumes. Pure functions over the node's volume list; the daemon keeps the list on its disk.
 * `users` names, per volume, the containers that reference it (moby's references: a container
 * holds its volumes from its creation until it is removed, running or not).
 */

export type VolumeOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DaemonFailure };

/** What a create asks for: an empty name is an anonymous volume. */
export interface VolumeWish {
  readonly name: string;
  readonly driver: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
}

export interface Created {
  readonly volumes: readonly LocalVolume[];
  readonly volume: LocalVolume;
}

/** The options the local driver takes (volume/local `validOpts`; `size` needs a quota). */
const LOCAL_OPTIONS: ReadonlySet<string> = new Set(['type', 'device', 'o']);

/** moby's volume name rule (volume/local `validateName`): `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * moby VolumesService.Create: an existing volume of that name is answered as it is (its labels
 * unchanged), a new one is created; an anonymous one gets a random name and the anonymous label.
 * Only the local driver is installed.
 */
export function createVolume(
  volumes: readonly LocalVolume[],
  wish: VolumeWish,
  nowMs: number,
  prng: Prng,
): VolumeOutcome<Created> {
  const anonymous = wish.name === '';
  const name = anonymous ? randomVolumeName(prng) : wish.name;
  const driver = wish.driver === '' ? LOCAL_DRIVER : wish.driver;
  const existing = volumes.find((volume) => volume.name === name);
  if (existing !== undefined) {
    if (existing.driver !== driver) {
      return refuse('failed-precondition', `create ${name}: volume name must be unique`);
    }
    return { ok: true, value: { volumes, volume: existing } };
  }
  if (driver !== LOCAL_DRIVER) {
    return refuse(
      'not-found',
      `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`,
    );
  }
  if (name.length === 1) {
    return refuse(
      'invalid-argument',
      `create ${name}: volume name is too short, names should be at least two alphanumeric characters`,
    );
  }
  if (!NAME_PATTERN.test(name)) {
    return refuse(
      'invalid-argument',
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
  const badOption = Object.keys(wish.options).find((option) => !LOCAL_OPTIONS.has(option));
  if (badOption !== undefined) {
    return refuse('invalid-argument', `create ${name}: invalid option: "${badOption}"`);
  }
  const volume: LocalVolume = {
    name,
    driver,
    labels: anonymous ? { ...wish.labels, [ANONYMOUS_LABEL]: '' } : wish.labels,
    options: wish.options,
    createdAtMs: nowMs,
  };
  return { ok: true, value: { volumes: [...volumes, volume], volume } };
}

/** moby VolumesService.Get: by exact name. */
export function findVolume(
  volumes: readonly LocalVolume[],
  name: string,
): VolumeOutcome<LocalVolume> {
  const found = volumes.find((volume) => volume.name === name);
  return found === undefined
    ? refuse('not-found', `get ${name}: no such volume`)
    : { ok: true, value: found };
}

/**
 * moby VolumesService.Remove: one in use is refused with the containers holding it (force
 * does not help); a missing one is refused unless `force`, which then succeeds silently.
 */
export function removeVolume(
  volumes: readonly LocalVolume[],
  name: string,
  force: boolean,
  users: (name: string) => readonly string[],
): VolumeOutcome<readonly LocalVolume[]> {
  const found = findVolume(volumes, name);
  if (!found.ok) return force ? { ok: true, value: volumes } : found;
  const holders = users(name);
  if (holders.length > 0) {
    return refuse(
      'failed-precondition',
      `remove ${name}: volume is in use - [${holders.join(', ')}]`,
    );
  }
  return { ok: true, value: volumes.filter((volume) => volume.name !== name) };
}

const LIST_FILTERS: ReadonlySet<string> = new Set(['dangling', 'name', 'driver', 'label']);
const PRUNE_FILTERS: ReadonlySet<string> = new Set(['label', 'label!', 'all']);

/** moby `filters.Args.GetBoolOrDefault`'s parse: Go's strconv.ParseBool, as the daemon takes it. */
function goBool(value: string): boolean | null {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return null;
}

/** moby filters.Args.Match: each value is a regular expression matched anywhere; bad ones never. */
function matchesAny(values: readonly string[], text: string): boolean {
  return values.some((value) => {
    try {
      return new RegExp(value).test(text);
    } catch {
      return value === text;
    }
  });
}

/** moby filters.Args.Validate: an unknown key is refused. */
function refusedKey(filters: Filters, accepted: ReadonlySet<string>): DaemonFailure | null {
  const unknown = Object.keys(filters).find((key) => !accepted.has(key));
  return unknown === undefined
    ? null
    : { kind: 'invalid-argument', message: `invalid filter '${unknown}'` };
}

/** `label!`: none of the given labels (or label values) is set. */
function labelsExclude(labels: Readonly<Record<string, string>>, unwanted: readonly string[]) {
  return unwanted.every((filter) => !labelsMatch(labels, [filter]));
}

/**
 * moby VolumesService.List with `filtersToBy`: `driver`, `name` (a regular expression), `label`
 * (`k` or `k=v`, all of them) and `dangling` (referenced by no container, or by one).
 */
export function listVolumes(
  volumes: readonly LocalVolume[],
  filters: Filters,
  users: (name: string) => readonly string[],
): VolumeOutcome<readonly LocalVolume[]> {
  const refused = refusedKey(filters, LIST_FILTERS);
  if (refused !== null) return { ok: false, error: refused };
  const dangling = filters.dangling;
  let wantDangling: boolean | null = null;
  if (dangling !== undefined) {
    // filters.Args.GetBoolOrDefault: `true`/`1` or `false`/`0`, not both, nothing else.
    const isTrue = dangling.includes('true') || dangling.includes('1');
    const isFalse = dangling.includes('false') || dangling.includes('0');
    if (isTrue === isFalse) {
      const values = [...new Set(dangling)].sort().join(' ');
      return refuse('invalid-argument', `invalid filter 'dangling=[${values}]'`);
    }
    wantDangling = isTrue;
  }
  const drivers = filters.driver ?? [];
  const names = filters.name ?? [];
  return {
    ok: true,
    value: volumes.filter(
      (volume) =>
        (drivers.length === 0 || drivers.includes(volume.driver)) &&
        (names.length === 0 || matchesAny(names, volume.name)) &&
        labelsMatch(volume.labels, filters.label ?? []) &&
        (wantDangling === null || (users(volume.name).length === 0) === wantDangling),
    ),
  };
}

export interface Pruned {
  readonly volumes: readonly LocalVolume[];
  readonly deleted: readonly string[];
}

/**
 * moby VolumesService.Prune: the local volumes no container references, that pass `label` and
 * `label!`; only anonymous ones unless the filter `all` is true (API 1.42 and later).
 */
export function pruneVolumes(
  volumes: readonly LocalVolume[],
  filters: Filters,
  users: (name: string) => readonly string[],
): VolumeOutcome<Pruned> {
  const refused = refusedKey(filters, PRUNE_FILTERS);
  if (refused !== null) return { ok: false, error: refused };
  const all = filters.all ?? [];
  if (all.length > 1) {
    return refuse(
      'invalid-argument',
      `invalid filter 'all=${all.join(',')}': only one value is expected`,
    );
  }
  let everything = false;
  if (all.length === 1) {
    const parsed = goBool(all[0] ?? '');
    if (parsed === null) {
      return refuse(
        'invalid-argument',
        `invalid filter 'all': strconv.ParseBool: parsing "${all[0] ?? ''}": invalid syntax`,
      );
    }
    everything = parsed;
  }
  const labels = [...(filters.label ?? []), ...(everything ? [] : [ANONYMOUS_LABEL])];
  const doomed = volumes.filter(
    (volume) =>
      volume.driver === LOCAL_DRIVER &&
      users(volume.name).length === 0 &&
      labelsMatch(volume.labels, labels) &&
      labelsExclude(volume.labels, filters['label!'] ?? []),
  );
  const names = new Set(doomed.map((volume) => volume.name));
  return {
    ok: true,
    value: {
      volumes: volumes.filter((volume) => !names.has(volume.name)),
      deleted: doomed.map((volume) => volume.name),
    },
  };
}

function refuse(kind: DaemonFailure['kind'], message: string): { ok: false; error: DaemonFailure } {
  return { ok: false, error: { kind, message } };
}
