import type { ContainerPort, ContainerSummary } from '../../../api/container';
import { ellipsis } from '../../format/ellipsis';
import { familiarString, parseNormalizedNamed } from '../../format/image-reference';
import { goTimeString, humanDuration } from '../../format/renderers';

/** docker's defaultContainerTableFormat (cli/command/formatter/container.go). */
export const DEFAULT_CONTAINER_TABLE_FORMAT =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const CONTAINER_HEADER: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
};

/** docker's ContainerContext: one row of `docker ps`; each method is a placeholder. */
export class ContainerRow {
  readonly #container: ContainerSummary;
  readonly #trunc: boolean;
  readonly #nowEpochMs: number;

  constructor(container: ContainerSummary, trunc: boolean, nowEpochMs: number) {
    this.#container = container;
    this.#trunc = trunc;
    this.#nowEpochMs = nowEpochMs;
  }

  ID(): string {
    return this.#trunc ? this.#container.Id.slice(0, 12) : this.#container.Id;
  }

  /** The names without their slash; truncated, only the first that is not a link. */
  Names(): string {
    const names = this.#container.Names.map((name) => name.slice(1));
    const own = this.#trunc ? names.find((name) => !name.includes('/')) : undefined;
    return own ?? names.join(',');
  }

  /** The image as typed; truncated, in familiar form without its digest (`nginx:latest`). */
  Image(): string {
    const image = this.#container.Image;
    if (image === '') return '<no image>';
    if (!this.#trunc) return image;
    const parsed = parseNormalizedNamed(image);
    return parsed.ok ? familiarString({ ...parsed.value, digest: '' }) : image;
  }

  Command(): string {
    const command = this.#container.Command;
    return JSON.stringify(this.#trunc ? ellipsis(command, 20) : command);
  }

  CreatedAt(): string {
    return goTimeString(this.#container.Created * 1000);
  }

  RunningFor(): string {
    return `${humanDuration(this.#nowEpochMs - this.#container.Created * 1000)} ago`;
  }

  Ports(): string {
    return displayablePorts(this.#container.Ports);
  }

  State(): string {
    return this.#container.State;
  }

  Status(): string {
    return this.#container.Status;
  }

  Size(): string {
    return '0B';
  }

  Labels(): string {
    return Object.entries(this.#container.Labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  }

  Label(name: string): string {
    return this.#container.Labels[name] ?? '';
  }

  Mounts(): string {
    return '';
  }

  LocalVolumes(): string {
    return '0';
  }

  Networks(): string {
    return '';
  }
}

/** formatter.DisplayablePorts: `80/tcp`, `0.0.0.0:8080->80/tcp`, joined with `, `. */
function displayablePorts(ports: readonly ContainerPort[]): string {
  return [...ports]
    .sort((a, b) => a.PrivatePort - b.PrivatePort || a.Type.localeCompare(b.Type))
    .map((port) =>
      port.PublicPort === undefined
        ? `${String(port.PrivatePort)}/${port.Type}`
        : `${port.IP ?? '0.0.0.0'}:${String(port.PublicPort)}->${String(port.PrivatePort)}/${port.Type}`,
    )
    .join(', ');
}
