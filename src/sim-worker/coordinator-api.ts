import {
  Coordinator,
  takeFrame,
  type SimulationFrame,
  type CoordinatorConfig,
  type MachineInit,
  type CoordinatorSnapshot,
  type ProposeResult,
} from '../sim/coordinator';
import type { SystemdAction, SystemdUnit } from '../sim/coordinator';
import type { DaemonRequest, DaemonResponse } from '../api/operations';
import { swarmStateMachine } from '../swarm/node/state-machine';
import { LocalHost, type HostFactory } from '../sim/machine';
import { CallTable } from '../sim/simulation-port';
import type { StoreProposal, StoreState } from '../swarm';
import type { SwarmDaemonData } from '../swarm/node';

type SimPayload = StoreProposal;
type SimState = StoreState;

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
  call(hostname: string, request: DaemonRequest, token: string): Promise<DaemonResponse>;
  cancelCall(token: string): Promise<void>;
  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]): Promise<void>;
  addMachine(machine: MachineInit): Promise<void>;
  removeMachine(hostname: string): Promise<void>;
  snapshot(): Promise<CoordinatorSnapshot<SimPayload, SimState, SwarmDaemonData>>;
  frame(): SimulationFrame;
  dispose(): void;
}

export function createCoordinatorWorkerApi(
  hostFactory: HostFactory<SimPayload, SimState, SwarmDaemonData>,
): CoordinatorWorkerApi {
  let current: Coordinator<SimPayload, SimState, SwarmDaemonData> | undefined;
  let calls: CallTable | undefined;
  const require = (): Coordinator<SimPayload, SimState, SwarmDaemonData> => {
    if (current === undefined) throw new Error('no cluster: call create or restore first');
    return current;
  };
  return {
    async create(config) {
      current?.dispose();
      current = await Coordinator.create(
        { ...config, stateMachine: swarmStateMachine },
        hostFactory,
      );
      calls = new CallTable(current);
    },
    async restore(snapshot) {
      current?.dispose();
      current = undefined;
      // The replay runs in this worker's thread, about ten times faster than through one worker
      // per manager; each manager then moves into its worker as soon as it can be exported.
      current = await Coordinator.restore(
        snapshot,
        hostFactory,
        swarmStateMachine,
        LocalHost.factory(swarmStateMachine),
      );
      calls = new CallTable(current);
    },
    advanceBy: (durationMs) => require().advanceBy(durationMs),
    stopDaemon: (hostname) => require().stopDaemon(hostname),
    startDaemon: (hostname) => require().startDaemon(hostname),
    partition: (groups) => require().partition(groups),
    heal: () => require().heal(),
    propose: (hostname, payload) => {
      if (!swarmStateMachine.isPayload(payload)) throw new Error('malformed proposal payload');
      return require().propose(hostname, payload);
    },
    call: (hostname, request, token) => {
      require();
      if (calls === undefined) throw new Error('no cluster');
      return calls.call(hostname, request, token);
    },
    cancelCall: (token) => calls?.cancel(token) ?? Promise.resolve(),
    systemctl: (hostname, action, units) => require().systemctl(hostname, action, units),
    addMachine: (machine) => require().addMachine(machine),
    removeMachine: (hostname) => require().removeMachine(hostname),
    snapshot: () => require().snapshot(),
    frame: () => takeFrame(require()),
    dispose() {
      current?.dispose();
      current = undefined;
    },
  };
}
