import type { Service } from '../../api/service';
import type { NodeStatus } from '../../api/swarm';
import {
  GRACE_PERIOD_MULTIPLIER,
  MESSAGE_HEARTBEAT_FAILURE,
  MESSAGE_UNKNOWN_HEARTBEAT_FAILURE,
  UNKNOWN_GRACE_PERIOD_MULTIPLIER,
} from '../dispatcher';
import type { TaskState } from '../../api/task';
import type { ClusterRecord, NodeRecord, StoreEvent, TaskRecord } from '../store';
import type { SwarmChange } from '../../machine-api';

export interface ChangeContext {
  /** The manager applying the entry: the one that ran `swarm init` when the cluster appears. */
  readonly hostname: string;
  /** A node's hostname by node ID, in the store after the entry ('' for none). */
  readonly hostnameOf: (nodeId: string) => string;
  /** The cluster's heartbeat period after the entry, to say how long a Down node was silent. */
  readonly heartbeatPeriodMs: number;
}

/**
 * What one applied store transaction changed, in the learner's terms. Member records are left
 * out: the Raft membership line already tells them, and the role flip that goes with them is a
 * node change.
 */
export function storeChanges(events: readonly StoreEvent[], context: ChangeContext): SwarmChange[] {
  return events.flatMap((event): SwarmChange[] => {
    const now = event.object;
    const before = event.previous;
    if (now?.table === 'cluster' || before?.table === 'cluster') {
      if (now?.table !== 'cluster') return [];
      if (before?.table !== 'cluster') {
        return [{ kind: 'swarm-initialised', hostname: context.hostname }];
      }
      return clusterChanges(before.record, now.record);
    }
    if (now?.table === 'node') {
      return before?.table === 'node' ? nodeChanges(before.record, now.record, context) : [];
    }
    if (before?.table === 'node')
      return [{ kind: 'node-removed', hostname: nameOf(before.record) }];
    return serviceOrTaskChanges(event, context);
  });
}

function clusterChanges(before: ClusterRecord, now: ClusterRecord): SwarmChange[] {
  const changes: SwarmChange[] = [];
  const tokensBefore = before.swarm.JoinTokens;
  const tokensNow = now.swarm.JoinTokens;
  if (tokensBefore.Worker !== tokensNow.Worker) {
    changes.push({ kind: 'join-token-rotated', role: 'worker' });
  }
  if (tokensBefore.Manager !== tokensNow.Manager) {
    changes.push({ kind: 'join-token-rotated', role: 'manager' });
  }
  if ((before.unlockKey === null) !== (now.unlockKey === null)) {
    changes.push({ kind: 'autolock-changed', enabled: now.unlockKey !== null });
  } else if (before.unlockKey !== now.unlockKey) {
    changes.push({ kind: 'unlock-key-rotated' });
  }
  return changes;
}

function nodeChanges(before: NodeRecord, now: NodeRecord, context: ChangeContext): SwarmChange[] {
  const hostname = nameOf(now);
  // `swarm join` creates the node with an empty description; the node is only nameable, and in
  // the swarm for a learner, once its agent registers and fills the description in. That same
  // update turns it Ready, which "joined" already says.
  if (
    before.node.Description.Hostname === undefined &&
    now.node.Description.Hostname !== undefined
  ) {
    return [{ kind: 'node-joined', hostname, role: now.role }];
  }
  const changes: SwarmChange[] = [];
  if (before.role !== now.role)
    changes.push({ kind: 'node-role-changed', hostname, role: now.role });
  const availability = now.node.Spec.Availability;
  if (before.node.Spec.Availability !== availability) {
    changes.push({ kind: 'node-availability-changed', hostname, availability });
  }
  const status = now.node.Status;
  if (before.node.Status.State !== status.State) {
    changes.push({
      kind: 'node-status-changed',
      hostname,
      state: status.State,
      previous: before.node.Status.State,
      message: status.Message ?? '',
      silenceMs: silenceMs(status, context.heartbeatPeriodMs),
    });
  }
  return changes;
}

