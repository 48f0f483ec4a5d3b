import type { ProgramEntry } from './process';

type DockerModule = typeof import('./docker');

let loading: Promise<DockerModule> | null = null;
let loaded: DockerModule | null = null;

/**
 * The docker CLI is the largest part of the page (every command's help text, the Go template
 * engine), and a prompt needs none of it. It loads as its own chunk: `preloadDocker()` starts
 * fetching it as soon as the page is up, and the first `docker` command waits for it if needed.
 */
export function preloadDocker(): Promise<DockerModule> {
  loading ??= import('./docker').then((module) => (loaded = module));
  return loading;
}

export const lazyDockerProgram: ProgramEntry = {
  name: 'docker',
  summary: 'the Docker 27.5.1 command-line client',
  run: async (context) => (await preloadDocker()).dockerProgram.run(context),
  complete: (input) => {
    // Completion is synchronous; until the chunk is in (a fraction of a second after load),
    // Tab offers nothing, as a shell whose completion script is still loading does.
    if (loaded === null) {
      void preloadDocker();
      return [];
    }
    return loaded.dockerProgram.complete?.(input) ?? [];
  },
};
