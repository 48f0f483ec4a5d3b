import { NO_NODE, type NodeId } from '../raft';
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
  'entry-applied': (event) =>
    event.kind === 'normal' ? `applied log entry ${event.index} (term ${event.term})` : null,
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
): string {
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
