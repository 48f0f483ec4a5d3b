import type { NetworkCreateResponse, NetworkInspect, NetworkPruneReport } from '../api/network';
import type { EngineApi } from '../api/engine';
import { ConnectionError, DaemonError } from '../api/errors';
import type { Node, Swarm, UnlockKeyResponse } from '../api/swarm';
import type { PingResult, SystemInfo, SystemVersion } from '../api/system';
import type { Task } from '../api/task';
import type { ContainerInspect, ContainerSummary, ExecResult } from '../api/container';
import type { DistributionInspect } from '../api/distribution';
import type { Volume, VolumePruneReport } from '../api/volume';
import type { ContainerLogsResult, ServiceLogsResult } from '../api/logs';
import type { Service, ServiceCreateResponse, ServiceUpdateResponse } from '../api/service';
import type { CancelSignal } from '../lib/cancel';
import type { Config, DataObjectCreateResponse, Secret } from '../api/secret';
import { rfc3339Nano } from '../lib/go-time';
import {
  isOkResponseTo,
  type DaemonOp,
  type DaemonRequest,
  type DaemonResponse,
  type OperationFields,
  type OperationResult,
} from '../api/operations';
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
    return this.#send({ op: 'ping' }, null);
  }

  async version(): Promise<SystemVersion> {
    await this.#send({ op: 'version' }, null);
    return systemVersion(this.#facts());
  }

  async info(): Promise<SystemInfo> {
    const swarm = await this.#send({ op: 'info' }, null);
    return systemInfo(this.#facts(), swarm);
  }

  swarmInit(fields: OperationFields<'swarmInit'>, cancel: CancelSignal): Promise<string> {
    return this.#send({ op: 'swarmInit', ...fields }, cancel);
  }

  async swarmJoin(fields: OperationFields<'swarmJoin'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'swarmJoin', ...fields }, cancel);
  }

  async swarmLeave(fields: OperationFields<'swarmLeave'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'swarmLeave', ...fields }, cancel);
  }

  async swarmUnlock(fields: OperationFields<'swarmUnlock'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'swarmUnlock', ...fields }, cancel);
  }

  swarmInspect(cancel?: CancelSignal): Promise<Swarm> {
    return this.#send({ op: 'swarmInspect' }, cancel ?? null);
  }

  async swarmUpdate(fields: OperationFields<'swarmUpdate'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'swarmUpdate', ...fields }, cancel);
  }

  swarmUnlockKey(cancel?: CancelSignal): Promise<UnlockKeyResponse> {
    return this.#send({ op: 'swarmUnlockKey' }, cancel ?? null);
  }

  nodeList(fields: OperationFields<'nodeList'>, cancel: CancelSignal): Promise<readonly Node[]> {
    return this.#send({ op: 'nodeList', ...fields }, cancel);
  }

  nodeInspect(fields: OperationFields<'nodeInspect'>, cancel: CancelSignal): Promise<Node> {
    return this.#send({ op: 'nodeInspect', ...fields }, cancel);
  }

  async nodeUpdate(fields: OperationFields<'nodeUpdate'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'nodeUpdate', ...fields }, cancel);
  }

  async nodeRemove(fields: OperationFields<'nodeRemove'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'nodeRemove', ...fields }, cancel);
  }

  taskList(fields: OperationFields<'taskList'>, cancel: CancelSignal): Promise<readonly Task[]> {
    return this.#send({ op: 'taskList', ...fields }, cancel);
  }

  taskInspect(fields: OperationFields<'taskInspect'>, cancel: CancelSignal): Promise<Task> {
    return this.#send({ op: 'taskInspect', ...fields }, cancel);
  }

  distributionInspect(
    fields: OperationFields<'distributionInspect'>,
    cancel: CancelSignal,
  ): Promise<DistributionInspect> {
    return this.#send({ op: 'distributionInspect', ...fields }, cancel);
  }

  containerList(
    fields: OperationFields<'containerList'>,
    cancel: CancelSignal,
  ): Promise<readonly ContainerSummary[]> {
    return this.#send({ op: 'containerList', ...fields }, cancel);
  }

  containerInspect(
    fields: OperationFields<'containerInspect'>,
    cancel: CancelSignal,
  ): Promise<ContainerInspect> {
    return this.#send({ op: 'containerInspect', ...fields }, cancel);
  }

  async containerRemove(
    fields: OperationFields<'containerRemove'>,
    cancel: CancelSignal,
  ): Promise<void> {
    await this.#send({ op: 'containerRemove', ...fields }, cancel);
  }

  containerExec(
    fields: OperationFields<'containerExec'>,
    cancel: CancelSignal,
  ): Promise<ExecResult> {
    return this.#send({ op: 'containerExec', ...fields }, cancel);
  }

  containerLogs(
    fields: OperationFields<'containerLogs'>,
    cancel: CancelSignal,
  ): Promise<ContainerLogsResult> {
    return this.#send({ op: 'containerLogs', ...fields }, cancel);
  }

  volumeCreate(fields: OperationFields<'volumeCreate'>, cancel: CancelSignal): Promise<Volume> {
    return this.#send({ op: 'volumeCreate', ...fields }, cancel);
  }

  volumeList(
    fields: OperationFields<'volumeList'>,
    cancel: CancelSignal,
  ): Promise<readonly Volume[]> {
    return this.#send({ op: 'volumeList', ...fields }, cancel);
  }

  volumeInspect(fields: OperationFields<'volumeInspect'>, cancel: CancelSignal): Promise<Volume> {
    return this.#send({ op: 'volumeInspect', ...fields }, cancel);
  }

  async volumeRemove(fields: OperationFields<'volumeRemove'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'volumeRemove', ...fields }, cancel);
  }

  volumePrune(
    fields: OperationFields<'volumePrune'>,
    cancel: CancelSignal,
  ): Promise<VolumePruneReport> {
    return this.#send({ op: 'volumePrune', ...fields }, cancel);
  }

  serviceCreate(
    fields: OperationFields<'serviceCreate'>,
    cancel: CancelSignal,
  ): Promise<ServiceCreateResponse> {
    return this.#send({ op: 'serviceCreate', ...fields }, cancel);
  }

  serviceList(
    fields: OperationFields<'serviceList'>,
    cancel: CancelSignal,
  ): Promise<readonly Service[]> {
    return this.#send({ op: 'serviceList', ...fields }, cancel);
  }

  serviceInspect(
    fields: OperationFields<'serviceInspect'>,
    cancel: CancelSignal,
  ): Promise<Service> {
    return this.#send({ op: 'serviceInspect', ...fields }, cancel);
  }

  serviceUpdate(
    fields: OperationFields<'serviceUpdate'>,
    cancel: CancelSignal,
  ): Promise<ServiceUpdateResponse> {
    return this.#send({ op: 'serviceUpdate', ...fields }, cancel);
  }

  async serviceRemove(
    fields: OperationFields<'serviceRemove'>,
    cancel: CancelSignal,
  ): Promise<void> {
    await this.#send({ op: 'serviceRemove', ...fields }, cancel);
  }

  serviceLogs(
    fields: OperationFields<'serviceLogs'>,
    cancel: CancelSignal,
  ): Promise<ServiceLogsResult> {
    return this.#send({ op: 'serviceLogs', ...fields }, cancel);
  }

  secretCreate(
    fields: OperationFields<'secretCreate'>,
    cancel: CancelSignal,
  ): Promise<DataObjectCreateResponse> {
    return this.#send({ op: 'secretCreate', ...fields }, cancel);
  }

  secretList(
    fields: OperationFields<'secretList'>,
    cancel: CancelSignal,
  ): Promise<readonly Secret[]> {
    return this.#send({ op: 'secretList', ...fields }, cancel);
  }

  secretInspect(fields: OperationFields<'secretInspect'>, cancel: CancelSignal): Promise<Secret> {
    return this.#send({ op: 'secretInspect', ...fields }, cancel);
  }

  async secretUpdate(fields: OperationFields<'secretUpdate'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'secretUpdate', ...fields }, cancel);
  }

  async secretRemove(fields: OperationFields<'secretRemove'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'secretRemove', ...fields }, cancel);
  }

  configCreate(
    fields: OperationFields<'configCreate'>,
    cancel: CancelSignal,
  ): Promise<DataObjectCreateResponse> {
    return this.#send({ op: 'configCreate', ...fields }, cancel);
  }

  configList(
    fields: OperationFields<'configList'>,
    cancel: CancelSignal,
  ): Promise<readonly Config[]> {
    return this.#send({ op: 'configList', ...fields }, cancel);
  }

  configInspect(fields: OperationFields<'configInspect'>, cancel: CancelSignal): Promise<Config> {
    return this.#send({ op: 'configInspect', ...fields }, cancel);
  }

  async configUpdate(fields: OperationFields<'configUpdate'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'configUpdate', ...fields }, cancel);
  }

  async configRemove(fields: OperationFields<'configRemove'>, cancel: CancelSignal): Promise<void> {
    await this.#send({ op: 'configRemove', ...fields }, cancel);
  }

  networkCreate(
    fields: OperationFields<'networkCreate'>,
    cancel: CancelSignal,
  ): Promise<NetworkCreateResponse> {
    return this.#send({ op: 'networkCreate', ...fields }, cancel);
  }

  networkList(
    fields: OperationFields<'networkList'>,
    cancel: CancelSignal,
  ): Promise<readonly NetworkInspect[]> {
    return this.#send({ op: 'networkList', ...fields }, cancel);
  }

  networkInspect(
    fields: OperationFields<'networkInspect'>,
    cancel: CancelSignal,
  ): Promise<NetworkInspect> {
    return this.#send({ op: 'networkInspect', ...fields }, cancel);
  }

  async networkRemove(
    fields: OperationFields<'networkRemove'>,
    cancel: CancelSignal,
  ): Promise<void> {
    await this.#send({ op: 'networkRemove', ...fields }, cancel);
  }

  networkPrune(
    fields: OperationFields<'networkPrune'>,
    cancel: CancelSignal,
  ): Promise<NetworkPruneReport> {
    return this.#send({ op: 'networkPrune', ...fields }, cancel);
  }

  swarmNetworkCreate(
    fields: OperationFields<'swarmNetworkCreate'>,
    cancel: CancelSignal,
  ): Promise<NetworkCreateResponse> {
    return this.#send({ op: 'swarmNetworkCreate', ...fields }, cancel);
  }

  async swarmNetworkRemove(
    fields: OperationFields<'swarmNetworkRemove'>,
    cancel: CancelSignal,
  ): Promise<void> {
    await this.#send({ op: 'swarmNetworkRemove', ...fields }, cancel);
  }

  swarmNetworkPrune(
    fields: OperationFields<'swarmNetworkPrune'>,
    cancel: CancelSignal,
  ): Promise<NetworkPruneReport> {
    return this.#send({ op: 'swarmNetworkPrune', ...fields }, cancel);
  }

  /** Sends one call and returns its answer's value, typed by the operation that asked for it. */
  async #send<K extends DaemonOp>(
    request: DaemonRequest & { readonly op: K },
    cancel: CancelSignal | null,
  ): Promise<OperationResult<K>> {
    const response = await this.#options.call(request, cancel);
    if (isOkResponseTo(request.op, response)) return response.value;
    switch (response.status) {
      case 'ok':
        throw new DaemonError('internal', `answer to ${response.op} for a ${request.op} call`);
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
