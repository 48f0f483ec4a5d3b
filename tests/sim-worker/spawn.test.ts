import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { Coordinator, runScenario } from '../../src/sim/coordinator';
import {
  LocalHost,
  kvStateMachine,
  type HostFactory,
  type SimPayload,
  type SimState,
} from '../../src/sim/machine';
import { createManagerWorkerApi } from '../../src/sim-worker/manager-api';
import type { ManagerWorkerApi } from '../../src/sim-worker/protocol';
import { WorkerHost, type WorkerLike } from '../../src/sim-worker/spawn';
import type { NoDaemon } from '../../src/machine-api';

/**
 * A stand-in for a dedicated worker: the manager API exposed with Comlink on one end of a
 * MessageChannel, so every call really goes through postMessage and structured cloning.
 */
class ChannelWorker implements WorkerLike {
  readonly #port: MessagePort;
  readonly #other: MessagePort;
  readonly #events = new EventTarget();
  terminated = false;

  constructor(api: ManagerWorkerApi<SimPayload, SimState, NoDaemon>) {
    const channel = new MessageChannel();
    this.#port = channel.port2;
    this.#other = channel.port1;
    expose(api, channel.port1);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.#port.postMessage(message, transfer ?? []);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.#port.addEventListener(type, listener);
    else this.#events.addEventListener(type, listener);
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.#port.removeEventListener(type, listener);
    else this.#events.removeEventListener(type, listener);
  }

  start(): void {
    this.#port.start();
  }

  /** As a worker whose script throws at top level: an `error` event on the Worker object. */
  die(): void {
    this.#events.dispatchEvent(new Event('error'));
  }

  terminate(): void {
    this.terminated = true;
    this.#port.close();
    this.#other.close();
  }
}

const workers: ChannelWorker[] = [];

afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
});

function channelFactory(
  makeApi: (hostname: string) => ManagerWorkerApi<SimPayload, SimState, NoDaemon> = () =>
    createManagerWorkerApi(kvStateMachine),
  callTimeoutMs = 5_000,
): HostFactory<SimPayload, SimState, NoDaemon> {
  return async (source, placement) => {
    if (placement === 'shared') return new LocalHost(source, kvStateMachine);
    const snapshot = source.kind === 'disk' ? source.snapshot : source.state.snapshot;
    const worker = new ChannelWorker(makeApi(snapshot.spec.hostname));
    workers.push(worker);
    const host = new WorkerHost<SimPayload, SimState, NoDaemon>(worker, { callTimeoutMs });
    await host.init(source);
    return host;
  };
}

const machines = [1, 2, 3].map((i) => ({
  hostname: `manager${i}`,
  address: `192.168.0.${10 + i}`,
  role: 'manager' as const,
}));

describe('WorkerHost over Comlink', () => {
  it.each([1, 7])(
    'seed %i: gives the LocalHost trace hash',
    async (seed) => {
      const local = await runScenario(seed, LocalHost.factory(kvStateMachine));
      const overComlink = await runScenario(seed, channelFactory());
      expect(overComlink).toEqual(local);
    },
    60_000,
  );

  it('terminates the worker on dispose', async () => {
    const coordinator = await Coordinator.create(
      { machines, seed: 1, epochMs: 0, stateMachine: kvStateMachine },
      channelFactory(),
    );
    await coordinator.advanceBy(2_000);
    coordinator.dispose();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  it('a worker that dies shows as a crashed machine that starts again in a new worker', async () => {
    const coordinator = await Coordinator.create(
      { machines, seed: 2, epochMs: 0, stateMachine: kvStateMachine },
      channelFactory(),
    );
    await coordinator.advanceBy(25_000);
    const first = workers[0];
    first?.die();
    await coordinator.advanceBy(5_000);
    const crashed = coordinator.status()[0];
    expect(crashed?.daemon).toBe('crashed');
    expect(crashed?.failure).toContain('died');
    expect(first?.terminated).toBe(true);
    expect(await coordinator.startDaemon('manager1')).toBe(true);
    expect(workers).toHaveLength(4);
    await coordinator.advanceBy(25_000);
    expect(coordinator.status()[0]?.raft?.lead).toBe(coordinator.leader());
    coordinator.dispose();
  }, 30_000);

  it('a worker that hangs is timed out and shown as crashed, never freezing the run', async () => {
    let hung = false;
    const makeApi = (hostname: string): ManagerWorkerApi<SimPayload, SimState, NoDaemon> => {
      const api = createManagerWorkerApi(kvStateMachine);
      if (hostname !== 'manager3') return api;
      return {
        ...api,
        step: (input) => {
          if (input.nowMs > 12_000 && !hung) {
            hung = true;
            // Simulates a worker stuck in a loop: the answer never comes.
            return new Promise<never>(() => undefined);
          }
          return api.step(input);
        },
      };
    };
    const coordinator = await Coordinator.create(
      { machines, seed: 3, epochMs: 0, stateMachine: kvStateMachine },
      channelFactory(makeApi, 50),
    );
    await coordinator.advanceBy(30_000);
    expect(hung).toBe(true);
    expect(coordinator.status()[2]?.daemon).toBe('crashed');
    expect(coordinator.status()[2]?.failure).toContain('did not answer');
    expect(coordinator.leader()).toBeDefined();
    coordinator.dispose();
  }, 30_000);

  it('the worker rejects malformed input before it touches the machine', () => {
    const api = createManagerWorkerApi(kvStateMachine);
    expect(() => api.status()).toThrow(/not initialised/);
    const bad = { nowMs: 1, messages: [{ type: 'MsgNope', from: 1, to: 2, term: 1 }], tick: false };
    expect(() => api.step(bad as never)).toThrow(/unknown message type/);
    const change = { nowMs: 1, action: { kind: 'conf-change', change: { kind: 'promote' } } };
    expect(() => api.raftAdmin(change as never)).toThrow(/unknown membership change/);
    const transfer = { nowMs: 1, action: { kind: 'transfer-leadership', to: -1 } };
    expect(() => api.raftAdmin(transfer as never)).toThrow(/raftAdmin.to/);
  });
});
