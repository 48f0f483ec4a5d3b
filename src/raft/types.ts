/**
 * The vocabulary of the Raft core: entries, snapshots and durable state. Nothing here knows about
 * Docker. The entry payload `P` and the state-machine snapshot `S` are type parameters, so the
 * swarm store and the test harness each bring their own.
 */

/** A Raft member id. Ids are positive; `NO_NODE` (0) means "nobody" (no vote, no leader). */
export type NodeId = number;

export const NO_NODE: NodeId = 0;

/** A single-server membership change (Raft dissertation §4.1; swarmkit uses ConfChange v1). */
export interface ConfChange {
  readonly kind: 'add-voter' | 'remove-voter';
  readonly nodeId: NodeId;
}

/**
 * What an entry carries. A conf-change entry also records the full voter list that results from
 * it, so a member that joins late learns the whole configuration from the log alone.
 */
export type EntryData<P> =
  | { readonly type: 'empty' }
  | { readonly type: 'normal'; readonly payload: P }
  | {
      readonly type: 'conf-change';
      readonly change: ConfChange;
      readonly voters: readonly NodeId[];
    };

export interface Entry<P> {
  readonly index: number;
  readonly term: number;
  readonly data: EntryData<P>;
}

export interface SnapshotMetadata {
  /** The last index the snapshot covers. */
  readonly index: number;
  /** The term of the entry at `index`. */
  readonly term: number;
  /** The voters in force at `index`. */
  readonly voters: readonly NodeId[];
}

export interface Snapshot<S> {
  readonly metadata: SnapshotMetadata;
  readonly data: S;
}

/** The state a member must persist before it sends any message (Raft paper §5, Figure 2). */
export interface HardState {
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
}

export type Role = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

/** Volatile state worth showing: who leads, and in which role this member is. */
export interface SoftState {
  readonly lead: NodeId;
  readonly role: Role;
}

export function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

/** A non-negative integer (an index, a term, a tick count): what imported state is checked for. */
export function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
