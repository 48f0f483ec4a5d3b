import {
  Coordinator,
  takeFrame,
  type SimulationFrame,
  type CoordinatorConfig,
  type CoordinatorSnapshot,
  type ProposeResult,
} from '../sim/coordinator';
import { kvStateMachine, type HostFactory, type SimPayload, type SimState } from '../sim/machine';

/**
 * What `coordinator.worker.ts` exposes: the coordinator's inputs, plus `frame()`, which drains
 * the trace and the RPC flights and reads every status at once, so the page pays one
 * postMessage per animation frame whatever the simulation speed.
 */
export interface CoordinatorWorkerApi {
  create(config: CoordinatorConfig): Promise<void>;
  restore(snapshot: unknown): Promise<void>;
  advanceBy(durationMs: number): Promise<void>;
  stopDaemon(hostname: string): Promise<boolean>;
  startDaemon(hostname: string): Promise<boolean>;
  partition(groups: readonly (readonly string[])[]): Promise<void>;
  heal(): Promise<void>;
  propose(hostname: string, payload: SimPayload): Promise<ProposeResult>;
  snapshot(): Promise<CoordinatorSnapshot<SimPayload>>;
  frame(): SimulationFrame;
  dispose(): void;
}

export function createCoordinatorWorkerApi(
  hostFactory: HostFactory<SimPayload, SimState>,
): CoordinatorWorkerApi {
  let current: Coordinator<SimPayload, SimState> | undefined;
  const require = (): Coordinator<SimPayload, SimState> => {
    if (current === undefined) throw new Error('no cluster: call create or restore first');
    return current;
  };
  return {
    async create(config) {
      current?.dispose();
      current = await Coordinator.create({ ...config, stateMachine: kvStateMachine }, hostFactory);
    },
    async restore(snapshot) {
      current?.dispose();
      current = undefined;
      current = await Coordinator.restore(snapshot, hostFactory, kvStateMachine);
    },
    advanceBy: (durationMs) => require().advanceBy(durationMs),
    stopDaemon: (hostname) => require().stopDaemon(hostname),
    startDaemon: (hostname) => require().startDaemon(hostname),
    partition: (groups) => require().partition(groups),
    heal: () => require().heal(),
    propose: (hostname, payload) => {
      if (!kvStateMachine.isPayload(payload)) throw new Error('malformed proposal payload');
      return require().propose(hostname, payload);
    },
    snapshot: () => require().snapshot(),
    frame: () => takeFrame(require()),
    dispose() {
      current?.dispose();
      current = undefined;
    },
  };
}
