import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committedIndex, quorumSize, voteResult } from '../../src/raft';

/**
 * The quorum maths against naive models (etcd `quorum/quick_test.go`): the committed index is the
 * largest index that a majority has reached, found here by trying every candidate index.
 */
function naiveCommitted(matches: readonly number[]): number {
  let best = 0;
  for (const candidate of matches) {
    const reached = matches.filter((match) => match >= candidate).length;
    if (reached > matches.length / 2 && candidate > best) best = candidate;
  }
  return best;
}

const matchesArbitrary = fc.array(fc.nat(50), { minLength: 1, maxLength: 9 });

describe('quorum', () => {
  it('sizes a majority as floor(n/2)+1', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(quorumSize)).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });

  it('commits what a majority has matched, like the naive model', () => {
    fc.assert(
      fc.property(matchesArbitrary, (matches) => {
        const voters = matches.map((_, i) => i + 1);
        const committed = committedIndex(voters, (voter) => matches[voter - 1] ?? 0);
        expect(committed).toBe(naiveCommitted(matches));
      }),
      { numRuns: 2000 },
    );
  });

  it('decides an election only when the outcome cannot change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<boolean | undefined>(true, false, undefined), {
          minLength: 1,
          maxLength: 9,
        }),
        (ballots) => {
          const voters = ballots.map((_, i) => i + 1);
          const votes = new Map<number, boolean>();
          ballots.forEach((ballot, i) => {
            if (ballot !== undefined) votes.set(i + 1, ballot);
          });
          const granted = ballots.filter((b) => b === true).length;
          const possible = ballots.filter((b) => b !== false).length;
          const quorum = quorumSize(voters.length);
          const expected = granted >= quorum ? 'won' : possible < quorum ? 'lost' : 'pending';
          expect(voteResult(voters, votes)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
