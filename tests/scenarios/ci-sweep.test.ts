import { describe, expect, it } from 'vitest';
import { CI_SCHEDULES, formatViolation, sweep } from '../../src/sim/raft/sweep';

/**
 * The CI seed list (`CI_SCHEDULES`): every schedule must keep every safety invariant and, once
 * healed, elect a leader and apply every acknowledged write. A failure prints the seed and the
 * command that replays it. How long the list takes is a figure `npm run bench` prints: asserting
 * it here would fail whenever the machine is busy.
 */
describe('CI seed list', () => {
  it('holds at least 500 schedules', () => {
    expect(CI_SCHEDULES.length).toBeGreaterThanOrEqual(500);
  });

  it('finds no violation and elects a leader after every heal', async () => {
    const result = await sweep(CI_SCHEDULES);
    expect(result.violations.map(formatViolation)).toEqual([]);
    expect(result.crashed).toBe(0);
    expect(result.electedAfterHealMs).toHaveLength(CI_SCHEDULES.length);
  }, 600_000);
});
