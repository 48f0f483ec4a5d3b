import type { Volume } from '../../../api/volume';

/** docker's defaultVolumeTableFormat and defaultVolumeQuietFormat (formatter/volume.go). */
export const DEFAULT_VOLUME_TABLE_FORMAT = 'table {{.Driver}}\t{{.Name}}';
export const DEFAULT_VOLUME_QUIET_FORMAT = '{{.Name}}';
export const VOLUME_RAW_FORMAT = 'name: {{.Name}}\\ndriver: {{.Driver}}\\n';
export const VOLUME_RAW_QUIET_FORMAT = 'name: {{.Name}}';

export const VOLUME_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
};

/**
 * docker's volumeContext: one row of `docker volume ls`; each method is a placeholder. A local
 * volume has no cluster part (`N/A`), and a list carries no usage data (`N/A`).
 */
export class VolumeRow {
  readonly #volume: Volume;

  constructor(volume: Volume) {
    this.#volume = volume;
  }

  Name(): string {
    return this.#volume.Name;
  }

  Driver(): string {
    return this.#volume.Driver;
  }

  Scope(): string {
    return this.#volume.Scope;
  }

  Mountpoint(): string {
    return this.#volume.Mountpoint;
  }

  /** Go ranges over the map in a random order; sorted here, so a run replays. */
  Labels(): string {
    return Object.entries(this.#volume.Labels)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  }

  Label(name: string): string {
    return this.#volume.Labels[name] ?? '';
  }

  Links(): string {
    return 'N/A';
  }

  Size(): string {
    return 'N/A';
  }

  Group(): string {
    return 'N/A';
  }

  Availability(): string {
    return 'N/A';
  }

  Status(): string {
    return 'N/A';
  }
}
