import { describe, expect, it } from 'vitest';
import { AvailabilityChecker, type LeaderReach, type Violation } from '../../../src/sim/checkers';

const BOUND_MS = 21_000;

function checker(): { check: AvailabilityChecker; found: Violation[] } {
  const found: Violation[] = [];
  return { check: new AvailabilityChecker({ report: (v) => found.push(v) }), found };
}

/** Leader 1 of {1, 2, 3} in term 4, reaching `reached`. */
function leader(reached: number[], transferring = false): LeaderReach {
  return {
    member: 1,
    term: 4,
    voters: [1, 2, 3],
    reached,
    reachesMajority: reached.length >= 2,
    transferring,
  };
}

describe('AvailabilityChecker', () => {
  it('reports a leader left alone for longer than the bound, once', () => {
    const { check, found } = checker();
    for (let t = 0; t <= 30_000; t += 1_000) check.observe(t, [leader([1])], BOUND_MS);
    expect(found).toEqual([
      expect.objectContaining({ invariant: 'availability', member: 1, timeMs: 22_000 }),
    ]);
  });

  it('lets a leader that steps down in time, or reaches a majority again, go', () => {
    const { check, found } = checker();
    for (let t = 0; t <= 20_000; t += 1_000) check.observe(t, [leader([1])], BOUND_MS);
    check.observe(21_000, [], BOUND_MS);
    for (let t = 22_000; t <= 40_000; t += 1_000) check.observe(t, [leader([1, 2])], BOUND_MS);
    expect(found).toEqual([]);
  });

  it('restarts the wait when a transfer starts', () => {
    const { check, found } = checker();
    for (let t = 0; t <= 15_000; t += 1_000) check.observe(t, [leader([1])], BOUND_MS);
    check.observe(16_000, [leader([1], true)], BOUND_MS);
    for (let t = 17_000; t <= 37_000; t += 1_000) check.observe(t, [leader([1])], BOUND_MS);
    expect(found).toEqual([]);
    check.observe(38_000, [leader([1])], BOUND_MS);
    expect(found).toHaveLength(1);
  });

  it('restarts the wait when the leader reaches another minority', () => {
    const { check, found } = checker();
    const ofFive = (reached: number[]): LeaderReach => ({
      ...leader(reached),
      voters: [1, 2, 3, 4, 5],
      reachesMajority: false,
    });
    for (let t = 0; t <= 15_000; t += 1_000) check.observe(t, [ofFive([1, 2])], BOUND_MS);
    for (let t = 16_000; t <= 30_000; t += 1_000) check.observe(t, [ofFive([1, 3])], BOUND_MS);
    expect(found).toEqual([]);
  });
});
