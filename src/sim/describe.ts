import { NO_NODE, type NodeId } from '../raft';
import type { TraceEvent } from './trace';

/**
 * The event log's words for a trace event: one plain-text sentence a learner can follow, or null
 * for events too frequent or too internal to list (heartbeats, single RPCs, appends). The graph
 * animates those instead. `nameOf` turns a Raft member ID into its hostname.
 */
export function describeTraceEvent(
  event: TraceEvent,
  nameOf: (member: NodeId) => string,
): string | null {
  switch (event.type) {
    case 'role-changed':
      return describeRole(event, nameOf);
    case 'vote-granted':
      return `${event.preVote ? 'pre-vote' : 'vote'} granted to ${nameOf(event.candidate)} for term ${event.term}`;
    case 'commit-advanced':
      return null;
    case 'entry-applied':
      return event.kind === 'normal'
        ? `applied log entry ${event.index} (term ${event.term})`
        : null;
    case 'snapshot-taken':
      return `took a Raft snapshot at index ${event.index}`;
    case 'snapshot-installed':
      return `installed the leader's Raft snapshot at index ${event.index}`;
    case 'membership-applied':
      return `Raft membership is now ${event.voters.map(nameOf).join(', ')}`;
    case 'leader-transfer-started':
      return `transferring leadership to ${nameOf(event.target)}`;
    case 'leader-transfer-aborted':
      return `leadership transfer to ${nameOf(event.target)} gave up`;
    case 'member-crashed':
      return 'crashed';
    case 'member-restarted':
    case 'member-started':
      return 'Raft member started from its saved state';
    case 'member-removed':
      return 'removed from the Raft group';
    case 'network-partitioned':
      return `network partitioned: ${event.groups.map((group) => `{${group.map(nameOf).join(', ')}}`).join(' | ')}`;
    case 'link-blocked':
      return `link to ${nameOf(event.to)} blocked`;
    case 'network-healed':
      return 'network healed';
    case 'entries-appended':
    case 'rpc-sent':
    case 'rpc-delivered':
    case 'rpc-dropped':
    case 'proposal':
    case 'proposal-acknowledged':
    case 'phase':
    case 'violation':
      return null;
  }
}

function describeRole(
  event: Extract<TraceEvent, { type: 'role-changed' }>,
  nameOf: (member: NodeId) => string,
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
