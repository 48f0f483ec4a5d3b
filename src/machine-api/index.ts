/**
 * The contract between a simulated machine and the software it runs (docs/architecture.md):
 * what a machine offers its daemon (`MachineControl`), what the daemon offers back
 * (`DaemonLogic`), the replicated state machine its Raft member applies, and the plain data that
 * crosses between them: daemon-to-daemon wires, the daemon's status view and its trace events.
 * `src/sim/machine` implements the machine's side, `src/swarm/node` the daemon's; neither
 * imports the other.
 */
export type {
  DaemonData,
  DaemonLogic,
  DaemonLogicFactory,
  DiskKey,
  HostFilesReader,
  MachineControl,
  NoDaemon,
} from './daemon';
export type { SwarmChange, SwarmChangeKind, SwarmChangedEvent } from './events';
export type { ReplicatedStateMachine } from './state-machine';
export type {
  MountedFileView,
  PendingTaskView,
  SwarmNodeView,
  SwarmStatusView,
  TaskChipView,
} from './status';
export {
  wireRpcName,
  type AssignedTask,
  type AssignedDependency,
  type DaemonWire,
  type LogSubscriptionMessage,
  type PublishedLog,
  type TaskStatusUpdate,
  type WireBody,
} from './wire';
