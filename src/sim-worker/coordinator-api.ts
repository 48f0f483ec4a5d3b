import { raftLogView, type RaftLogView } from '../sim/raft-log-view';
import { isFileRequest, type AnyFileAnswer, type FileRequest } from '../lib/filesystem';
import {
  Coordinator,
  takeFrame,
  type SimulationFrame,
  type CoordinatorConfig,
  type MachineInit,
  type CoordinatorSnapshot,
  type ProposeResult,
  SnapshotError,
} from '../sim/coordinator';
import type { SystemdAction, SystemdUnit } from '../sim/coordinator';
import type { DaemonRequest, DaemonResponse } from '../api/operations';
import { swarmStateMachine } from '../swarm/node/state-machine';
import { LocalHost, type HostFactory } from '../sim/machine';
import { CallTable } from '../sim/simulation-port';
import type { StoreProposal, StoreState } from '../swarm';
import type { SwarmDaemonData } from '../swarm/node';
import type { CheckpointStore } from './checkpoint-store';
import {
  checkpointId,
  headOf,
  joinHead,
  openCheckpoint,
  refOf,
  sealCheckpoint,
  type SnapshotHead,
} from './saved-checkpoint';

/**
 * The name of the `performance.measure` of each checkpoint write in this worker (sealing it and
 * the durable write), for `npm run bench:browser` to read.
 */
export const CHECKPOINT_WRITE_MEASURE = 'swarm-playground:checkpoint-write';
/** The part of it spent sealing (JSON, UTF-8, AES-GCM), before the write proper. */
export const CHECKPOINT_SEAL_MEASURE = 'swarm-playground:checkpoint-seal';

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
  files(hostname: string, request: FileRequest): Promise<AnyFileAnswer>;
  addMachine(machine: MachineInit): Promise<void>;
  removeMachine(hostname: string): Promise<void>;
  snapshot(): Promise<CoordinatorSnapshot<SimPayload, SimState, SwarmDaemonData>>;
  /**
   * A save, written in two parts: the checkpoint goes to the checkpoint store, once, when the
   * snapshot took a new one (and is durable before this resolves); what comes back is the
   * head, small, which names it. The page writes the head; so it never receives the checkpoint.
   */
  save(): Promise<SnapshotHead<SimPayload, SimState, SwarmDaemonData>>;
  /**
   * Restores a head that `save` made: reads the checkpoint it names from the store, checks that
   * it is that one, and restores the whole. Rejects with the reason when it is missing or not
   * the head's, or when the save does not replay.
   */
  restoreSaved(head: unknown): Promise<void>;
  frame(): SimulationFrame;
  /** `hostname`'s Raft log as its disk holds it (the graph's log panel). */
  raftLog(hostname: string): Promise<RaftLogView | null>;
  dispose(): void;
}

export function createCoordinatorWorkerApi(
  hostFactory: HostFactory<SimPayload, SimState, SwarmDaemonData>,
  checkpoints: CheckpointStore,
): CoordinatorWorkerApi {
  let current: Coordinator<SimPayload, SimState, SwarmDaemonData> | undefined;
  let calls: CallTable | undefined;
  /** The checkpoint in the store that the last head names: written by `save` or restored from. */
  let stored: string | null = null;
  const require = (): Coordinator<SimPayload, SimState, SwarmDaemonData> => {
    if (current === undefined) throw new Error('no cluster: call create or restore first');
    return current;
  };
  const restore = async (snapshot: unknown): Promise<void> => {
    current?.dispose();
    current = undefined;
    stored = null;
    // The replay runs in this worker's thread, about ten times faster than through one worker
    // per manager; each manager then moves into its worker as soon as it can be exported.
    current = await Coordinator.restore(
      snapshot,
      hostFactory,
      swarmStateMachine,
      LocalHost.factory(swarmStateMachine),
    );
    calls = new CallTable(current);
  };
  return {
    async create(config) {
      current?.dispose();
      stored = null;
      current = await Coordinator.create(
        { ...config, stateMachine: swarmStateMachine },
        hostFactory,
      );
      calls = new CallTable(current);
    },
    restore,
    async restoreSaved(head) {
      const ref = refOf(head);
      let record: unknown;
      try {
        record = ref === null ? undefined : await checkpoints.get(ref.id);
      } catch (error) {
        throw new SnapshotError(`the browser's storage could not be read (${String(error)})`);
      }
      await restore(joinHead(head, await openCheckpoint(record)));
      stored = ref?.id ?? null;
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
    files: (hostname, request) => {
      if (!isFileRequest(request)) throw new Error('malformed file request');
      return require().files(hostname, request);
    },
    addMachine: (machine) => require().addMachine(machine),
    removeMachine: (hostname) => require().removeMachine(hostname),
    snapshot: () => require().snapshot(),
    async save() {
      const snapshot = await require().snapshot();
      const checkpoint = snapshot.checkpoint;
      if (checkpoint === null) return headOf(snapshot, null);
      const id = checkpointId(snapshot.config, checkpoint);
      if (id !== stored) {
        const start = performance.now();
        const record = await sealCheckpoint(id, checkpoint);
        performance.measure(CHECKPOINT_SEAL_MEASURE, { start });
        await checkpoints.put(id, record, stored);
        performance.measure(CHECKPOINT_WRITE_MEASURE, { start });
        stored = id;
      }
      return headOf(snapshot, { id, nowMs: checkpoint.nowMs });
    },
    frame: () => takeFrame(require()),
    raftLog: (hostname) => raftLogView(require(), hostname),
    dispose() {
      current?.dispose();
      current = undefined;
    },
  };
}
