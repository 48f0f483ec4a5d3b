import type { NodeRole } from '../api/swarm';
import type { TaskState } from '../api/task';

/** The swarm as this machine's daemon sees it, for the graph (plain data). */
export interface SwarmStatusView {
  readonly localNodeState: 'inactive' | 'pending' | 'active' | 'locked';
  readonly nodeId: string | null;
  readonly role: NodeRole | null;
  /** Whether this manager's control API answers (it knows a leader). */
  readonly controlAvailable: boolean;
  /** On the leader only: each node's STATUS, availability and MANAGER STATUS by hostname. */
  readonly nodes: readonly SwarmNodeView[] | null;
  /** The tasks this node's agent runs or ran, as the graph draws them inside the node. */
  readonly tasks: readonly TaskChipView[];
  /** On the leader only: the tasks its scheduler cannot place, and why not on each node. */
  readonly pending: readonly PendingTaskView[] | null;
}

/** A task the scheduler cannot place: "why not here", node by node. */
export interface PendingTaskView {
  readonly taskId: string;
  /** `web.2`, or `agent.<node ID>` for a global service's task. */
  readonly name: string;
  /** The task's `no suitable node (…)`, as `docker service ps` shows it; empty before a pass. */
  readonly error: string;
  /** Each node, by hostname, and the first filter it fails; null when it passes them all. */
  readonly nodes: readonly { readonly hostname: string; readonly reason: string | null }[];
}

/** One task on a node, as its agent knows it. */
export interface TaskChipView {
  readonly taskId: string;
  /** `web.1`, or `agent.<node ID>` for a global service's task. */
  readonly name: string;
  readonly serviceName: string;
  readonly state: TaskState;
  readonly desiredState: TaskState;
  /** The secrets' and configs' files its container has mounted now (while it runs). */
  readonly files: readonly MountedFileView[];
}

/** A file a container has mounted, by the secret's or config's name: never its content. */
export interface MountedFileView {
  readonly source: 'secret' | 'config';
  readonly name: string;
  /** `/run/secrets/db_pass`, or a config's target. */
  readonly path: string;
}

export interface SwarmNodeView {
  readonly nodeId: string;
  readonly hostname: string;
  readonly role: NodeRole;
  readonly state: 'unknown' | 'down' | 'ready' | 'disconnected';
  readonly availability: 'active' | 'pause' | 'drain';
  readonly managerStatus: 'Leader' | 'Reachable' | 'Unreachable' | null;
}
