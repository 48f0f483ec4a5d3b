/** The machine model and the host interface the coordinator drives it through. */
export { newMachineSnapshot } from './create';
export type {
  Answer,
  CallAnswer,
  CallInput,
  DaemonInput,
  FilesInput,
  FilesOutput,
  HostFactory,
  MachineHost,
  MachineOutput,
  MachineSource,
  ProposeInput,
  ProposeOutput,
  RaftAdminAction,
  RaftAdminInput,
  StepInput,
} from './host';
export { appliedText, chainLink } from './applied';
export { initialKvState, kvStateMachine, type KvCommand, type KvState } from './kv';
export { LocalHost } from './local-host';
export { Machine, type MachineEmission, type ProposalEmission } from './machine';
export {
  MachineRunner,
  emissionWithStatus,
  proposalWithStatus,
  withStatus,
  type StatusStamp,
  type WithStatus,
} from './machine-runner';
export type {
  DaemonState,
  DurableView,
  MachineRole,
  MachineSnapshot,
  MachineSpec,
  MachineState,
  MachineStatusData,
  Placement,
  RaftView,
} from './types';
export { hostFiles, placementFor } from './types';
export { DurableMirror, type DiskLog, type DurableChange } from './durable';
export { restingSnapshot } from './resting';
export {
  needsKek,
  type RestingDek,
  type SealedEntry,
  type SealedStorageData,
} from './sealed-storage';

import type { KvCommand, KvState } from './kv';

/** The payload and state the simulation runs today; the swarm store replaces both. */
export type SimPayload = KvCommand;
export type SimState = KvState;
