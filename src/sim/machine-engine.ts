import type { EngineApi, PingResult } from '../api/engine';
import { ConnectionError } from '../api/errors';
import type { SystemInfo, SystemVersion } from '../api/system';
import { rfc3339Nano } from '../lib/go-time';
import { systemInfo, systemVersion, type MachineFacts } from './daemon/system-info';

export interface MachineEngineOptions {
  /** What does not change while the machine lives: hostname, engine ID, CPUs, memory, kernel. */
  readonly facts: Omit<MachineFacts, 'systemTime'>;
  readonly isDaemonRunning: () => boolean;
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

  #facts(): MachineFacts {
    return { ...this.#options.facts, systemTime: rfc3339Nano(this.#options.nowEpochMs()) };
  }

  #answer<T>(compute: () => T): Promise<T> {
    if (!this.#options.isDaemonRunning()) return Promise.reject(new ConnectionError());
    return Promise.resolve(compute());
  }
}
