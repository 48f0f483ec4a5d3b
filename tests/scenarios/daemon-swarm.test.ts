import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/api/swarm';
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { whileAdvancing as settle } from '../support/playground';

async function startPreset(preset: '3m2w' | 'no-swarm'): Promise<Playground> {
  const options = { preset, seed: 7, epochMs: DEFAULT_EPOCH_MS } as const;
  const port = await LocalSimulation.create(coordinatorConfig(options));
  return Playground.start(options, port);
}

describe('swarm daemon through the simulation', () => {
  it('the default preset forms a swarm: node ls on every manager shows the leader view', async () => {
    const playground = await startPreset('3m2w');
    await playground.advance(10_000);
    for (const host of ['manager1', 'manager2', 'manager3']) {
      const nodes = await settle(
        playground,
        playground.engine(host).nodeList({ filters: {} }, neverCancel),
      );
      expect(nodes).toHaveLength(5);
      const leaders = nodes.filter((node: Node) => node.ManagerStatus?.Leader === true);
      expect(leaders).toHaveLength(1);
      expect(nodes.every((node) => node.Status.State === 'ready')).toBe(true);
    }
    await expect(
      settle(playground, playground.engine('worker1').nodeList({ filters: {} }, neverCancel)),
    ).rejects.toThrow(/Worker nodes can't be used/);
    const info = await settle(playground, playground.engine('manager2').info());
    expect(info.Swarm.LocalNodeState).toBe('active');
    expect(info.Swarm.Managers).toBe(3);
    playground.dispose();
  }, 30_000);

  it('no-swarm starts inactive; losing two of three managers fails writes, then recovers', async () => {
    const playground = await startPreset('no-swarm');
    await expect(
      settle(playground, playground.engine('manager1').nodeList({ filters: {} }, neverCancel)),
    ).rejects.toThrow(/docker swarm init/);
    playground.dispose();
  }, 30_000);
});

const neverCancel = { cancelled: false, onCancel: () => () => undefined };
