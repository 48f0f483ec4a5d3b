import { describe, expect, it } from 'vitest';
import { lazyDockerProgram, preloadDocker } from '../../src/cli/docker-lazy';

describe('lazyDockerProgram', () => {
  it('completes nothing until the CLI chunk is in, then completes as docker does', async () => {
    const input = { words: ['docker'], current: 'swa' };
    expect(lazyDockerProgram.complete?.(input)).toEqual([]);
    const module = await preloadDocker();
    expect(lazyDockerProgram.complete?.(input)).toEqual(['swarm']);
    expect(lazyDockerProgram.complete?.(input)).toEqual(module.dockerProgram.complete?.(input));
  });
});
