import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import { swarmStateMachine } from '../swarm/node/state-machine';
import type { CallInput } from '../sim/machine/host';
import type { StoreProposal, StoreState } from '../swarm';
import {
  LocalHost,
  type DaemonInput,
  type FilesInput,
  type FilesOutput,
  type HostFactory,
  type MachineHost,
  type MachineOutput,
  type MachineSnapshot,
  type MachineSource,
  type MachineState,
  type MachineStatusData,
  type ProposeInput,
  type ProposeOutput,
  type RaftAdminInput,
  type StepInput,
} from '../sim/machine';
import {
  checkFilesOutput,
  checkOutput,
  checkProposeOutput,
  checkSnapshot,
  checkState,
  checkStatus,
  type ManagerWorkerApi,
} from './protocol';
import type { DaemonData } from '../machine-api';
import type { SwarmDaemonData } from '../swarm/node';

/** What WorkerHost needs of a worker: a Worker, or a MessagePort plus a terminate in tests. */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

export interface WorkerHostOptions {
  /**
   * A call that takes longer than this (wall time) counts as a hung worker: the machine shows
   * as crashed instead of freezing the coordinator. A manager's step takes well under 1 ms.
   */
  readonly callTimeoutMs: number;
}

const defaultOptions: WorkerHostOptions = { callTimeoutMs: 10_000 };

/**
 * A MachineHost over one dedicated Web Worker. Each call is checked when it comes back; a call
 * that rejects, a worker that dies (`error`, `messageerror`) or a call that hangs all reject, and
 * the coordinator then shows the machine as crashed and can start it in a fresh worker.
 */
export class WorkerHost<P, S, D extends DaemonData> implements MachineHost<P, S, D> {
  readonly #worker: WorkerLike;
  readonly #remote: Remote<ManagerWorkerApi<P, S, D>>;
  readonly #options: WorkerHostOptions;
  readonly #died: Promise<never>;
  #fail: (error: Error) => void = () => undefined;
  #disposed = false;

  constructor(worker: WorkerLike, options: WorkerHostOptions = defaultOptions) {
    this.#worker = worker;
    this.#options = options;
    this.#remote = wrap<ManagerWorkerApi<P, S, D>>(worker);
    this.#died = new Promise<never>((_, reject) => {
      this.#fail = reject;
    });
    // Nobody may be waiting when the worker dies; that must not be an unhandled rejection.
    this.#died.catch(() => undefined);
    worker.addEventListener('error', this.#onError);
    worker.addEventListener('messageerror', this.#onError);
  }

  /** Builds the machine inside the worker. */
  async init(source: MachineSource<P, S, D>): Promise<void> {
    await this.#call(() => this.#remote.init(source));
  }

  async step(input: StepInput<P, S>): Promise<MachineOutput<P, S, D>> {
    return checkOutput<P, S, D>(await this.#call(() => this.#remote.step(input)));
  }

  async propose(input: ProposeInput<P>): Promise<ProposeOutput<P, S, D>> {
    return checkProposeOutput<P, S, D>(await this.#call(() => this.#remote.propose(input)));
  }

  async setDaemon(input: DaemonInput): Promise<MachineOutput<P, S, D>> {
    return checkOutput<P, S, D>(await this.#call(() => this.#remote.setDaemon(input)));
  }

  async raftAdmin(input: RaftAdminInput): Promise<ProposeOutput<P, S, D>> {
    return checkProposeOutput<P, S, D>(await this.#call(() => this.#remote.raftAdmin(input)));
  }

  async status(): Promise<MachineStatusData> {
    return checkStatus(await this.#call(() => this.#remote.status()));
  }

  async call(input: CallInput): Promise<MachineOutput<P, S, D>> {
    return checkOutput<P, S, D>(await this.#call(() => this.#remote.call(input)));
  }

  async files(input: FilesInput): Promise<FilesOutput<P, S, D>> {
    return checkFilesOutput<P, S, D>(await this.#call(() => this.#remote.files(input)));
  }

  async snapshot(): Promise<MachineSnapshot<P, S, D>> {
    return checkSnapshot<P, S, D>(await this.#call(() => this.#remote.snapshot()));
  }

  async exportState(): Promise<MachineState<P, S, D> | null> {
    const state = await this.#call(() => this.#remote.exportState());
    return state === null ? null : checkState<P, S, D>(state);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#fail(new Error('the worker host was disposed'));
    this.#worker.removeEventListener('error', this.#onError);
    this.#worker.removeEventListener('messageerror', this.#onError);
    this.#remote[releaseProxy]();
    this.#worker.terminate();
  }

  readonly #onError = (event: Event): void => {
    const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
    this.#fail(new Error(`the manager worker died${message === '' ? '' : `: ${message}`}`));
  };

  async #call<T>(work: () => Promise<T>): Promise<T> {
    if (this.#disposed) throw new Error('the worker host was disposed');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`the manager worker did not answer in ${this.#options.callTimeoutMs} ms`));
      }, this.#options.callTimeoutMs);
    });
    try {
      return await Promise.race([work(), this.#died, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function sourceHostname<P, S, D extends DaemonData>(source: MachineSource<P, S, D>): string {
  return source.kind === 'disk'
    ? source.snapshot.spec.hostname
    : source.state.snapshot.spec.hostname;
}

/** Starts one dedicated module worker for a manager and builds its machine in it. */
export async function spawnManagerHost(
  source: MachineSource<StoreProposal, StoreState, SwarmDaemonData>,
  options: WorkerHostOptions = defaultOptions,
): Promise<WorkerHost<StoreProposal, StoreState, SwarmDaemonData>> {
  const worker = new Worker(new URL('./manager.worker.ts', import.meta.url), {
    type: 'module',
    name: `manager ${sourceHostname(source)}`,
  });
  const host = new WorkerHost<StoreProposal, StoreState, SwarmDaemonData>(worker, options);
  try {
    await host.init(source);
  } catch (error: unknown) {
    host.dispose();
    throw error;
  }
  return host;
}

/**
 * The page's host factory: a dedicated worker for each manager; worker machines (agents only)
 * share the coordinator's thread, where a step costs microseconds and no postMessage round trip.
 * The coordinator asks for the placement the machine's role calls for, and moves the machine
 * (exported state, new host) when a promotion or demotion changes it.
 */
export function workerHostFactory(
  options: WorkerHostOptions = defaultOptions,
): HostFactory<StoreProposal, StoreState, SwarmDaemonData> {
  return (source, placement) =>
    placement === 'own-worker'
      ? spawnManagerHost(source, options)
      : new LocalHost(source, swarmStateMachine);
}
