import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/raft';
import {
  ElectionSafetyChecker,
  LeaderAppendOnlyChecker,
  LeaderCompletenessChecker,
  LivenessChecker,
  LogMatchingChecker,
  StateMachineSafetyChecker,
  type Violation,
} from '../../src/sim/checkers';

/** Each checker accepts a valid history and reports a planted violation of its invariant. */
function collector(): { violations: Violation[]; report: (violation: Violation) => void } {
  const violations: Violation[] = [];
  return { violations, report: (violation) => violations.push(violation) };
}

function entry(index: number, term: number, payload: string): Entry<string> {
  return { index, term, data: { type: 'normal', payload } };
}

const terms = (log: readonly number[]) => (index: number) => (index === 0 ? 0 : log[index - 1]);

describe('ElectionSafetyChecker', () => {
  it('reports two leaders in one term', () => {
    const { violations, report } = collector();
    const checker = new ElectionSafetyChecker(report);
    checker.onLeaderElected(0, 1, 1);
    checker.onLeaderElected(5, 1, 1);
    checker.onLeaderElected(9, 2, 2);
    expect(violations).toEqual([]);
    checker.onLeaderElected(10, 3, 2);
    expect(violations.map((v) => v.invariant)).toEqual(['election-safety']);
  });
});

describe('LogMatchingChecker', () => {
  it('reports one (index, term) with two contents or two predecessors', () => {
    const { violations, report } = collector();
    const checker = new LogMatchingChecker(report);
    const digest = (e: Entry<string>) => (e.data.type === 'normal' ? e.data.payload : e.data.type);
    checker.onPersisted({
      timeMs: 0,
      member: 1,
      entries: [entry(1, 1, 'a'), entry(2, 1, 'b')],
      termAt: terms([1, 1]),
      digest,
    });
    checker.onPersisted({
      timeMs: 0,
      member: 2,
      entries: [entry(2, 1, 'b')],
      termAt: terms([1, 1]),
      digest,
    });
    expect(violations).toEqual([]);
    checker.onPersisted({
      timeMs: 1,
      member: 3,
      entries: [entry(2, 1, 'c')],
      termAt: terms([1, 1]),
      digest,
    });
    checker.onPersisted({
      timeMs: 2,
      member: 3,
      entries: [entry(2, 1, 'b')],
      termAt: terms([2, 1]),
      digest,
    });
    expect(violations.map((v) => v.invariant)).toEqual(['log-matching', 'log-matching']);
  });
});

describe('LeaderCompletenessChecker', () => {
  it('reports a leader that lacks a committed entry', () => {
    const { violations, report } = collector();
    const checker = new LeaderCompletenessChecker(report);
    checker.onCommit({ timeMs: 0, member: 1, commitIndex: 2, termAt: terms([1, 1]) });
    checker.onLeaderElected({
      timeMs: 1,
      member: 2,
      term: 2,
      firstIndex: 1,
      termAt: terms([1, 1, 2]),
    });
    expect(violations).toEqual([]);
    checker.onLeaderElected({ timeMs: 2, member: 3, term: 3, firstIndex: 1, termAt: terms([1]) });
    expect(violations.map((v) => v.invariant)).toEqual(['leader-completeness']);
  });

  it('reports two different entries committed at one index', () => {
    const { violations, report } = collector();
    const checker = new LeaderCompletenessChecker(report);
    checker.onCommit({ timeMs: 0, member: 1, commitIndex: 1, termAt: terms([1]) });
    checker.onCommit({ timeMs: 0, member: 2, commitIndex: 1, termAt: terms([2]) });
    expect(violations).toHaveLength(1);
  });
});

describe('StateMachineSafetyChecker', () => {
  it('reports two states after the same index', () => {
    const { violations, report } = collector();
    const checker = new StateMachineSafetyChecker(report);
    checker.onApplied({ timeMs: 0, member: 1, index: 1, chain: 'x' });
    checker.onApplied({ timeMs: 0, member: 2, index: 1, chain: 'x' });
    expect(violations).toEqual([]);
    checker.onApplied({ timeMs: 0, member: 3, index: 1, chain: 'y' });
    expect(violations.map((v) => v.invariant)).toEqual(['state-machine-safety']);
    expect(checker.appliedIndexMax).toBe(1);
  });
});

describe('LeaderAppendOnlyChecker', () => {
  it('reports a leader that overwrites its log or installs a snapshot', () => {
    const { violations, report } = collector();
    const checker = new LeaderAppendOnlyChecker(report);
    checker.onLeaderPersist({
      timeMs: 0,
      member: 1,
      lastIndexBefore: 4,
      firstNewIndex: 5,
      installsSnapshot: false,
    });
    checker.onLeaderPersist({
      timeMs: 0,
      member: 1,
      lastIndexBefore: 4,
      firstNewIndex: undefined,
      installsSnapshot: false,
    });
    expect(violations).toEqual([]);
    checker.onLeaderPersist({
      timeMs: 0,
      member: 1,
      lastIndexBefore: 4,
      firstNewIndex: 3,
      installsSnapshot: false,
    });
    checker.onLeaderPersist({
      timeMs: 0,
      member: 1,
      lastIndexBefore: 4,
      firstNewIndex: undefined,
      installsSnapshot: true,
    });
    expect(violations.map((v) => v.invariant)).toEqual([
      'leader-append-only',
      'leader-append-only',
    ]);
  });
});

describe('LivenessChecker', () => {
  it('passes once a leader is elected and nobody lags', () => {
    const { violations, report } = collector();
    const checker = new LivenessChecker({ report, electionBoundMs: 100, applyBoundMs: 50 });
    checker.onHealed(0);
    expect(checker.observe({ timeMs: 10, leader: undefined, lagging: [], ackedIndexMax: 3 })).toBe(
      false,
    );
    expect(checker.deadlineMs()).toBe(100);
    expect(
      checker.observe({
        timeMs: 20,
        leader: 1,
        lagging: [{ member: 2, applied: 1 }],
        ackedIndexMax: 3,
      }),
    ).toBe(false);
    expect(checker.deadlineMs()).toBe(70);
    expect(checker.observe({ timeMs: 30, leader: 1, lagging: [], ackedIndexMax: 3 })).toBe(true);
    expect(violations).toEqual([]);
  });

  it('reports no leader, or a member that never applies', () => {
    const { violations, report } = collector();
    const noLeader = new LivenessChecker({ report, electionBoundMs: 100, applyBoundMs: 50 });
    noLeader.onHealed(0);
    noLeader.fail({ timeMs: 100, lagging: [], ackedIndexMax: 0 });
    const lagging = new LivenessChecker({ report, electionBoundMs: 100, applyBoundMs: 50 });
    lagging.onHealed(0);
    lagging.observe({
      timeMs: 5,
      leader: 1,
      lagging: [{ member: 2, applied: 0 }],
      ackedIndexMax: 4,
    });
    lagging.fail({ timeMs: 55, lagging: [{ member: 2, applied: 0 }], ackedIndexMax: 4 });
    expect(violations.map((v) => v.detail)).toEqual([
      'no leader within 0.1 s of healing',
      'acknowledged index 4 not applied on 2@0 within 0.05 s of the election',
    ]);
  });
});
