import type { NodeAvailability, NodeRole, NodeState } from '../api/swarm';
import type { NodeId } from '../raft';
import type { UpdateState } from '../api/service';
import type { TaskState } from '../api/task';

/**
 * A change to the swarm a learner would see in `docker node ls`, `docker info` or `docker swarm
 * inspect`, told by the swarm daemon (`docs/trace.md` "Swarm events"). The leader tells what its
 * store applies and what its dispatcher and transport see, so each change is told once; locking
 * is told by the manager it happens on. Nodes are named by hostname, since a node ID means
 * nothing to someone reading the log.
 */
export type SwarmChange =
  | { readonly kind: 'swarm-initialised'; readonly hostname: string }
  | { readonly kind: 'node-joined'; readonly hostname: string; readonly role: NodeRole }
  | { readonly kind: 'node-removed'; readonly hostname: string }
  | { readonly kind: 'node-role-changed'; readonly hostname: string; readonly role: NodeRole }
  | {
      readonly kind: 'node-availability-changed';
      readonly hostname: string;
      readonly availability: NodeAvailability;
    }
  | {
      readonly kind: 'node-status-changed';
      readonly hostname: string;
      readonly state: NodeState;
      readonly previous: NodeState;
      /** The node's `Status.Message`, '' when it has none. */
      readonly message: string;
      /** How long the dispatcher waited for a heartbeat before it gave up; 0 otherwise. */
      readonly silenceMs: number;
    }
  | {
      readonly kind: 'manager-reachability-changed';
      readonly hostname: string;
      readonly reachability: 'reachable' | 'unreachable';
    }
  | { readonly kind: 'swarm-leader-changed'; readonly hostname: string }
  | { readonly kind: 'join-token-rotated'; readonly role: NodeRole }
  | { readonly kind: 'unlock-key-rotated' }
  | { readonly kind: 'autolock-changed'; readonly enabled: boolean }
  | { readonly kind: 'manager-locked'; readonly hostname: string }
  | { readonly kind: 'manager-unlocked'; readonly hostname: string }
  | { readonly kind: 'service-created'; readonly service: string; readonly replicas: number | null }
  | { readonly kind: 'service-updated'; readonly service: string; readonly replicas: number | null }
  | { readonly kind: 'service-removed'; readonly service: string }
  /** The service's rolling update or rollback moved on (its `UpdateStatus.State`). */
  | {
      readonly kind: 'service-update-state';
      readonly service: string;
      readonly state: UpdateState;
      /** swarmkit's words for it: `update completed`, `update paused due to failure…`. */
      readonly message: string;
    }
  /**
   * A task's container on `hostname` got a secret's or config's file at `path` when it started,
   * or lost it when it stopped; never the content.
   */
  | {
      readonly kind: 'file-mounted' | 'file-unmounted';
      readonly hostname: string;
      /** `web.1` or `agent.<node ID>`, as `docker service ps` names the task. */
      readonly task: string;
      readonly source: 'secret' | 'config';
      readonly name: string;
      readonly path: string;
    }
  /** A secret or config created, its labels updated, or removed; never its data. */
  | {
      readonly kind: 'secret-changed' | 'config-changed';
      readonly name: string;
      readonly action: 'created' | 'updated' | 'removed';
    }
  | {
      readonly kind: 'task-changed';
      /** `web.1` (replicated) or `agent.<node ID>` (global), as `docker service ps` names it. */
      readonly task: string;
      /** The node's hostname; '' while the task has none. */
      readonly hostname: string;
      readonly state: TaskState;
      /** `Status.Err`, '' when it has none. */
      readonly err: string;
    };

export type SwarmChangeKind = SwarmChange['kind'];

/**
 * What a daemon adds to its machine's trace: one change to the swarm, told by the member it
 * happened on at the virtual time it happened (`docs/trace.md` "Swarm events").
 */
export interface SwarmChangedEvent {
  readonly type: 'swarm-changed';
  readonly timeMs: number;
  readonly member: NodeId;
  readonly change: SwarmChange;
  /**
   * The log index of the store entry that made the change; absent for changes no entry
   * makes (reachability, leadership, lock). Two leaders may both tell one entry when
   * leadership moves as it applies; the index lets the event log tell it once.
   */
  readonly index?: number;
}
