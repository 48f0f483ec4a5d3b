import type { AnyFileAnswer, FileRequest } from '../../lib/filesystem';
import type {
  CoordinatorConfig,
  MachineInit,
  SimulationFrame,
  SystemdAction,
  SystemdUnit,
} from '../../sim/coordinator';
import type { DaemonRequest, DaemonResponse } from '../../api/operations';
import type { SimulationPort } from '../../sim/simulation-port';
import type { RaftLogView } from '../../sim/raft-log-view';
import { spawnCoordinator } from '../../sim-worker/spawn-coordinator';

/**
 * The browser's simulation: the coordinator in its own Web Worker, each manager in a nested one
 * (docs/sim.md). Comlink's proxy already has the SimulationPort's shape; this adds creation,
 * restore and teardown.
 */
export class WorkerSimulation implements SimulationPort {
  readonly #worker = spawnCoordinator();

  private constructor() {}

  static async create(config: CoordinatorConfig): Promise<WorkerSimulation> {
    const simulation = new WorkerSimulation();
    await simulation.#worker.api.create(config);
    return simulation;
  }

  /**
   * Replays a saved run from what `snapshot()` gave (the worker reads the checkpoint it names
   * from IndexedDB itself); rejects (and frees the worker) when the save does not replay.
   */
  static async restore(saved: unknown): Promise<WorkerSimulation> {
    const simulation = new WorkerSimulation();
    try {
      await simulation.#worker.api.restoreSaved(saved);
    } catch (error) {
      simulation.dispose();
      throw error;
    }
    return simulation;
  }

  advanceBy(durationMs: number): Promise<void> {
    return this.#worker.api.advanceBy(durationMs);
  }

  stopDaemon(hostname: string): Promise<boolean> {
    return this.#worker.api.stopDaemon(hostname);
  }

  startDaemon(hostname: string): Promise<boolean> {
    return this.#worker.api.startDaemon(hostname);
  }

  partition(groups: readonly (readonly string[])[]): Promise<void> {
    return this.#worker.api.partition(groups);
  }

  heal(): Promise<void> {
    return this.#worker.api.heal();
  }

  call(hostname: string, request: DaemonRequest, token: string): Promise<DaemonResponse> {
    return this.#worker.api.call(hostname, request, token);
  }

  cancelCall(token: string): Promise<void> {
    return this.#worker.api.cancelCall(token);
  }

  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]): Promise<void> {
    return this.#worker.api.systemctl(hostname, action, units);
  }

  files(hostname: string, request: FileRequest): Promise<AnyFileAnswer> {
    return this.#worker.api.files(hostname, request);
  }

  addMachine(machine: MachineInit): Promise<void> {
    return this.#worker.api.addMachine(machine);
  }

  removeMachine(hostname: string): Promise<void> {
    return this.#worker.api.removeMachine(hostname);
  }

  /**
   * The save's head: the worker has written the checkpoint it names to IndexedDB (once per
   * checkpoint), so what crosses to this thread is the inputs since it and the read model.
   */
  snapshot(): Promise<unknown> {
    return this.#worker.api.save();
  }

  frame(): Promise<SimulationFrame> {
    return this.#worker.api.frame();
  }

  raftLog(hostname: string): Promise<RaftLogView | null> {
    return this.#worker.api.raftLog(hostname);
  }

  dispose(): void {
    this.#worker.dispose();
  }
}
