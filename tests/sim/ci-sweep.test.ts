import { describe, expect, it } from 'vitest';
import { formatViolation, scheduleKeys, sweep } from '../../src/sim/raft/sweep';

/**
 * The CI seed list: a fixed set of 510 seeded fault schedules (seeds 1 to 170, each with 3, 5
 * and 7 managers), the same ones `npm run sim:sweep -- --seeds 170 --managers 3,5,7` runs. Every
 * schedule must keep every safety invariant and, once healed, elect a leader and apply every
 * acknowledged write. A failure prints the seed and the command that replays it.
 */
const CI_SCHEDULES = scheduleKeys({ firstSeed: 1, seedCount: 170, managers: [3, 5, 7] });
const CI_BUDGET_MS = 60_000;

describe('CI seed list', () => {
  it('holds at least 500 schedules', () => {
    expect(CI_SCHEDULES.length).toBeGreaterThanOrEqual(500);
  });

  it(
    'finds no violation and elects a leader after every heal, within a minute',
    () => {
      const startedMs = performance.now();
      const result = sweep(CI_SCHEDULES);
      const elapsedMs = performance.now() - startedMs;
      expect(result.violations.map(formatViolation)).toEqual([]);
      expect(result.crashed).toBe(0);
      expect(result.electedAfterHealMs).toHaveLength(CI_SCHEDULES.length);
      expect(elapsedMs).toBeLessThan(CI_BUDGET_MS);
    },
    CI_BUDGET_MS,
  );
});
