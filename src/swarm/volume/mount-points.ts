import type { MountPoint } from '../../api/container';
import type { Mount } from '../../api/service';
import type { Prng } from '../../lib/prng';
import { ANONYMOUS_LABEL, LOCAL_DRIVER, mountpointOf, type LocalVolume } from './local-volume';
import { createVolume, type VolumeOutcome } from './volumes';

/**
 * moby daemon/volumes.go `registerMountPoints` for a task's container: each `--mount` becomes a
 * mount point, and a volume mount creates its volume on this node when it has none of that name
 * (with the mount's labels and driver options; without a source, an anonymous one). The daemon
 * root is `/var/lib/docker`.
 */

const DAEMON_ROOT = '/var/lib/docker';

export interface Mounted {
  readonly volumes: readonly LocalVolume[];
  readonly mountPoints: readonly MountPoint[];
}

/** The string fields of a Go map the API carries as a JSON object. */
function stringMap(value: unknown): Readonly<Record<string, string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function field(record: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return record === undefined ? undefined : record[key];
}

/** A volume mount's options, read field by field (the API carries them as an open object). */
function volumeWish(mount: Mount) {
  const options = mount.VolumeOptions;
  const driver = field(options, 'DriverConfig');
  const driverFields = typeof driver === 'object' && driver !== null ? driver : {};
  const name = 'Name' in driverFields ? driverFields.Name : undefined;
  const driverOptions = 'Options' in driverFields ? driverFields.Options : undefined;
  return {
    name: mount.Source ?? '',
    driver: typeof name === 'string' ? name : '',
    labels: stringMap(field(options, 'Labels')),
    options: stringMap(driverOptions),
  };
}

/** path.Clean of an absolute path. */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * A bind's propagation: the one asked for, else rprivate (moby's Linux default); a bind of the
 * daemon root, or of a directory above or inside it, is made rslave (`validateBindDaemonRoot`).
 */
function bindPropagation(mount: Mount, source: string): string {
  const asked = field(mount.BindOptions, 'Propagation');
  if (typeof asked === 'string' && asked !== '') return asked;
  const raw = mount.Source ?? '';
  const nearRoot = raw.startsWith(DAEMON_ROOT) || DAEMON_ROOT.startsWith(raw);
  return mount.BindOptions === undefined && nearRoot && source !== '' ? 'rslave' : 'rprivate';
}

export function mountTask(
  volumes: readonly LocalVolume[],
  mounts: readonly Mount[],
  nowMs: number,
  prng: Prng,
): VolumeOutcome<Mounted> {
  let table = volumes;
  const mountPoints: MountPoint[] = [];
  for (const mount of mounts) {
    const type = (mount.Type ?? 'volume').toLowerCase();
    const destination = cleanPath(mount.Target ?? '');
    const rw = mount.ReadOnly !== true;
    if (type === 'volume') {
      const created = createVolume(table, volumeWish(mount), nowMs, prng);
      if (!created.ok) return created;
      table = created.value.volumes;
      const volume = created.value.volume;
      mountPoints.push({
        Type: 'volume',
        Name: volume.name,
        Source: mountpointOf(volume.name),
        Destination: destination,
        Driver: volume.driver,
        // moby setBindModeIfNull: local volumes are relabelled (`z`).
        Mode: volume.driver === LOCAL_DRIVER ? 'z' : '',
        RW: rw,
        Propagation: '',
      });
    } else if (type === 'bind') {
      const source = cleanPath(mount.Source ?? '');
      mountPoints.push({
        Type: 'bind',
        Source: source,
        Destination: destination,
        Mode: '',
        RW: rw,
        Propagation: bindPropagation(mount, source),
      });
    } else {
      mountPoints.push({
        Type: type,
        Source: '',
        Destination: destination,
        Mode: '',
        RW: rw,
        Propagation: '',
      });
    }
  }
  return { ok: true, value: { volumes: table, mountPoints } };
}

/** The names of the volumes a container's mount points hold. */
export function volumeNamesOf(mountPoints: readonly MountPoint[]): readonly string[] {
  return mountPoints.flatMap((point) =>
    point.Type === 'volume' && point.Name !== undefined ? [point.Name] : [],
  );
}

/**
 * The agent removes a task's container with its volumes (moby's executor: `RemoveVolume: true`;
 * daemon/mounts.go `removeMountPoints`): the anonymous ones go, unless another container still
 * holds them; named ones stay.
 */
export function releaseVolumes(
  volumes: readonly LocalVolume[],
  removed: readonly (readonly MountPoint[])[],
  kept: readonly (readonly MountPoint[])[],
): readonly LocalVolume[] {
  const held = new Set(kept.flatMap(volumeNamesOf));
  const gone = new Set(removed.flatMap(volumeNamesOf).filter((name) => !held.has(name)));
  if (gone.size === 0) return volumes;
  const next = volumes.filter(
    (volume) => !gone.has(volume.name) || !Object.hasOwn(volume.labels, ANONYMOUS_LABEL),
  );
  return next.length === volumes.length ? volumes : next;
}
