import { kvStateMachine, type HostFactory, type KvCommand, type KvState } from '../machine';
import { Coordinator } from './coordinator';
import type { NoDaemon } from '../../machine-api';

export interface ScenarioResult {
  readonly traceHash: string;
  readonly traceCount: number;
  readonly leader: string | undefined;
  readonly nowMs: number;
}

/** The managers of the fixed scenario; addresses follow the presets' 192.168.0.1x. */
export const SCENARIO_MACHINES = [
  { hostname: 'manager1', address: '192.168.0.11', role: 'manager' },
  { hostname: 'manager2', address: '192.168.0.12', role: 'manager' },
  { hostname: 'manager3', address: '192.168.0.13', role: 'manager' },
  { hostname: 'worker1', address: '192.168.0.21', role: 'worker' },
] as const;

/**
 * A fixed run that touches every input kind: an election, writes, a leader stop and restart, a
 * partition and a heal. Its trace hash must be the same on every host (LocalHost in Node, a
 * structured-clone boundary, Web Workers in Chromium): the end-to-end parity check calls this
 * with a worker host factory and compares with the Node figure for the same seed.
 */
export async function runScenario(
  seed: number,
  hostFactory: HostFactory<KvCommand, KvState, NoDaemon>,
): Promise<ScenarioResult> {
  const coordinator = await Coordinator.create(
    {
      machines: SCENARIO_MACHINES,
      seed,
      epochMs: 0,
      stateMachine: kvStateMachine,
      link: {
        latencyMsMin: 1,
        latencyMsMax: 30,
        lossProbability: 0.02,
        duplicationProbability: 0.01,
        delaySpikeProbability: 0.01,
        delaySpikeMsMax: 2000,
      },
    },
    hostFactory,
  );
  try {
    await coordinator.advanceBy(25_000);
    const first = coordinator.leader() ?? 'manager1';
    for (let i = 0; i < 5; i++) {
      await coordinator.propose(first, { type: 'kv-set', key: `k${i}`, value: `v${i}` });
      await coordinator.advanceBy(300);
    }
    await coordinator.stopDaemon(first);
    await coordinator.advanceBy(25_000);
    await coordinator.startDaemon(first);
    await coordinator.partition([['manager1'], ['manager2', 'manager3', 'worker1']]);
    await coordinator.advanceBy(25_000);
    await coordinator.heal();
    await coordinator.advanceBy(25_000);
    const last = coordinator.leader() ?? 'manager2';
    await coordinator.propose(last, { type: 'kv-delete', key: 'k0' });
    await coordinator.advanceBy(5_000);
    return {
      traceHash: coordinator.traceHash(),
      traceCount: coordinator.traceCount,
      leader: coordinator.leader(),
      nowMs: coordinator.nowMs,
    };
  } finally {
    coordinator.dispose();
  }
}
