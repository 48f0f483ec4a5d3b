import { describe, expect, it } from 'vitest';
import { coordinatorConfig, DEFAULT_EPOCH_MS, Playground } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { runDocker } from '../support/docker-run';
import { whileAdvancing } from '../support/playground';

async function engineOf(preset: 'no-swarm' | '3m2w', hostname: string) {
  const options = { preset, seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;
  const playground = await Playground.start(
    options,
    await LocalSimulation.create(coordinatorConfig(options)),
  );
  return { playground, engine: playground.engine(hostname) };
}

describe('a machine daemon', () => {
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

  it('runs docker swarm init and docker node ls end to end through the CLI', async () => {
    const { playground, engine } = await engineOf('no-swarm', 'manager1');
    const init = await whileAdvancing(playground, runDocker(['swarm', 'init'], { engine }));
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(
      /^Swarm initialized: current node \([a-z0-9]{25}\) is now a manager\./,
    );
    const formed = await engineOf('3m2w', 'manager2');
    await formed.playground.advance(5_000);
    const ls = await whileAdvancing(
      formed.playground,
      runDocker(['node', 'ls'], { engine: formed.engine }),
    );
    expect(ls.code).toBe(0);
    expect(ls.stdout.split('\n').filter((line) => line.includes('Leader'))).toHaveLength(1);
    expect(ls.stdout.split('\n').filter((line) => line.includes('Reachable'))).toHaveLength(2);
    expect(ls.stdout).toMatch(/\* +manager2 +Ready/);
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
