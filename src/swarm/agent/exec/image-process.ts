import {
  chooseBehaviour,
  familiarString,
  findImage,
  tagNameOnly,
  type ImageConfig,
  type ProcessBehaviour,
} from './images';

/** What the executor needs of an image to run it: its identity once pulled, and its process. */
export interface ImageProcess {
  /** `nginx:latest@sha256:…`: what the node has once it pulled the image. */
  readonly pullKey: string;
  /** The image's ID on this node: its manifest digest here. */
  readonly imageId: string;
  readonly exposedPorts: readonly string[];
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** The whole config the image was built with, merged into the container's at its creation. */
  readonly config: ImageConfig;
  /** The image's userland: which `ls`, `cat` and `sh` its containers run (`docker exec`). */
  readonly userland: Userland;
  /** How the image's default process behaves: runs until stopped, or exits with a code. */
  readonly behaviour: { readonly exitsAfterMs: number | null; readonly exitCode: number };
  /** What the image's default process does and prints, in this container. */
  readonly process: ProcessBehaviour;
}

/** The userlands images ship: Debian's GNU coreutils and bash, or Alpine's and BusyBox's applets. */
export const USERLANDS = ['gnu', 'busybox'] as const;
export type Userland = (typeof USERLANDS)[number];

/** Alpine and BusyBox images, and the `-alpine` variants of the others, run BusyBox. */
function userlandOf(repository: string, tags: readonly string[]): Userland {
  const alpine = tags.some((tag) => /(^|-)alpine/.test(tag));
  return repository === 'alpine' || repository === 'busybox' || alpine ? 'busybox' : 'gnu';
}

export type ImageOutcome =
  | { readonly ok: true; readonly value: ImageProcess }
  | { readonly ok: false; readonly error: string };

/**
 * The image a task names, from the simulated registry (./images). One it does not have, or
 * cannot serve to this engine (a schema 1 manifest), is not pulled: the task is rejected with
 * the error swarm tasks show (`No such image: …`). The process is the image's, given the
 * task's environment (a database without its password exits at once); no other service's
 * name resolves yet, since networks are not simulated.
 */
export function imageProcess(image: string, env: readonly string[] = []): ImageOutcome {
  const found = findImage(image);
  const schema1 =
    found?.manifest.mediaType === 'application/vnd.docker.distribution.manifest.v1+prettyjws';
  if (found === undefined || schema1) return { ok: false, error: `No such image: ${image}` };
  const config = found.manifest.config;
  const behaviour = chooseBehaviour(found.manifest.process, {
    env: [...config.Env, ...env],
    resolves: () => false,
  });
  return {
    ok: true,
    value: {
      pullKey: `${familiarString(tagNameOnly(found.reference))}@${found.digest}`,
      imageId: found.digest,
      exposedPorts: config.ExposedPorts,
      entrypoint: config.Entrypoint ?? [],
      cmd: config.Cmd ?? [],
      config,
      userland: userlandOf(found.entry.repository, found.manifest.tags),
      behaviour: exitOf(behaviour),
      process: behaviour,
    },
  };
}

/** When a process exits by itself, and with what code; a process that runs never does. */
export function exitOf(behaviour: ProcessBehaviour): {
  readonly exitsAfterMs: number | null;
  readonly exitCode: number;
} {
  return behaviour.kind === 'runs'
    ? { exitsAfterMs: null, exitCode: 0 }
    : { exitsAfterMs: behaviour.afterMs, exitCode: behaviour.exitCode };
}
