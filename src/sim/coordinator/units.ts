import type { NodeId } from '../../raft';
import type { DaemonRequest } from '../../api/operations';
import type { UnitsStatus } from './types';

/**
 * How long socket activation takes: systemd starts docker.service when a client connects to
 * docker.socket, and the client's request waits while dockerd starts (a second or two on a
 * small VM) before it is answered.
 */
export const SOCKET_ACTIVATION_MS = 2_000;

/** A call reached the listening socket of a stopped service: dockerd is starting. */
export interface Activation {
  readonly atMs: number;
  readonly calls: { readonly callId: string; readonly request: DaemonRequest }[];
}

/** Every machine's units and the activations under way, as plain data, by node id. */
export interface SystemdUnitsData {
  readonly units: readonly (readonly [NodeId, UnitsStatus])[];
  readonly activations: readonly (readonly [NodeId, Activation])[];
}

const INITIAL_UNITS: UnitsStatus = {
  service: 'active',
  socket: 'active',
  serviceSinceMs: 0,
  socketSinceMs: 0,
};

/**
 * docker.service and docker.socket of every machine (semantics §13), and the socket activations
 * under way, by node id. Kept out of the slots because only systemctl, the power control and
 * socket activation touch them; the loop only asks when the next activation is due, which is
 * nearly always never, without walking every machine.
 */
export class SystemdUnits {
  readonly #units = new Map<NodeId, UnitsStatus>();
  readonly #activations = new Map<NodeId, Activation>();

  toData(): SystemdUnitsData {
    return { units: [...this.#units], activations: [...this.#activations] };
  }

  /** Takes back a checkpoint's units into this empty table. */
  restore(data: SystemdUnitsData): void {
    for (const [id, units] of data.units) this.#units.set(id, units);
    for (const [id, activation] of data.activations) {
      this.#activations.set(id, { atMs: activation.atMs, calls: [...activation.calls] });
    }
  }

  /** A new machine boots with both units active. */
  install(id: NodeId): void {
    this.#units.set(id, INITIAL_UNITS);
  }

  /** A removed machine: its units go, and so does an activation it was waiting for. */
  forget(id: NodeId): void {
    this.#units.delete(id);
    this.#activations.delete(id);
  }

  of(id: NodeId): UnitsStatus {
    const units = this.#units.get(id);
    if (units === undefined) throw new Error(`no units for node ${id}`);
    return units;
  }

  socketListening(id: NodeId): boolean {
    return this.of(id).socket === 'active';
  }

  /** Sets one unit's state; the `since` time moves only when the state changes. */
  set(
    id: NodeId,
    unit: 'service' | 'socket',
    state: 'active' | 'inactive' | 'failed',
    nowMs: number,
  ): void {
    const units = this.of(id);
    if (unit === 'service') {
      if (units.service === state) return;
      this.#units.set(id, { ...units, service: state, serviceSinceMs: nowMs });
    } else {
      const socketState = state === 'failed' ? 'inactive' : state;
      if (units.socket === socketState) return;
      this.#units.set(id, { ...units, socket: socketState, socketSinceMs: nowMs });
    }
  }

  /** A call waits for the daemon the socket is starting; the first call starts the clock. */
  queueActivation(id: NodeId, nowMs: number, call: Activation['calls'][number]): void {
    let activation = this.#activations.get(id);
    if (activation === undefined) {
      activation = { atMs: nowMs + SOCKET_ACTIVATION_MS, calls: [] };
      this.#activations.set(id, activation);
    }
    activation.calls.push(call);
  }

  /** When the earliest activation is due; Infinity when none is under way (nearly always). */
  nextActivationMs(): number {
    if (this.#activations.size === 0) return Infinity;
    let dueMs = Infinity;
    for (const activation of this.#activations.values()) dueMs = Math.min(dueMs, activation.atMs);
    return dueMs;
  }

  /** `id`'s activation if it is due by `nowMs`, which is then no longer under way. */
  takeDue(id: NodeId, nowMs: number): Activation | null {
    const activation = this.#activations.get(id);
    if (activation === undefined || activation.atMs > nowMs) return null;
    this.#activations.delete(id);
    return activation;
  }
}
