import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/coordinator';
import {
  LocalHost,
  kvStateMachine,
  type HostFactory,
  type KvCommand,
  type KvState,
  type MachineHost,
} from '../../src/sim/machine';
import type { NoDaemon } from '../../src/machine-api';

/**
 * Passes every argument and every answer through structuredClone, as postMessage does between
 * the coordinator and a manager's Web Worker, and answers some calls on a later macrotask, so hosts finish
 * in a different order than they were called.
 */
function cloningFactory(): HostFactory<KvCommand, KvState, NoDaemon> {
  let calls = 0;
  const later = async <T>(answer: T | Promise<T>): Promise<T> => {
    const value = await answer;
    return new Promise((resolve) => {
      // Vary the answer order between hosts: odd calls wait for a macrotask, even ones do not.
      const deliver = (): void => {
        resolve(structuredClone(value));
      };
      if (calls++ % 2 === 0) queueMicrotask(deliver);
      else setImmediate(deliver);
    });
  };
  return (source) => {
    const inner = new LocalHost(structuredClone(source), kvStateMachine);
    const host: MachineHost<KvCommand, KvState, NoDaemon> = {
      step: (input) => later(inner.step(structuredClone(input))),
      propose: (input) => later(inner.propose(structuredClone(input))),
      setDaemon: (input) => later(inner.setDaemon(structuredClone(input))),
      raftAdmin: (input) => later(inner.raftAdmin(structuredClone(input))),
      call: (input) => later(inner.call(structuredClone(input))),
      files: (input) => later(inner.files(structuredClone(input))),
      status: () => later(inner.status()),
      snapshot: () => later(inner.snapshot()),
      exportState: () => later(inner.exportState()),
      dispose: () => {
        inner.dispose();
      },
    };
    return host;
  };
}

describe('Coordinator: determinism across hosts', () => {
  it.each([1, 2, 3, 42, 1234])(
    'seed %i: LocalHost and a structured-clone boundary give one trace hash',
    async (seed) => {
      const inProcess = await runScenario(seed, LocalHost.factory(kvStateMachine));
      const cloned = await runScenario(seed, cloningFactory());
      expect(cloned).toEqual(inProcess);
      expect(inProcess.traceCount).toBeGreaterThan(500);
      expect(inProcess.leader).toBeDefined();
    },
    30_000,
  );

  it('the scenario depends on the seed', async () => {
    const a = await runScenario(1, LocalHost.factory(kvStateMachine));
    const b = await runScenario(2, LocalHost.factory(kvStateMachine));
    expect(a.traceHash).not.toBe(b.traceHash);
  });
});
