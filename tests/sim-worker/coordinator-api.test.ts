import { describe, expect, it } from 'vitest';
import { swarmStateMachine } from '../../src/swarm/node/state-machine';
import { LocalHost } from '../../src/sim/machine';
import { createCoordinatorWorkerApi } from '../../src/sim-worker/coordinator-api';

const machines = [1, 2, 3].map((i) => ({
  hostname: `manager${i}`,
  address: `192.168.0.${10 + i}`,
  role: 'manager' as const,
}));

describe('coordinator worker API', () => {
  it('serves one frame per call and restores a save to the same hash', async () => {
    const api = createCoordinatorWorkerApi(LocalHost.factory(swarmStateMachine));
    await api.create({ machines, seed: 9, epochMs: 0 });
    await api.advanceBy(25_000);
    const frame = api.frame();
    expect(frame.nowMs).toBe(25_000);
    expect(frame.events.length).toBeGreaterThan(0);
    expect(frame.rpcs.length).toBeGreaterThan(0);
    expect(api.frame().events).toEqual([]);
    const saved = structuredClone(await api.snapshot());
    api.dispose();
    await api.restore(saved);
    expect(api.frame().traceHash).toBe(saved.trace.hash);
    api.dispose();
  });
});
