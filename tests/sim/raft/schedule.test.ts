import { describe, expect, it } from 'vitest';
import { MESSAGE_BUDGET, STEP_BUDGET, runSchedule } from '../../../src/sim/raft/schedule';
import { formatViolation, sweep } from '../../../src/sim/raft/sweep';

describe('a fault schedule', () => {
  it('stays far inside its step budget when the core is sound', async () => {
    const summary = await runSchedule({ seed: 11, managers: 5, faults: true });
    expect(summary.violations).toEqual([]);
    expect(summary.steps).toBeGreaterThan(0);
    expect(summary.steps).toBeLessThan(STEP_BUDGET / 10);
    expect(summary.messages).toBeGreaterThan(0);
    expect(summary.messages).toBeLessThan(MESSAGE_BUDGET / 10);
  });

  it('stops a run past its budget and reports it as a violation, without a liveness phase', async () => {
    const summary = await runSchedule({ seed: 11, managers: 5, faults: true, stepBudget: 200 });
    // It stops at the instant that passed the budget: one call per machine at most.
    expect(summary.steps).toBeGreaterThan(200);
    expect(summary.steps).toBeLessThanOrEqual(205);
    expect(summary.electedAfterHealMs).toBeUndefined();
    expect(summary.violations).toEqual([
      expect.objectContaining({ invariant: 'budget', member: 0 }),
    ]);
  });

  it('stops a run that sends more messages than its budget, however few its steps', async () => {
    const summary = await runSchedule({ seed: 11, managers: 5, faults: true, messageBudget: 100 });
    expect(summary.steps).toBeLessThan(STEP_BUDGET);
    // It stops at the instant that passed the budget: a few heartbeats or appends on.
    expect(summary.messages).toBeGreaterThan(100);
    expect(summary.messages).toBeLessThan(130);
    expect(summary.violations.map((violation) => violation.invariant)).toEqual(['budget']);
    expect(summary.violations[0]?.detail).toMatch(/sent more than 100 messages/);
  });

  it('names the seed and the command that replays a runaway', async () => {
    const result = await sweep([{ seed: 11, managers: 5 }], { stepBudget: 200 });
    expect(result.violations.map(formatViolation)).toEqual([
      expect.stringMatching(
        /^violation seed=11 managers=5 budget .*\n {2}replay: npm run sim -- --seed 11 --managers 5 --faults/,
      ),
    ]);
  });

  it('stops a sweep at its first violation when asked, as the mutants do', async () => {
    const keys = [
      { seed: 11, managers: 5 },
      { seed: 12, managers: 5 },
    ];
    const result = await sweep(keys, { stepBudget: 200, stopAtFirstViolation: true });
    expect(result.schedules).toBe(1);
    expect(result.violations).toHaveLength(1);
    expect((await sweep(keys, { stepBudget: 200 })).schedules).toBe(2);
  });
});
