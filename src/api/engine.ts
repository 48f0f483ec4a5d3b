import type { CancelSignal } from '../lib/cancel';
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
} from './swarm';
import type { SystemInfo, SystemVersion } from './system';
import type { Task } from './task';

/**
 * What the docker CLI may ask of the daemon on its machine: the Engine API, as typed calls.
 * The CLI reaches a machine only through this interface, as the real `docker` talks to `dockerd`
 * over /var/run/docker.sock. A call either resolves or rejects with `DaemonError` or
 * `ConnectionError` (./errors.ts).
 *
 * Every swarm call may have to wait: a manager forwards it to the leader, and with quorum lost it
 * waits for one until its request deadline. Such calls take the command's `CancelSignal`, so
 * that Ctrl+C drops the request on the daemon side as a closed connection would.
 *
 * Each simulation issue adds the calls it needs (swarm, node, service, secret, ...).
 */
export interface EngineApi {
  /** `GET /_ping`: whether a daemon answers, and this node's swarm role (for hidden commands). */
  ping(): Promise<PingResult>;
  /** `GET /version`. */
  version(): Promise<SystemVersion>;
  /** `GET /info`. */
  info(): Promise<SystemInfo>;

  /** `POST /swarm/init`: resolves to this node's new ID. */
  swarmInit(request: InitRequest, cancel: CancelSignal): Promise<string>;
  /** `POST /swarm/join`: resolves once the node has joined (or the join timed out: rejects). */
  swarmJoin(request: JoinRequest, cancel: CancelSignal): Promise<void>;
  /** `POST /swarm/leave?force=…`. */
  swarmLeave(force: boolean, cancel: CancelSignal): Promise<void>;
  /** `GET /swarm`: the cluster with its join tokens (managers only). */
  swarmInspect(cancel: CancelSignal): Promise<Swarm>;
  /** `POST /swarm/update?version=…&rotateWorkerToken=…`: `version` is `Swarm.Version.Index`. */
  swarmUpdate(
    version: number,
    spec: SwarmSpec,
    flags: UpdateFlags,
    cancel: CancelSignal,
  ): Promise<void>;
  /** `POST /swarm/unlock`. */
  swarmUnlock(request: UnlockRequest, cancel: CancelSignal): Promise<void>;
  /** `GET /swarm/unlockkey`. */
  swarmUnlockKey(cancel: CancelSignal): Promise<UnlockKeyResponse>;

  /** `GET /nodes?filters=…`; the daemon checks the filter keys. */
  nodeList(filters: Filters, cancel: CancelSignal): Promise<readonly Node[]>;
  /**
   * `GET /nodes/{id}`: `id` as the user typed it; the daemon resolves a full ID, an exact
   * hostname or a unique ID prefix (`node x not found`, `node x is ambiguous (N matches found)`).
   */
  nodeInspect(id: string, cancel: CancelSignal): Promise<Node>;
  /** `POST /nodes/{id}/update?version=…`: the daemon checks Role and Availability. */
  nodeUpdate(
    id: string,
    version: number,
    spec: NodeSpecUpdate,
    cancel: CancelSignal,
  ): Promise<void>;
  /** `DELETE /nodes/{id}?force=…`. */
  nodeRemove(id: string, force: boolean, cancel: CancelSignal): Promise<void>;

  /** `GET /tasks?filters=…` (`node ps` filters on `node`). */
  taskList(filters: Filters, cancel: CancelSignal): Promise<readonly Task[]>;
}

/** The `Swarm` header of `/_ping`: `inactive`, `pending`, `error`, `locked`, `active/worker` or `active/manager`. */
export interface PingResult {
  readonly apiVersion: string;
  readonly osType: 'linux';
  readonly swarm: 'inactive' | 'pending' | 'error' | 'locked' | 'active/worker' | 'active/manager';
}

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
  };
}
