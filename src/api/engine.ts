import type { CancelSignal } from '../lib/cancel';
import type { ClientResult, DaemonOp, OperationFields } from './operations';

/**
 * What the docker CLI may ask of the daemon on its machine: the Engine API, as typed calls.
 * The CLI reaches a machine only through this interface, as the real `docker` talks to `dockerd`
 * over /var/run/docker.sock. A call either resolves or rejects with `DaemonError` or
 * `ConnectionError` (./errors.ts).
 *
 * Every swarm call may have to wait: a manager forwards it to the leader, and with quorum lost it
 * waits for one until its request deadline. Such calls take the command's `CancelSignal`, so
 * that Ctrl+C drops the request on the daemon side as a closed connection would.
 */
export type EngineApi = { readonly [K in DaemonOp]: EngineMethod<K> };

/**
 * How the CLI calls operation `K` (the table in ./operations.ts): with its request's fields, when
 * it takes some, and the command's `CancelSignal`.
 */
export type EngineMethod<K extends DaemonOp> = keyof OperationFields<K> extends never
  ? (cancel?: CancelSignal) => Promise<ClientResult<K>>
  : (request: OperationFields<K>, cancel: CancelSignal) => Promise<ClientResult<K>>;

/** An Engine API on which every call fails with `error()` (a stopped daemon, an offline CLI). */
export function refusingEngine(error: () => Error): EngineApi {
  const refuse = (): Promise<never> => Promise.reject(error());
  return {
    ping: refuse,
    version: refuse,
    info: refuse,
    swarmInit: refuse,
    swarmJoin: refuse,
    swarmLeave: refuse,
    swarmInspect: refuse,
    swarmUpdate: refuse,
    swarmUnlock: refuse,
    swarmUnlockKey: refuse,
    nodeList: refuse,
    nodeInspect: refuse,
    nodeUpdate: refuse,
    nodeRemove: refuse,
    taskList: refuse,
    taskInspect: refuse,
    distributionInspect: refuse,
    containerList: refuse,
    containerInspect: refuse,
    containerRemove: refuse,
    containerExec: refuse,
    containerLogs: refuse,
    volumeCreate: refuse,
    volumeList: refuse,
    volumeInspect: refuse,
    volumeRemove: refuse,
    volumePrune: refuse,
    serviceCreate: refuse,
    serviceList: refuse,
    serviceInspect: refuse,
    serviceUpdate: refuse,
    serviceRemove: refuse,
    secretCreate: refuse,
    secretList: refuse,
    secretInspect: refuse,
    secretUpdate: refuse,
    secretRemove: refuse,
    configCreate: refuse,
    configList: refuse,
    configInspect: refuse,
    configUpdate: refuse,
    configRemove: refuse,
    serviceLogs: refuse,
    networkCreate: refuse,
    networkList: refuse,
    networkInspect: refuse,
    networkRemove: refuse,
    networkPrune: refuse,
    swarmNetworkCreate: refuse,
    swarmNetworkRemove: refuse,
    swarmNetworkPrune: refuse,
  };
}
