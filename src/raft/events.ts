import type { ConfChange, NodeId, Role } from './types';

/**
 * What the core reports about itself in each Ready, for the trace, the graph and the checkers.
 * The host stamps each event with the virtual time and the member id (see src/sim/trace.ts).
 * Entry application is reported by the host, which owns the state machine and the payload digest.
 */
export type RaftEvent =
  | {
      readonly type: 'role-changed';
      readonly role: Role;
      readonly term: number;
      readonly lead: NodeId;
    }
  | {
      readonly type: 'vote-granted';
      readonly candidate: NodeId;
      readonly term: number;
      readonly preVote: boolean;
    }
  | {
      readonly type: 'entries-appended';
      readonly term: number;
      readonly firstIndex: number;
      readonly lastIndex: number;
    }
  | { readonly type: 'commit-advanced'; readonly commitIndex: number }
  | { readonly type: 'snapshot-taken'; readonly index: number; readonly term: number }
  | { readonly type: 'snapshot-installed'; readonly index: number; readonly term: number }
  | {
      readonly type: 'membership-applied';
      readonly index: number;
      readonly change: ConfChange;
      readonly voters: readonly NodeId[];
    }
  | { readonly type: 'leader-transfer-started'; readonly target: NodeId; readonly term: number }
  | { readonly type: 'leader-transfer-aborted'; readonly target: NodeId; readonly term: number };
