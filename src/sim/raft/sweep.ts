import type { Violation } from '../checkers';
import { runSchedule, type ScheduleSummary } from './schedule';

/** One schedule of a sweep: a seed and a manager count, replayable with `npm run sim`. */
export interface ScheduleKey {
  readonly seed: number;
  readonly managers: number;
}

export interface SweepViolation extends ScheduleKey {
  readonly violation: Violation;
}

export interface SweepResult {
  readonly schedules: number;
  readonly violations: readonly SweepViolation[];
  /** Schedules that threw (an assertion inside the core); each is also a violation. */
  readonly crashed: number;
  /** Virtual ms from healing to a stable leader, one per schedule that elected one. */
  readonly electedAfterHealMs: readonly number[];
}

/** Every seed in [first, first + count) crossed with every manager count. */
export function scheduleKeys(options: {
  firstSeed: number;
  seedCount: number;
  managers: readonly number[];
}): ScheduleKey[] {
  const keys: ScheduleKey[] = [];
  for (let seed = options.firstSeed; seed < options.firstSeed + options.seedCount; seed++) {
    for (const managers of options.managers) keys.push({ seed, managers });
  }
  return keys;
}

/**
 * The CI seed list: 510 fixed fault schedules (seeds 1 to 170, each with 3, 5 and 7 managers),
 * the ones `npm run sim:sweep -- --seeds 170 --managers 3,5,7` runs. The test suite runs them
 * for their verdict; the benchmark prints how long they take (a test never times them).
 */
export const CI_SCHEDULES: readonly ScheduleKey[] = scheduleKeys({
  firstSeed: 1,
  seedCount: 170,
  managers: [3, 5, 7],
});

/** Runs schedules with faults, as `npm run sim -- --seed S --managers N --faults` does. */
export async function sweep(
  keys: readonly ScheduleKey[],
  options: {
    readonly stepBudget?: number;
    readonly messageBudget?: number;
    /** Stop after the first schedule with a violation (the mutants only ask whether one is). */
    readonly stopAtFirstViolation?: boolean;
  } = {},
): Promise<SweepResult> {
  const { stopAtFirstViolation = false, ...scheduleOptions } = options;
  const violations: SweepViolation[] = [];
  const electedAfterHealMs: number[] = [];
  let crashed = 0;
  let schedules = 0;
  for (const key of keys) {
    if (stopAtFirstViolation && violations.length > 0) break;
    schedules++;
    let summary: ScheduleSummary;
    try {
      summary = await runSchedule({
        seed: key.seed,
        managers: key.managers,
        faults: true,
        ...scheduleOptions,
      });
    } catch (error) {
      crashed++;
      const detail = error instanceof Error ? error.message : String(error);
      violations.push({
        ...key,
        violation: { invariant: 'liveness', timeMs: 0, member: 0, detail: `threw: ${detail}` },
      });
      continue;
    }
    for (const violation of summary.violations) violations.push({ ...key, violation });
    if (summary.electedAfterHealMs !== undefined) {
      electedAfterHealMs.push(summary.electedAfterHealMs);
    }
  }
  return { schedules, violations, crashed, electedAfterHealMs };
}

export function formatViolation(found: SweepViolation): string {
  const { seed, managers, violation } = found;
  return (
    `violation seed=${seed} managers=${managers} ${violation.invariant} ` +
    `at ${violation.timeMs} ms on member ${violation.member}: ${violation.detail}\n` +
    `  replay: npm run sim -- --seed ${seed} --managers ${managers} --faults --trace trace.jsonl`
  );
}
