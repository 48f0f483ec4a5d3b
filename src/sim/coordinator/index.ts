/** The lockstep coordinator: virtual time, routing, inputs and saves. */
export { Coordinator } from './coordinator';
export type { ObservedWrite, RunObserver } from './observer';
export type { HostCall, SimInput } from './inputs';
export {
  DEFAULT_CHECKPOINT_POLICY,
  type CheckpointPolicy,
  type CoordinatorCheckpoint,
} from './checkpoint';
export type { AdvanceLimits } from './instant-loop';
export { runScenario, type ScenarioResult } from './scenario';
export {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  SnapshotError,
  parseSnapshot,
  type CoordinatorSnapshot,
} from './snapshot';
export {
  TICK_MS,
  type CoordinatorConfig,
  type CoordinatorOptions,
  type MachineInit,
  type MachineStatus,
  type ProposeResult,
  type RaftStatusView,
  type RpcFlight,
  type SystemdAction,
  type SystemdUnit,
  type UnitsStatus,
} from './types';
export { takeFrame, type SimulationFrame } from './frame';
