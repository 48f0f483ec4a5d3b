import type { TaskState } from '../api/task';
import { NO_NODE, type NodeId } from '../raft';
import type { SwarmChange } from '../machine-api';
import type { TraceEvent } from './trace';

type NameOf = (member: NodeId) => string;
type Describers = {
  readonly [K in TraceEvent['type']]: (
    event: Extract<TraceEvent, { type: K }>,
    nameOf: NameOf,
  ) => string | null;
};

const silent = (): null => null;

/**
 * One sentence per event type. A mapped type rather than a switch: adding an event type to the
 * trace is a compile error here until the event log says something (or, deliberately, nothing).
 */
const describers: Describers = {
  'role-changed': (event, nameOf) => describeRole(event, nameOf),
  'vote-granted': (event, nameOf) =>
    `${event.preVote ? 'pre-vote' : 'vote'} granted to ${nameOf(event.candidate)} for term ${event.term}`,
  'swarm-changed': (event) => describeSwarmChange(event.change),
  'snapshot-taken': (event) => `took a Raft snapshot at index ${event.index}`,
  'snapshot-installed': (event) => `installed the leader's Raft snapshot at index ${event.index}`,
  'membership-applied': (event, nameOf) =>
    `Raft membership is now ${event.voters.map(nameOf).join(', ')}`,
  'leader-transfer-started': (event, nameOf) =>
    `transferring leadership to ${nameOf(event.target)}`,
  'leader-transfer-aborted': (event, nameOf) =>
    `leadership transfer to ${nameOf(event.target)} gave up`,
  'member-crashed': () => 'the machine crashed; start docker again to bring it back',
  'member-stopped': () => 'docker daemon stopped',
  'member-restarted': () => 'docker daemon started again',
  'member-started': () => 'docker daemon started',
  'member-removed': () => 'removed from the Raft group',
  'machine-moved': (event) =>
    event.placement === 'own-worker'
      ? 'now a manager: moved into a Web Worker of its own, without a restart'
      : 'no longer a manager: moved back to the shared worker thread, without a restart',
  'network-partitioned': (event, nameOf) =>
    `network partitioned: ${event.groups.map((group) => `{${group.map(nameOf).join(', ')}}`).join(' | ')}`,
  'link-blocked': (event, nameOf) => `link to ${nameOf(event.to)} blocked`,
  'network-healed': () => 'network healed',
  // Too frequent for a log a person reads; the graph animates these instead.
  'commit-advanced': silent,
  'entries-appended': silent,
  'rpc-sent': silent,
  'rpc-delivered': silent,
  'rpc-dropped': silent,
  proposal: silent,
  'proposal-acknowledged': silent,
  // Every manager applies every entry; the leader's `swarm-changed` lines say what the entries
  // did, which a learner can follow where "applied log entry 12" says nothing.
  'entry-applied': silent,
  // Harness bookkeeping for fault sweeps.
  phase: silent,
  violation: silent,
};

/**
 * The event log's words for a trace event: one plain-text sentence a learner can follow, or null
 * for events too frequent or too internal to list. `nameOf` turns a Raft member ID into its
 * hostname.
 */
export function describeTraceEvent(event: TraceEvent, nameOf: NameOf): string | null {
  const describe = describers[event.type] as (event: TraceEvent, nameOf: NameOf) => string | null;
  return describe(event, nameOf);
}

function describeRole(
  event: Extract<TraceEvent, { type: 'role-changed' }>,
  nameOf: NameOf,
): string | null {
  // A brand-new member starts as a follower of nobody in term 0: its start, already told as the
  // daemon starting or the machine joining, not a change of role.
  if (event.role === 'follower' && event.term === 0 && event.lead === NO_NODE) return null;
  switch (event.role) {
    case 'leader':
      return `became the Raft leader in term ${event.term}`;
    case 'candidate':
      return `started an election for term ${event.term}`;
    case 'pre-candidate':
      return `asked for pre-votes for term ${event.term + 1}`;
    case 'follower':
      return event.lead === NO_NODE
        ? `is a follower in term ${event.term}, with no leader known`
        : `follows ${nameOf(event.lead)} in term ${event.term}`;
  }
}

const CAPITALISED = {
  active: 'Active',
  pause: 'Pause',
  drain: 'Drain',
  ready: 'Ready',
  down: 'Down',
  unknown: 'Unknown',
  disconnected: 'Disconnected',
} as const;

type Describer<K extends SwarmChange['kind']> = (
  change: Extract<SwarmChange, { kind: K }>,
) => string | null;

/** Each kind of change in words, by its kind; related kinds share a describer. */
const DESCRIBERS: { readonly [K in SwarmChange['kind']]: Describer<K> } = {
  'swarm-initialised': (change) => `swarm initialised by ${change.hostname}`,
  'node-joined': describeNode,
  'node-removed': describeNode,
  'node-role-changed': describeNode,
  'node-availability-changed': describeNode,
  'node-status-changed': describeNode,
  'join-token-rotated': describeSecurity,
  'unlock-key-rotated': describeSecurity,
  'autolock-changed': describeSecurity,
  'manager-reachability-changed': describeManager,
  'swarm-leader-changed': describeManager,
  'manager-locked': describeManager,
  'manager-unlocked': describeManager,
  'service-created': describeService,
  'service-updated': describeService,
  'service-update-state': (change) =>
    change.message === ''
      ? `service ${change.service}: ${change.state.replace('_', ' ')}`
      : `service ${change.service}: ${change.message}`,
  'service-removed': describeService,
  'task-changed': describeTask,
  'file-mounted': describeSecretOrConfig,
  'file-unmounted': describeSecretOrConfig,
  'secret-changed': describeSecretOrConfig,
  'config-changed': describeSecretOrConfig,
};

