import {
  Coordinator,
  takeFrame,
  type CoordinatorConfig,
  type SimulationFrame,
} from './coordinator';
import { LocalHost, kvStateMachine, type SimPayload, type SimState } from './machine';

/**
 * What the page's Playground needs of a running simulation. The browser's implementation talks to
 * the coordinator's Web Worker through Comlink (src/ui/state/worker-simulation.ts); this file's
 * `LocalSimulation` runs the same coordinator in-process, for tests and Node. Every call is async
 * because the worker's are.
 */
export interface SimulationPort {
  advanceBy(durationMs: number): Promise<void>;
  stopDaemon(hostname: string): Promise<boolean>;
  startDaemon(hostname: string): Promise<boolean>;
  partition(groups: readonly (readonly string[])[]): Promise<void>;
  heal(): Promise<void>;
  /** The run as plain data (config plus inputs), for saving. */
  snapshot(): Promise<unknown>;
  /** Drains what happened since the last frame. */
  frame(): Promise<SimulationFrame>;
  dispose(): void;
}

export class LocalSimulation implements SimulationPort {
  readonly #coordinator: Coordinator<SimPayload, SimState>;

  private constructor(coordinator: Coordinator<SimPayload, SimState>) {
    this.#coordinator = coordinator;
  }

  static async create(config: CoordinatorConfig): Promise<LocalSimulation> {
    const coordinator = await Coordinator.create(
      { ...config, stateMachine: kvStateMachine },
      LocalHost.factory(kvStateMachine),
    );
    return new LocalSimulation(coordinator);
  }

  /** Rebuilds a saved run; throws SnapshotError when the save is corrupt or foreign. */
  static async restore(snapshot: unknown): Promise<LocalSimulation> {
    const coordinator = await Coordinator.restore(
      snapshot,
      LocalHost.factory(kvStateMachine),
      kvStateMachine,
    );
    return new LocalSimulation(coordinator);
  }

  advanceBy(durationMs: number): Promise<void> {
    return this.#coordinator.advanceBy(durationMs);
  }

  stopDaemon(hostname: string): Promise<boolean> {
    return this.#coordinator.stopDaemon(hostname);
  }

  startDaemon(hostname: string): Promise<boolean> {
    return this.#coordinator.startDaemon(hostname);
  }

  partition(groups: readonly (readonly string[])[]): Promise<void> {
    return this.#coordinator.partition(groups);
  }

  heal(): Promise<void> {
    return this.#coordinator.heal();
  }

  snapshot(): Promise<unknown> {
    return this.#coordinator.snapshot();
  }

  frame(): Promise<SimulationFrame> {
    return Promise.resolve(takeFrame(this.#coordinator));
  }

  dispose(): void {
    this.#coordinator.dispose();
  }
}
