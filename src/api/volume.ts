/**
 * moby volume.Volume and the bodies of the `/volumes` endpoints (Engine API 1.47,
 * `api/types/volume`): keys in struct order, as Go marshals them. `CreatedAt` is RFC 3339 in
 * seconds; a local volume's `Scope` is `local`.
 */
export interface Volume {
  readonly CreatedAt: string;
  readonly Driver: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Mountpoint: string;
  readonly Name: string;
  readonly Options: Readonly<Record<string, string>>;
  readonly Scope: 'local' | 'global';
}

/** `POST /volumes/create`: an empty name asks the daemon for a random one. */
export interface VolumeCreateRequest {
  readonly Name: string;
  readonly Driver: string;
  readonly DriverOpts: Readonly<Record<string, string>>;
  readonly Labels: Readonly<Record<string, string>>;
}

/** `POST /volumes/prune`: what was removed; nothing is ever stored in a simulated volume. */
export interface VolumePruneReport {
  readonly VolumesDeleted: readonly string[];
  readonly SpaceReclaimed: number;
}
