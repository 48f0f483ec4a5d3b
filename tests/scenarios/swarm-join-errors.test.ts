import { describe, expect, it } from 'vitest';
import { coordinatorConfig, DEFAULT_EPOCH_MS, Playground } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { runDocker, type DockerResult } from '../support/docker-run';

/** docker <args> on a machine, with virtual time running until the daemon answers. */
async function docker(playground: Playground, host: string, args: string[]): Promise<DockerResult> {
  const pending = runDocker(args, { engine: playground.engine(host) });
  await playground.advance(40_000);
  return pending;
}

describe('docker swarm join refusals', () => {
  it('answers a bad token, a wrong token, an unreachable manager and a second join as docker does', async () => {
    const options = { preset: 'no-swarm', seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;
    const playground = await Playground.start(
      options,
      await LocalSimulation.create(coordinatorConfig(options)),
    );
    expect(
      (await docker(playground, 'manager1', ['swarm', 'init', '--advertise-addr', '192.168.0.11']))
        .code,
    ).toBe(0);
    const token = (
      await docker(playground, 'manager1', ['swarm', 'join-token', '-q', 'worker'])
    ).stdout.trim();
    const join = (host: string, joinToken: string, address = '192.168.0.11:2377') =>
      docker(playground, host, ['swarm', 'join', '--token', joinToken, address]);

    expect(await join('worker1', 'SWMTKN-1-bogus')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: invalid join token\n',
      code: 1,
    });
    expect(await join('worker1', `${token.slice(0, -3)}aaa`)).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n',
      code: 1,
    });
    expect(await join('worker1', token, '192.168.0.99:2377')).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.\n',
      code: 1,
    });
    expect(await join('worker2', token)).toEqual({
      stdout: 'This node joined a swarm as a worker.\n',
      stderr: '',
      code: 0,
    });
    const already =
      'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n';
    expect(await join('worker2', token)).toEqual({ stdout: '', stderr: already, code: 1 });
    expect(await docker(playground, 'manager1', ['swarm', 'init'])).toEqual({
      stdout: '',
      stderr: already,
      code: 1,
    });
  }, 60_000);
});
