import { describe, expect, it } from 'vitest';
import { RaftCluster } from '../../../src/sim/raft/cluster';
import { runSchedule } from '../../../src/sim/raft/schedule';
import { TraceRecorder } from '../../../src/sim/trace';

/** Scenario tests of the harness, story-like (TigerBeetle's replica_test.zig). */
describe('RaftCluster', () => {
  it('elects a leader within swarmkit timings and replicates a write to every member', () => {
    const cluster = new RaftCluster({ seed: 1, managers: 5 });
    cluster.runUntil(25_000);
    const leader = cluster.stableLeader();
    expect(leader).toBeDefined();
    const proposal = cluster.propose(leader ?? 0);
    expect(proposal?.result.ok).toBe(true);
    cluster.runForMs(2_000);
    expect(cluster.acknowledged.size).toBe(1);
    for (const id of cluster.liveIds())
      expect(cluster.appliedIndex(id)).toBe(cluster.ackedIndexMax);
    expect(cluster.violations).toEqual([]);
  });

  it('loses no acknowledged write when the leader crashes, and elects another in 10 to 30 s', () => {
    const cluster = new RaftCluster({ seed: 2, managers: 3 });
    cluster.runUntil(30_000);
    const leader = cluster.stableLeader() ?? 0;
    cluster.propose(leader);
    cluster.runForMs(1_000);
    const acked = cluster.ackedIndexMax;
    expect(acked).toBeGreaterThan(0);
    cluster.crash(leader);
    const crashedAtMs = cluster.nowMs;
    while (cluster.stableLeader() === undefined && cluster.nowMs < crashedAtMs + 60_000) {
      cluster.runForMs(100);
    }
    const electedAfterMs = cluster.nowMs - crashedAtMs;
    expect(electedAfterMs).toBeGreaterThanOrEqual(10_000);
    expect(electedAfterMs).toBeLessThanOrEqual(30_000);
    cluster.runForMs(2_000);
    for (const id of cluster.liveIds())
      expect(cluster.appliedIndex(id)).toBeGreaterThanOrEqual(acked);
  });

  it('keeps a minority from committing: a partitioned leader steps down (CheckQuorum)', () => {
    const cluster = new RaftCluster({ seed: 3, managers: 5 });
    cluster.runUntil(30_000);
    const leader = cluster.stableLeader() ?? 0;
    const others = cluster.liveIds().filter((id) => id !== leader);
    cluster.partition([[leader, others[0] ?? 0], others.slice(1)]);
    const write = cluster.propose(leader);
    expect(write?.result.ok).toBe(true);
    cluster.runForMs(25_000);
    expect(cluster.node(leader)?.role).not.toBe('leader');
    expect(cluster.acknowledged.has(write?.proposal ?? '')).toBe(false);
    expect(others.slice(1)).toContain(cluster.leader());
    expect(cluster.violations).toEqual([]);
  });
});

describe('seeded schedules', () => {
  it('replay exactly: the same seed gives the same trace hash', () => {
    const hashes = [1, 2].map(() => {
      const recorder = new TraceRecorder({ keepEvents: false });
      runSchedule({ seed: 4242, managers: 5, faults: true, trace: recorder, traceRpcs: true });
      return recorder.hash();
    });
    expect(hashes[0]).toBe(hashes[1]);
    const other = new TraceRecorder({ keepEvents: false });
    runSchedule({ seed: 4243, managers: 5, faults: true, trace: other, traceRpcs: true });
    expect(other.hash()).not.toBe(hashes[0]);
  });

  it('trace every event type a faulty schedule produces, with time and member', () => {
    const recorder = new TraceRecorder({ keepEvents: true });
    runSchedule({ seed: 99, managers: 5, faults: true, trace: recorder, traceRpcs: true });
    const types = new Set(recorder.events.map((event) => event.type));
    for (const type of [
      'role-changed',
      'vote-granted',
      'entries-appended',
      'commit-advanced',
      'entry-applied',
      'rpc-sent',
    ]) {
      expect(types).toContain(type);
    }
    for (const event of recorder.events) {
      expect(Number.isInteger(event.timeMs)).toBe(true);
      expect(Number.isInteger(event.member)).toBe(true);
    }
  });
});
