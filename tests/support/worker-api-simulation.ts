import type { CoordinatorWorkerApi } from '../../src/sim-worker/coordinator-api';
import { createCoordinatorWorkerApi } from '../../src/sim-worker/coordinator-api';
import type { CoordinatorConfig } from '../../src/sim/coordinator';
import { LocalHost } from '../../src/sim/machine';
import type { SimulationPort } from '../../src/sim/simulation-port';
import { swarmStateMachine } from '../../src/swarm/node/state-machine';
import { MemoryCheckpoints } from './memory-saves';

/**
 * The coordinator worker's API in process, as the page's `WorkerSimulation` reaches it through
 * Comlink: its snapshot is a save's head, its checkpoints written to `checkpoints`, so a test
 * sees what a save in the browser writes.
 */
export class WorkerApiSimulation implements SimulationPort {
  readonly checkpoints: MemoryCheckpoints;
  readonly #api: CoordinatorWorkerApi;

  private constructor(checkpoints: MemoryCheckpoints) {
    this.checkpoints = checkpoints;
    this.#api = createCoordinatorWorkerApi(LocalHost.factory(swarmStateMachine), checkpoints);
  }

  static async create(
    config: CoordinatorConfig,
    checkpoints = new MemoryCheckpoints(),
  ): Promise<WorkerApiSimulation> {
    const simulation = new WorkerApiSimulation(checkpoints);
    await simulation.#api.create(config);
    return simulation;
  }

  static async restore(
    head: unknown,
    checkpoints: MemoryCheckpoints,
  ): Promise<WorkerApiSimulation> {
    const simulation = new WorkerApiSimulation(checkpoints);
    await simulation.#api.restoreSaved(structuredClone(head));
    return simulation;
  }

  advanceBy: SimulationPort['advanceBy'] = (durationMs) => this.#api.advanceBy(durationMs);
  stopDaemon: SimulationPort['stopDaemon'] = (hostname) => this.#api.stopDaemon(hostname);
  startDaemon: SimulationPort['startDaemon'] = (hostname) => this.#api.startDaemon(hostname);
  partition: SimulationPort['partition'] = (groups) => this.#api.partition(groups);
  heal: SimulationPort['heal'] = () => this.#api.heal();
  call: SimulationPort['call'] = (hostname, request, token) =>
    this.#api.call(hostname, request, token);
  cancelCall: SimulationPort['cancelCall'] = (token) => this.#api.cancelCall(token);
  systemctl: SimulationPort['systemctl'] = (hostname, action, units) =>
    this.#api.systemctl(hostname, action, units);
  files: SimulationPort['files'] = (hostname, request) => this.#api.files(hostname, request);
  addMachine: SimulationPort['addMachine'] = (machine) => this.#api.addMachine(machine);
  removeMachine: SimulationPort['removeMachine'] = (hostname) => this.#api.removeMachine(hostname);
  snapshot: SimulationPort['snapshot'] = () => this.#api.save();
  frame: SimulationPort['frame'] = () => Promise.resolve(this.#api.frame());
  raftLog: SimulationPort['raftLog'] = (hostname) => this.#api.raftLog(hostname);
  dispose: SimulationPort['dispose'] = () => {
    this.#api.dispose();
  };
}
