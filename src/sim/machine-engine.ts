import type { EngineApi, PingResult } from '../api/engine';
import { ConnectionError, DaemonError, NotSimulatedCall } from '../api/errors';
import type { Node, Swarm, UnlockKeyResponse } from '../api/swarm';
import type { SystemInfo, SystemVersion } from '../api/system';
import type { Task } from '../api/task';
import { rfc3339Nano } from '../lib/go-time';
import { systemInfo, systemVersion, type MachineFacts } from './daemon/system-info';

/** docker-cli.md §10: what an inactive daemon answers to a manager-only call. */
const NOT_A_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
const NOT_IN_A_SWARM = 'This node is not part of a swarm';

export interface MachineEngineOptions {
  /** What does not change while the machine lives: hostname, engine ID, CPUs, memory, kernel. */
  readonly facts: Omit<MachineFacts, 'systemTime'>;
  readonly isDaemonRunning: () => boolean;
  /** Whether the machine belongs to a swarm (its preset formed one). */
  readonly isInSwarm: () => boolean;
  /** The machine's wall clock: the run's virtual epoch plus virtual time. */
  readonly nowEpochMs: () => number;
}

/**
 * One machine's docker daemon as the CLI reaches it. A stopped daemon answers nothing: every
 * call fails with the connection error, as a closed /var/run/docker.sock does.
 */
export class MachineEngine implements EngineApi {
  readonly #options: MachineEngineOptions;

  constructor(options: MachineEngineOptions) {
    this.#options = options;
  }

  ping(): Promise<PingResult> {
    return this.#answer(() => ({ apiVersion: '1.47', osType: 'linux', swarm: 'inactive' }));
  }

  version(): Promise<SystemVersion> {
    return this.#answer(() => systemVersion(this.#facts()));
  }

  info(): Promise<SystemInfo> {
    return this.#answer(() => systemInfo(this.#facts()));
  }

  // Until the swarm control plane is wired in, a machine outside any swarm answers as a real
  // inactive daemon does, and every call that needs a swarm says it is not simulated yet.
  swarmInit(): Promise<string> {
    return this.#notSimulated('swarm init');
  }

  swarmJoin(): Promise<void> {
    return this.#notSimulated('swarm join');
  }

  swarmLeave(): Promise<void> {
    return this.#inactiveOr('swarm leave', NOT_IN_A_SWARM);
  }

  swarmInspect(): Promise<Swarm> {
    return this.#inactiveOr('swarm inspect', NOT_A_MANAGER);
  }

  swarmUpdate(): Promise<void> {
    return this.#inactiveOr('swarm update', NOT_A_MANAGER);
  }

  swarmUnlock(): Promise<void> {
    return this.#inactiveOr('swarm unlock', NOT_IN_A_SWARM);
  }

  swarmUnlockKey(): Promise<UnlockKeyResponse> {
    return this.#inactiveOr('swarm unlock-key', NOT_A_MANAGER);
  }

  nodeList(): Promise<readonly Node[]> {
    return this.#inactiveOr('node ls', NOT_A_MANAGER);
  }

  nodeInspect(): Promise<Node> {
    return this.#inactiveOr('node inspect', NOT_A_MANAGER);
  }

  nodeUpdate(): Promise<void> {
    return this.#inactiveOr('node update', NOT_A_MANAGER);
  }

  nodeRemove(): Promise<void> {
    return this.#inactiveOr('node rm', NOT_A_MANAGER);
  }

  taskList(): Promise<readonly Task[]> {
    return this.#inactiveOr('task ls', NOT_A_MANAGER);
  }

  /** A machine in no swarm gives the daemon's real error; one in a swarm is not simulated yet. */
  #inactiveOr(call: string, inactiveMessage: string): Promise<never> {
    if (!this.#options.isDaemonRunning()) return Promise.reject(new ConnectionError());
    if (this.#options.isInSwarm()) return Promise.reject(new NotSimulatedCall(call));
    return Promise.reject(new DaemonError('failed-precondition', inactiveMessage));
  }

  #notSimulated(call: string): Promise<never> {
    if (!this.#options.isDaemonRunning()) return Promise.reject(new ConnectionError());
    return Promise.reject(new NotSimulatedCall(call));
  }

  #facts(): MachineFacts {
    return { ...this.#options.facts, systemTime: rfc3339Nano(this.#options.nowEpochMs()) };
  }

  #answer<T>(compute: () => T): Promise<T> {
    if (!this.#options.isDaemonRunning()) return Promise.reject(new ConnectionError());
    return Promise.resolve(compute());
  }
}
