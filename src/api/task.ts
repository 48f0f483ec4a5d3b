/**
 * moby swarm.Task (Engine API 1.47), as `GET /tasks` returns it, keys in struct order. The task
 * spec is the service's TaskTemplate as it was stored when the task was created.
 */
import type { JobIteration, TaskSpec } from './service';
import type { SwarmNetwork } from './network';
import type { GenericResource, ObjectVersion } from './swarm';

/**
 * Task states in swarmkit's order (api/types.proto): a task only moves forward through them.
 * moby's API lists `allocated` too, which swarmkit never sets. REMOVE is a desired state only.
 */
export const TASK_STATES = [
  'new',
  'allocated',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'ready',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
] as const;

export type TaskState = (typeof TASK_STATES)[number];

/** Where `state` comes in the order: `taskStateRank(a) < taskStateRank(b)` when a is earlier. */
export function taskStateRank(state: TaskState): number {
  return TASK_STATES.indexOf(state);
}

/** Whether `state` is past RUNNING: the task has stopped and never runs again. */
export function isTerminalState(state: TaskState): boolean {
  return taskStateRank(state) > taskStateRank('running');
}

export interface ContainerStatus {
  readonly ContainerID?: string;
  readonly PID?: number;
  readonly ExitCode?: number;
}

export interface PortConfig {
  readonly Name?: string;
  readonly Protocol?: 'tcp' | 'udp' | 'sctp';
  readonly TargetPort?: number;
  readonly PublishedPort?: number;
  readonly PublishMode?: 'ingress' | 'host';
}

export interface TaskStatus {
  /** RFC 3339 with nanoseconds: the last state change. */
  readonly Timestamp?: string;
  readonly State?: TaskState;
  readonly Message?: string;
  readonly Err?: string;
  readonly ContainerStatus?: ContainerStatus;
  readonly PortStatus: { readonly Ports?: readonly PortConfig[] };
}

/** moby swarm.NetworkAttachment: a copy of the network and this task's (or node's) addresses. */
export interface NetworkAttachment {
  readonly Network: SwarmNetwork;
  readonly Addresses?: readonly string[];
}

export interface Task {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Name?: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Spec: TaskSpec;
  readonly ServiceID?: string;
  /** Absent on global tasks. */
  readonly Slot?: number;
  /** Absent until the task is assigned. */
  readonly NodeID?: string;
  readonly Status: TaskStatus;
  readonly DesiredState?: TaskState;
  readonly NetworksAttachments?: readonly NetworkAttachment[];
  readonly GenericResources?: readonly GenericResource[];
  readonly JobIteration?: JobIteration;
  /** No omitempty: `null` when the task has none. */
  readonly Volumes: readonly unknown[] | null;
}