/** The dispatcher's grace period behind a heartbeat failure (nominal: the period is jittered). */
function silenceMs(status: NodeStatus, periodMs: number): number {
  if (status.State !== 'down') return 0;
  if (status.Message === MESSAGE_HEARTBEAT_FAILURE) return periodMs * GRACE_PERIOD_MULTIPLIER;
  if (status.Message === MESSAGE_UNKNOWN_HEARTBEAT_FAILURE) {
    return periodMs * UNKNOWN_GRACE_PERIOD_MULTIPLIER;
  }
  return 0;
}

/** A node that never registered has no hostname yet; its ID is all there is to call it. */
function nameOf(record: NodeRecord): string {
  return record.node.Description.Hostname ?? record.node.ID;
}

function serviceOrTaskChanges(event: StoreEvent, context: ChangeContext): SwarmChange[] {
  const now = event.object;
  const before = event.previous;
  if (before?.table === 'service' && now === undefined) {
    return [{ kind: 'service-removed', service: before.record.service.Spec.Name }];
  }
  if (now?.table === 'service') {
    return serviceChanges(
      before?.table === 'service' ? before.record.service : undefined,
      now.record.service,
    );
  }
  if (now?.table === 'task') {
    return taskChanges(before?.table === 'task' ? before.record : undefined, now.record, context);
  }
  return dataObjectChanges(event);
}

/**
 * A service created, its spec updated, or its rolling update moving on. The updater's own
 * writes (its state, the previous spec) are not a second "updated": the learner changed the
 * service once.
 */
function serviceChanges(before: Service | undefined, service: Service): SwarmChange[] {
  const name = service.Spec.Name;
  const replicas = service.Spec.Mode.Replicated?.Replicas ?? null;
  if (before === undefined) return [{ kind: 'service-created', service: name, replicas }];
  const changes: SwarmChange[] = [];
  if (JSON.stringify(before.Spec) !== JSON.stringify(service.Spec)) {
    changes.push({ kind: 'service-updated', service: name, replicas });
  }
  const state = service.UpdateStatus?.State;
  if (state !== undefined && state !== before.UpdateStatus?.State) {
    changes.push({
      kind: 'service-update-state',
      service: name,
      state,
      message: service.UpdateStatus?.Message ?? '',
    });
  }
  return changes;
}

/** A secret or config by name; what it holds is never part of a change. */
function dataObjectChanges(event: StoreEvent): SwarmChange[] {
  const object = event.object ?? event.previous;
  const action =
    event.kind === 'create' ? 'created' : event.kind === 'update' ? 'updated' : 'removed';
  if (object?.table === 'secret') {
    return [{ kind: 'secret-changed', name: object.record.secret.Spec.Name, action }];
  }
  if (object?.table === 'config') {
    return [{ kind: 'config-changed', name: object.record.config.Spec.Name, action }];
  }
  return [];
}

/**
 * The task states a learner follows in `docker service ps`: placed on a node, running, and the
 * ways it ends; and a new reason a task cannot be placed. The agent's steps in between
 * (accepted, preparing, ready, starting) last a second or two and are not told.
 */
const TOLD_STATES: ReadonlySet<TaskState> = new Set([
  'assigned',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'orphaned',
]);

function taskChanges(
  before: TaskRecord | undefined,
  now: TaskRecord,
  context: ChangeContext,
): SwarmChange[] {
  const task = now.task;
  const state = task.Status.State ?? 'new';
  const err = task.Status.Err ?? '';
  const stateChanged = before?.task.Status.State !== state;
  const newReason = state === 'pending' && err !== '' && before?.task.Status.Err !== err;
  if (!(stateChanged && TOLD_STATES.has(state)) && !newReason) return [];
  const slot = task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : (task.NodeID ?? '');
  return [
    {
      kind: 'task-changed',
      task: `${now.serviceName}.${slot}`,
      hostname: task.NodeID === undefined ? '' : context.hostnameOf(task.NodeID),
      state,
      err,
    },
  ];
}
