import type { NodeAvailability, NodeDescription, NodeRole } from '../api/swarm';
import type { ControlRequest, DaemonResponse } from '../api/operations';
import type { NetworkAttachment, Task, TaskStatus } from '../api/task';
import type { LogCursors } from '../api/logs';

/**
 * What daemons say to each other over the lab network, besides Raft: swarmkit's gRPC calls
 * (CA join, the Raft proxy for control-API calls, dispatcher sessions). Addressed by IP, as a
 * real connection to `ip:2377` is; the coordinator maps addresses to machines and carries these
 * through the same fabric as Raft messages, so latency and partitions apply to them too.
 */
export interface DaemonWire {
  readonly from: string;
  readonly to: string;
  readonly body: WireBody;
}

export type WireBody =
  /** A follower forwards a control-API call to the leader (swarmkit's raft proxy). */
  | { readonly type: 'proxy-call'; readonly reqId: string; readonly request: ControlRequest }
  | { readonly type: 'proxy-reply'; readonly reqId: string; readonly response: DaemonResponse }
  /** `docker swarm join`: the CA checks the token and creates the node. */
  | {
      readonly type: 'join';
      readonly reqId: string;
      readonly token: string;
      readonly availability: NodeAvailability | '';
      /** The joiner's machine id: its Raft ID if it joins as a manager. */
      readonly machineId: number;
      readonly advertiseAddr: string;
    }
  | {
      readonly type: 'join-reply';
      readonly reqId: string;
      readonly response: DaemonResponse;
      readonly nodeId: string;
      readonly role: NodeRole;
      readonly managers: readonly string[];
    }
  /** An agent's dispatcher session: register (no session yet) or heartbeat. */
  | {
      readonly type: 'heartbeat';
      readonly reqId: string;
      readonly nodeId: string;
      readonly sessionId: string;
      readonly description: NodeDescription;
      readonly addr: string;
      /** The agent's machine id: the Raft ID it takes once promoted. */
      readonly machineId: number;
      /**
       * Whether this machine's Raft storage holds a log. A manager the store no longer names
       * (removed while it was away) still holds its old one, and must wipe it before the
       * leader adds it again.
       */
      readonly holdsRaftLog: boolean;
      /** The digest of the assignments the agent last took (`assignmentsDigest`). */
      readonly assignments: string;
    }
  | {
      readonly type: 'heartbeat-reply';
      readonly reqId: string;
      readonly ok: boolean;
      readonly sessionId: string;
      readonly periodMs: number;
      readonly managers: readonly string[];
      /** The node's role as the store has it, so a promoted or demoted node follows. */
      readonly role: NodeRole | null;
      /** The cluster's unlock key, so a manager keeps its key material in step. */
      readonly unlockKey: string | null;
      /** Whether the store names a Raft member for this node. */
      readonly member: boolean;
    }
  /**
   * The dispatcher's assignments to one node (swarmkit's `Assignments` stream): every task the
   * node is to run or stop, whole, each time they change. Sent by the leader to the node's
   * address; an agent reconciles its containers to the latest set it received.
   */
  | {
      readonly type: 'assignments';
      readonly reqId: string;
      readonly nodeId: string;
      /** Which leader's dispatcher sent it: its Raft term, so an older one's late set is ignored. */
      readonly term: number;
      readonly tasks: readonly AssignedTask[];
      /**
       * The secrets and configs those tasks use (swarmkit's assignment set carries them with
       * the tasks). Absent in a set sent before they were simulated (a saved run): none.
       */
      readonly dependencies?: readonly AssignedDependency[];
      /**
       * The node's own network attachments (swarmkit's node object carries them): its
       * ingress-sbox address and its load-balancer addresses. Absent in a set sent before
       * networks were simulated: none.
       */
      readonly attachments?: readonly NetworkAttachment[];
    }
  /** An agent reports its tasks' new states (swarmkit `UpdateTaskStatus`). */
  | {
      readonly type: 'task-status';
      readonly reqId: string;
      readonly nodeId: string;
      readonly sessionId: string;
      readonly updates: readonly TaskStatusUpdate[];
    }
  | { readonly type: 'task-status-reply'; readonly reqId: string; readonly ok: boolean }
  /**
   * The leader's log broker asks a node for the logs of its tasks that match (swarmkit's
   * `ListenSubscriptions` message to the node's agent).
   */
  | {
      readonly type: 'log-subscription';
      readonly reqId: string;
      readonly subscription: LogSubscriptionMessage;
    }
  /** The node's answer: every matching line it has (swarmkit `PublishLogs`, then its close). */
  | {
      readonly type: 'log-publish';
      readonly reqId: string;
      readonly nodeId: string;
      readonly messages: readonly PublishedLog[];
      readonly cursors: LogCursors;
    };

/** What a log subscription asks of a node (swarmkit `SubscriptionMessage`). */
export interface LogSubscriptionMessage {
  readonly serviceIds: readonly string[];
  readonly taskIds: readonly string[];
  /** As the client sent it: `<seconds>.<nanoseconds>`, or ''. */
  readonly since: string;
  /** As the client sent it: a count, or anything else for all. */
  readonly tail: string;
  /** For a follow: the lines of each task's container already sent. */
  readonly cursors: LogCursors | null;
}

/** One line of a task's container, with its swarm context (swarmkit `LogMessage`). */
export interface PublishedLog {
  readonly nodeId: string;
  readonly serviceId: string;
  readonly taskId: string;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly atMs: number;
  readonly nanos: number;
}

/** A task as the dispatcher assigns it, with its service's name (for the container's name). */
export interface AssignedTask {
  readonly task: Task;
  readonly serviceName: string;
}

/**
 * A secret or config a node's tasks use, with its content (base64), as the dispatcher sends it
 * to that node only (swarmkit `api.Assignment` of a Secret or Config).
 */
export interface AssignedDependency {
  readonly kind: 'secret' | 'config';
  readonly id: string;
  readonly name: string;
  readonly data: string;
  /**
   * The templating driver's name when the content is a template (`--template-driver`), which
   * the agent expands for each task that mounts it.
   */
  readonly templating?: string;
}

/** One task's new status as the agent saw it happen. */
export interface TaskStatusUpdate {
  readonly taskId: string;
  readonly status: TaskStatus;
}

export function wireRpcName(body: WireBody): string {
  return body.type;
}
