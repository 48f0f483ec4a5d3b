import type { SystemInfo, SystemVersion } from './system';

/**
 * What the docker CLI may ask of the daemon on its machine: the Engine API, as typed calls.
 * The CLI reaches a machine only through this interface, as the real `docker` talks to `dockerd`
 * over /var/run/docker.sock. A call either resolves or rejects with `DaemonError` or
 * `ConnectionError` (./errors.ts).
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
}

/** The `Swarm` header of `/_ping`: `inactive`, `pending`, `error`, `locked`, `active/worker` or `active/manager`. */
export interface PingResult {
  readonly apiVersion: string;
  readonly osType: 'linux';
  readonly swarm: 'inactive' | 'pending' | 'error' | 'locked' | 'active/worker' | 'active/manager';
}
