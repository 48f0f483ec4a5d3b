/**
 * moby types.Container (Engine API 1.47, `GET /containers/json`): a container as `docker ps`
 * lists it, keys in struct order. `Status` is the daemon's own text (`Up 2 minutes`,
 * `Exited (0) 5 seconds ago`); `Created` is Unix seconds.
 */
export interface ContainerPort {
  readonly IP?: string;
  readonly PrivatePort: number;
  readonly PublicPort?: number;
  readonly Type: string;
}

export interface ContainerSummary {
  readonly Id: string;
  /** Each with its leading slash: `/web.1.0qihejybwf1xrrr9skqbm4ccn`. */
  readonly Names: readonly string[];
  readonly Image: string;
  readonly ImageID: string;
  readonly Command: string;
  readonly Created: number;
  readonly Ports: readonly ContainerPort[];
  readonly Labels: Readonly<Record<string, string>>;
  readonly State: 'created' | 'running' | 'exited';
  readonly Status: string;
  readonly HostConfig: { readonly NetworkMode?: string };
  readonly Mounts: readonly unknown[];
}
