import type { ContainerSpec } from '../../../api/service';
import type { ImageConfig } from './images';

/**
 * What a task's container is created with: moby's executor turns the task's ContainerSpec into
 * a container config (daemon/cluster/executor/container/container.go `config`), then the daemon
 * merges the image's config into it (daemon/commit.go `merge`). Plain data, kept in the
 * container's record for `docker inspect` and `docker exec`.
 */
export interface ContainerConfigFacts {
  /** The spec's hostname; empty means the daemon's default, the container ID's first 12 digits. */
  readonly hostname: string;
  /** The spec's variables first, then each of the image's whose name the spec does not set. */
  readonly env: readonly string[];
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly workingDir: string;
  readonly user: string;
  /** The image's labels: the container's own ones win over them. */
  readonly imageLabels: Readonly<Record<string, string>>;
  readonly stopSignal: string | null;
}

function envName(entry: string): string {
  const equals = entry.indexOf('=');
  return equals === -1 ? entry : entry.slice(0, equals);
}

/** moby's merge of the image's Env under the container's: a name the container sets wins. */
export function mergeEnv(own: readonly string[], image: readonly string[]): readonly string[] {
  if (own.length === 0) return image;
  const names = new Set(own.map(envName));
  return [...own, ...image.filter((entry) => !names.has(envName(entry)))];
}

/** The spec's value, or the image's where the spec leaves it empty. */
function orImage(own: string | undefined, image: string): string {
  return own === undefined || own === '' ? image : own;
}

export function containerConfigFacts(
  spec: ContainerSpec | undefined,
  image: ImageConfig,
): ContainerConfigFacts {
  const command = spec?.Command ?? [];
  const args = spec?.Args ?? [];
  // The executor: Command is the entrypoint (and Args its cmd); Args alone is the cmd.
  let entrypoint: readonly string[] | null = command.length > 0 ? command : null;
  let cmd: readonly string[] | null = args.length > 0 ? args : null;
  // The daemon's merge: the image's cmd and entrypoint fill in only without an entrypoint.
  if (entrypoint === null) {
    cmd ??= image.Cmd;
    entrypoint = image.Entrypoint;
  }
  return {
    hostname: spec?.Hostname ?? '',
    env: mergeEnv(spec?.Env ?? [], image.Env),
    entrypoint,
    cmd,
    workingDir: orImage(spec?.Dir, image.WorkingDir),
    user: orImage(spec?.User, image.User),
    imageLabels: image.Labels,
    stopSignal: spec?.StopSignal ?? image.StopSignal ?? null,
  };
}

/** moby daemon `getEntrypointAndArgs`: the process's path and its arguments. */
export function pathAndArgs(config: {
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
}): { readonly path: string; readonly args: readonly string[] } {
  const entrypoint = config.entrypoint ?? [];
  const cmd = config.cmd ?? [];
  if (entrypoint.length === 0) return { path: cmd[0] ?? '', args: cmd.slice(1) };
  return { path: entrypoint[0] ?? '', args: [...entrypoint.slice(1), ...cmd] };
}
