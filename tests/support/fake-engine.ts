import type { EngineApi, PingResult } from '../../src/api/engine';
import { ConnectionError } from '../../src/api/errors';
import type { SystemInfo, SystemVersion } from '../../src/api/system';
import { systemInfo, systemVersion, type MachineFacts } from '../../src/sim/daemon/system-info';

/**
 * A fake Engine API with one function field per call (docker/cli's fakeClient). Defaults answer
 * as a running docker-ce 27.5.1 daemon on `manager1` that is not in a swarm.
 */
export interface FakeEngineFunctions {
  ping?: () => Promise<PingResult>;
  version?: () => Promise<SystemVersion>;
  info?: () => Promise<SystemInfo>;
}

export const FAKE_MACHINE: MachineFacts = {
  hostname: 'manager1',
  engineId: '3f0c5e2a-6b7d-4c1e-9a8f-2d4b6c8e0a1f',
  cpuCount: 2,
  memoryBytes: 4_113_612_800,
  kernelAbi: 30,
  systemTime: '2026-11-25T08:11:31.059086123Z',
};

export function fakeEngine(functions: FakeEngineFunctions = {}): EngineApi {
  return {
    ping:
      functions.ping ??
      (() => Promise.resolve({ apiVersion: '1.47', osType: 'linux', swarm: 'inactive' })),
    version: functions.version ?? (() => Promise.resolve(systemVersion(FAKE_MACHINE))),
    info: functions.info ?? (() => Promise.resolve(systemInfo(FAKE_MACHINE))),
  };
}

/** A machine whose daemon is stopped: every call fails as a closed socket does. */
export function stoppedEngine(): EngineApi {
  const refuse = (): Promise<never> => Promise.reject(new ConnectionError());
  return { ping: refuse, version: refuse, info: refuse };
}
