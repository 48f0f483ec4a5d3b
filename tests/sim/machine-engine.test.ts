import { describe, expect, it } from 'vitest';
import { coordinatorConfig, DEFAULT_EPOCH_MS, Playground } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { runDocker } from '../support/docker-run';

async function engineOf(preset: 'no-swarm' | '3m2w', hostname: string) {
  const options = { preset, seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;
  const playground = await Playground.start(
    options,
    await LocalSimulation.create(coordinatorConfig(options)),
  );
  return { playground, engine: playground.engine(hostname) };
}

describe('a machine daemon before the swarm control plane', () => {
  it('answers manager-only calls outside a swarm with the real inactive-node error', async () => {
    const { engine } = await engineOf('no-swarm', 'manager1');
    expect(await runDocker(['node', 'ls'], { engine })).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
      code: 1,
    });
    expect(await runDocker(['swarm', 'leave'], { engine })).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: This node is not part of a swarm\n',
      code: 1,
    });
  });

  it('says in one line that what needs the control plane is not simulated yet', async () => {
    const { engine } = await engineOf('no-swarm', 'manager1');
    expect(await runDocker(['swarm', 'init'], { engine })).toEqual({
      stdout: '',
      stderr: 'docker swarm init: not simulated in this playground yet\n',
      code: 1,
    });
    const inSwarm = await engineOf('3m2w', 'manager1');
    expect(await runDocker(['node', 'ls'], { engine: inSwarm.engine })).toEqual({
      stdout: '',
      stderr: 'docker node ls: not simulated in this playground yet\n',
      code: 1,
    });
  });

  it('answers nothing once its daemon is stopped', async () => {
    const { playground, engine } = await engineOf('no-swarm', 'worker1');
    await playground.setDaemon('worker1', 'stopped');
    const result = await runDocker(['node', 'ls'], { engine });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
  });
});
