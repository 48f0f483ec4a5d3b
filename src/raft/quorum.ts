import type { NodeId } from './types';

/** Majority maths for a single configuration (etcd `quorum/majority.go`). */

export type VoteResult = 'pending' | 'lost' | 'won';

/** ⌊n/2⌋ + 1: the smallest number of voters that any two majorities share a member of. */
export function quorumSize(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/**
 * The highest index that a majority of voters has matched (§5.3, §5.4.2). `match` gives each
 * voter's acknowledged index; voters without an entry count as 0.
 */
export function committedIndex(
  voters: readonly NodeId[],
  match: (voter: NodeId) => number,
): number {
  if (voters.length === 0) return 0;
  const indexes = voters.map(match).sort((a, b) => b - a);
  return indexes[quorumSize(voters.length) - 1] ?? 0;
}

/** Tallies an election: won with a majority of grants, lost once a majority is out of reach. */
export function voteResult(
  voters: readonly NodeId[],
  votes: ReadonlyMap<NodeId, boolean>,
): VoteResult {
  if (voters.length === 0) return 'won';
  let granted = 0;
  let rejected = 0;
  for (const voter of voters) {
    const vote = votes.get(voter);
    if (vote === true) granted++;
    else if (vote === false) rejected++;
  }
  const quorum = quorumSize(voters.length);
  if (granted >= quorum) return 'won';
  if (voters.length - rejected < quorum) return 'lost';
  return 'pending';
}

/** Whether a majority of voters satisfies `active` (CheckQuorum). */
export function quorumActive(
  voters: readonly NodeId[],
  active: (voter: NodeId) => boolean,
): boolean {
  return voters.filter(active).length >= quorumSize(voters.length);
}
