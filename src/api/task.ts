/**
 * moby swarm.Task (Engine API 1.47), as `GET /tasks` returns it, keys in struct order. Only what
 * `docker node ps` needs is typed precisely; the task spec (the service's TaskTemplate when the
 * task was created) stays an open record until services are simulated.
 */
import type { GenericResource, ObjectVersion } from './swarm';

export type TaskState =
  | 'new'
  | 'allocated'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

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

export interface NetworkAttachment {
  readonly Network: Readonly<Record<string, unknown>>;
  readonly Addresses?: readonly string[];
}

export interface Task {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Name?: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Spec: Readonly<Record<string, unknown>>;
  readonly ServiceID?: string;
  /** Absent on global tasks. */
  readonly Slot?: number;
  /** Absent until the task is assigned. */
  readonly NodeID?: string;
  readonly Status: TaskStatus;
  readonly DesiredState?: TaskState;
  readonly NetworksAttachments?: readonly NetworkAttachment[];
  readonly GenericResources?: readonly GenericResource[];
  readonly JobIteration?: ObjectVersion;
  /** No omitempty: `null` when the task has none. */
  readonly Volumes: readonly unknown[] | null;
}
