import type { NodeId, RaftEvent } from '../../raft';
import type { TraceEvent } from '../trace';

/**
 * A core's event as the trace has it: stamped with the virtual time and the member. The keys
 * come in the order `{ ...event, timeMs, member }` gives them (the event's own, as the core
 * builds it, then the stamp), since the trace hashes each event's JSON line. Built field by
 * field rather than spread: the events have nine shapes, and a spread over that many took a
 * twentieth of a fault sweep.
 */
export function stampRaftEvent(event: RaftEvent, timeMs: number, member: NodeId): TraceEvent {
  switch (event.type) {
    case 'role-changed':
      return {
        type: event.type,
        role: event.role,
        term: event.term,
        lead: event.lead,
        timeMs,
        member,
      };
    case 'vote-granted':
      return {
        type: event.type,
        candidate: event.candidate,
        term: event.term,
        preVote: event.preVote,
        timeMs,
        member,
      };
    case 'entries-appended':
      return {
        type: event.type,
        term: event.term,
        firstIndex: event.firstIndex,
        lastIndex: event.lastIndex,
        timeMs,
        member,
      };
    case 'commit-advanced':
      return { type: event.type, commitIndex: event.commitIndex, timeMs, member };
    case 'snapshot-taken':
    case 'snapshot-installed':
      return { type: event.type, index: event.index, term: event.term, timeMs, member };
    case 'membership-applied':
      return {
        type: event.type,
        index: event.index,
        change: event.change,
        voters: event.voters,
        timeMs,
        member,
      };
    case 'leader-transfer-started':
    case 'leader-transfer-aborted':
      return { type: event.type, target: event.target, term: event.term, timeMs, member };
  }
}
