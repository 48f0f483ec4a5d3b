import { findImage } from './registry';

/** What the executor needs of an image to run it: its identity once pulled, and its process. */
export interface ImageProcess {
  /** `docker.io/library/nginx:latest@sha256:…` style key: what the node has once pulled. */
  readonly pullKey: string;
  readonly imageId: string;
  readonly exposedPorts: readonly string[];
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** How the image's default process behaves: runs until stopped, or exits. */
  readonly behaviour: { readonly exitsAfterMs: number | null; readonly exitCode: number };
}

export type ImageOutcome =
  | { readonly ok: true; readonly value: ImageProcess }
  | { readonly ok: false; readonly error: string };

/**
 * The image a task names, from the simulated registry. One the registry does not know cannot
 * be pulled, and the task is rejected with the error swarm tasks show (`No such image: …`).
 */
export function imageProcess(image: string): ImageOutcome {
  const found = findImage(image);
  if (found === undefined) return { ok: false, error: `No such image: ${image}` };
  return {
    ok: true,
    value: {
      pullKey: found.key,
      imageId: found.digest,
      exposedPorts: found.entry.config.exposedPorts,
      entrypoint: found.entry.config.entrypoint,
      cmd: found.entry.config.cmd,
      behaviour: found.entry.process,
    },
  };
}
