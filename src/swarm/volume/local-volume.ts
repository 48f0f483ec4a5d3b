import { rfc3339Nano } from '../../lib/go-time';
import type { Prng } from '../../lib/prng';
import type { Volume } from '../../api/volume';

/**
 * One volume of the `local` driver on one node (moby volume/local), as the daemon keeps it in
 * `/var/lib/docker/volumes`: it outlives the containers that use it and a daemon restart, and
 * `docker swarm leave` keeps it. Plain data, for the disk and a move.
 */
export interface LocalVolume {
  readonly name: string;
  readonly driver: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The driver's options (`-o type=tmpfs`): recorded and shown, never acted on. */
  readonly options: Readonly<Record<string, string>>;
  /** Virtual time of its creation. */
  readonly createdAtMs: number;
}

/** moby volume/service: the label that marks a volume created without a name (23.0 and later). */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export const LOCAL_DRIVER = 'local';

/** moby volume/local: a volume's data lives under the daemon root. */
export function mountpointOf(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}

/** moby stringid.GenerateRandomID: 64 hex digits, from the node's seeded PRNG. */
export function randomVolumeName(prng: Prng): string {
  return Array.from({ length: 8 }, () => prng.nextUint32().toString(16).padStart(8, '0')).join('');
}

/** moby volumeToAPIType: `CreatedAt` is RFC 3339 in whole seconds, in the daemon's zone (UTC). */
export function toApiVolume(volume: LocalVolume, epochMs: number): Volume {
  const created = rfc3339Nano(Math.floor((epochMs + volume.createdAtMs) / 1000) * 1000);
  return {
    CreatedAt: created,
    Driver: volume.driver,
    Labels: volume.labels,
    Mountpoint: mountpointOf(volume.name),
    Name: volume.name,
    Options: volume.options,
    Scope: 'local',
  };
}