/** The words `docker node ls` would show for the change, as a sentence. */
export function describeSwarmChange<K extends SwarmChange['kind']>(
  change: Extract<SwarmChange, { kind: K }>,
): ReturnType<Describer<K>> {
  const describe: Describer<K> = DESCRIBERS[change.kind];
  return describe(change);
}

function describeSecretOrConfig(
  change: Extract<
    SwarmChange,
    { kind: 'file-mounted' | 'file-unmounted' | 'secret-changed' | 'config-changed' }
  >,
): string {
  switch (change.kind) {
    case 'file-mounted':
      return `${change.source} ${change.name} mounted in ${change.task} on ${change.hostname} at ${change.path}`;
    case 'file-unmounted':
      return `${change.source} ${change.name} unmounted from ${change.task} on ${change.hostname} at ${change.path}`;
    case 'secret-changed':
      return `secret ${change.name} ${change.action}`;
    case 'config-changed':
      return `config ${change.name} ${change.action}`;
  }
}

function describeManager(
  change: Extract<
    SwarmChange,
    {
      kind:
        | 'manager-reachability-changed'
        | 'swarm-leader-changed'
        | 'manager-locked'
        | 'manager-unlocked';
    }
  >,
): string {
  switch (change.kind) {
    case 'manager-reachability-changed':
      return change.reachability === 'reachable'
        ? `${change.hostname} is Reachable again`
        : `${change.hostname} is Unreachable`;
    case 'swarm-leader-changed':
      return `${change.hostname} is now the swarm leader`;
    case 'manager-locked':
      return `swarm is locked on ${change.hostname}: docker swarm unlock needs the unlock key`;
    case 'manager-unlocked':
      return `swarm unlocked on ${change.hostname}`;
  }
}

function describeNode(
  change: Extract<
    SwarmChange,
    {
      kind:
        | 'node-joined'
        | 'node-removed'
        | 'node-role-changed'
        | 'node-availability-changed'
        | 'node-status-changed';
    }
  >,
): string | null {
  switch (change.kind) {
    case 'node-joined':
      return `node ${change.hostname} joined the swarm as a ${change.role}`;
    case 'node-removed':
      return `node ${change.hostname} removed from the swarm`;
    case 'node-role-changed':
      return change.role === 'manager'
        ? `${change.hostname} promoted to manager`
        : `${change.hostname} demoted to worker`;
    case 'node-availability-changed':
      return `${change.hostname} availability is now ${CAPITALISED[change.availability]}`;
    case 'node-status-changed':
      return describeStatus(change);
  }
}

function describeSecurity(
  change: Extract<
    SwarmChange,
    { kind: 'join-token-rotated' | 'unlock-key-rotated' | 'autolock-changed' }
  >,
): string {
  if (change.kind === 'join-token-rotated') {
    return `${change.role} join token rotated; the old one no longer works`;
  }
  if (change.kind === 'unlock-key-rotated') return 'unlock key rotated';
  return change.enabled ? 'autolock on: a restarted manager needs the unlock key' : 'autolock off';
}

function describeService(
  change: Extract<SwarmChange, { kind: 'service-created' | 'service-updated' | 'service-removed' }>,
): string {
  if (change.kind === 'service-removed') return `service ${change.service} removed`;
  const replicas = change.replicas === null ? null : plural(change.replicas, 'replica');
  if (change.kind === 'service-created') {
    return replicas === null
      ? `service ${change.service} created`
      : `service ${change.service} created with ${replicas}`;
  }
  return replicas === null
    ? `service ${change.service} updated`
    : `service ${change.service} updated (${replicas})`;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A task's step in the words of `docker service ps` (its CURRENT STATE and ERROR). */
function describeTask(change: Extract<SwarmChange, { kind: 'task-changed' }>): string {
  const on = change.hostname === '' ? '' : ` on ${change.hostname}`;
  const reason = change.err === '' ? '' : `: ${change.err}`;
  if (change.state === 'pending') return `${change.task} is pending${reason}`;
  if (change.state === 'assigned') return `${change.task} assigned to ${change.hostname}`;
  const verb = TASK_VERBS[change.state] ?? change.state;
  return `${change.task} ${verb}${on}${reason}`;
}

const TASK_VERBS: Partial<Record<TaskState, string>> = {
  running: 'running',
  complete: 'completed',
  shutdown: 'shut down',
  failed: 'failed',
  rejected: 'rejected',
  orphaned: 'orphaned',
};

function describeStatus(
  change: Extract<SwarmChange, { kind: 'node-status-changed' }>,
): string | null {
  // A new leader marks every node Unknown until its agent reports again, a heartbeat later: after
  // each election that is a round trip per node, and "is now the swarm leader" already says it.
  // A node that never reports turns Down, and that is told.
  if (change.state === 'unknown' || (change.state === 'ready' && change.previous === 'unknown')) {
    return null;
  }
  const state = CAPITALISED[change.state];
  if (change.silenceMs > 0) {
    return `${change.hostname} is ${state} (no heartbeat for ${String(change.silenceMs / 1000)} s)`;
  }
  if (change.state === 'ready' && change.previous === 'down') {
    return `${change.hostname} is Ready again`;
  }
  return change.message === ''
    ? `${change.hostname} is ${state}`
    : `${change.hostname} is ${state} (${change.message})`;
}
