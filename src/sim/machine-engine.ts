import type { EngineApi, PingResult } from '../api/engine';
import { ConnectionError, DaemonError } from '../api/errors';
import type {
  Filters,
  InitRequest,
  JoinRequest,
  Node,
  NodeSpecUpdate,
  Swarm,
  SwarmSpec,
  UnlockKeyResponse,
  UnlockRequest,
  UpdateFlags,
} from '../api/swarm';
import type { SystemInfo, SystemVersion } from '../api/system';
import type { Task } from '../api/task';
import type { CancelSignal } from '../lib/cancel';
import { rfc3339Nano } from '../lib/go-time';
import type { DaemonOp, DaemonRequest, DaemonResponse, DaemonResults } from '../api/operations';
import { systemInfo, systemVersion, type MachineFacts } from '../swarm/node/system-info';

/** Sends one call to the machine's daemon (through the simulation) and resolves with its answer. */
export type DaemonCall = (
  request: DaemonRequest,
  cancel: CancelSignal | null,
) => Promise<DaemonResponse>;

export interface MachineEngineOptions {
  /** What does not change while the machine lives: hostname, engine ID, CPUs, memory, kernel. */
  readonly facts: Omit<MachineFacts, 'systemTime'>;
  readonly call: DaemonCall;
  /** The machine's wall clock: the run's virtual epoch plus virtual time. */
  readonly nowEpochMs: () => number;
}

/**
 * One machine's docker daemon as the CLI reaches it: every call becomes a plain-data request to
 * the simulated daemon (an input of the simulation), and its answer becomes the value, a
 * `DaemonError` or a `ConnectionError` (a stopped daemon, as a closed /var/run/docker.sock).
 */
export class MachineEngine implements EngineApi {
  readonly #options: MachineEngineOptions;

  constructor(options: MachineEngineOptions) {
    this.#options = options;
  }

  ping(): Promise<PingResult> {
    return this.#send('ping', { op: 'ping' }, null);
  }

  async version(): Promise<SystemVersion> {
    await this.#send('version', { op: 'version' }, null);
    return systemVersion(this.#facts());
  }

  async info(): Promise<SystemInfo> {
    const swarm = await this.#send('info', { op: 'info' }, null);
    return systemInfo(this.#facts(), swarm);
  }

  swarmInit(request: InitRequest, cancel: CancelSignal): Promise<string> {
    return this.#send('swarmInit', { op: 'swarmInit', request }, cancel);
  }

  async swarmJoin(request: JoinRequest, cancel: CancelSignal): Promise<void> {
    await this.#send('swarmJoin', { op: 'swarmJoin', request }, cancel);
  }

  async swarmLeave(force: boolean, cancel: CancelSignal): Promise<void> {
    await this.#send('swarmLeave', { op: 'swarmLeave', force }, cancel);
  }

  swarmInspect(cancel: CancelSignal): Promise<Swarm> {
    return this.#send('swarmInspect', { op: 'swarmInspect' }, cancel);
  }

  async swarmUpdate(
    version: number,
    spec: SwarmSpec,
    flags: UpdateFlags,
    cancel: CancelSignal,
  ): Promise<void> {
    await this.#send('swarmUpdate', { op: 'swarmUpdate', version, spec, flags }, cancel);
  }

  async swarmUnlock(request: UnlockRequest, cancel: CancelSignal): Promise<void> {
    await this.#send('swarmUnlock', { op: 'swarmUnlock', request }, cancel);
  }

  swarmUnlockKey(cancel: CancelSignal): Promise<UnlockKeyResponse> {
    return this.#send('swarmUnlockKey', { op: 'swarmUnlockKey' }, cancel);
  }

  nodeList(filters: Filters, cancel: CancelSignal): Promise<readonly Node[]> {
    return this.#send('nodeList', { op: 'nodeList', filters }, cancel);
  }

  nodeInspect(id: string, cancel: CancelSignal): Promise<Node> {
    return this.#send('nodeInspect', { op: 'nodeInspect', id }, cancel);
  }

  async nodeUpdate(
    id: string,
    version: number,
    spec: NodeSpecUpdate,
    cancel: CancelSignal,
  ): Promise<void> {
    await this.#send('nodeUpdate', { op: 'nodeUpdate', id, version, spec }, cancel);
  }

  async nodeRemove(id: string, force: boolean, cancel: CancelSignal): Promise<void> {
    await this.#send('nodeRemove', { op: 'nodeRemove', id, force }, cancel);
  }

  taskList(filters: Filters, cancel: CancelSignal): Promise<readonly Task[]> {
    return this.#send('taskList', { op: 'taskList', filters }, cancel);
  }

  async #send<K extends DaemonOp>(
    _op: K,
    request: DaemonRequest & { readonly op: K },
    cancel: CancelSignal | null,
  ): Promise<DaemonResults[K]> {
    const response = await this.#options.call(request, cancel);
    switch (response.status) {
      case 'ok':
        // The daemon answers each op with that op's result (calls.ts `DaemonResults`).
        return response.value as DaemonResults[K];
      case 'error':
        throw new DaemonError(response.error.kind, response.error.message);
      case 'connection':
        throw new ConnectionError();
      case 'cancelled':
        throw new DaemonError('internal', 'context canceled');
    }
  }

  #facts(): MachineFacts {
    return { ...this.#options.facts, systemTime: rfc3339Nano(this.#options.nowEpochMs()) };
  }
}
