import { describe, expect, it } from 'vitest';
import { RaftRun } from '../../../src/sim/raft/raft-run';
import { runSchedule } from '../../../src/sim/raft/schedule';
import { TraceRecorder } from '../../../src/sim/trace';

/**
 * Scenario tests of the sweeps' cluster, story-like (TigerBeetle's replica_test.zig): bare Raft
 * members on the coordinator the page runs.
 */
describe('RaftRun', () => {
  it('elects a leader within swarmkit timings and replicates a write to every member', async () => {
    const cluster = await RaftRun.start({ seed: 1, managers: 5 });
    await cluster.runUntil(25_000);
    const leader = cluster.stableLeader();
    expect(leader).toBeDefined();
    const proposal = await cluster.propose(leader ?? 0);
    expect(proposal?.accepted).toBe(true);
    await cluster.runForMs(2_000);
    expect(cluster.acknowledged).toBe(1);
    for (const id of cluster.liveIds())
      expect(cluster.appliedIndex(id)).toBe(cluster.ackedIndexMax);
    expect(cluster.violations).toEqual([]);
  });

  it('loses no acknowledged write when the leader crashes, and elects another in 10 to 30 s', async () => {
    const cluster = await RaftRun.start({ seed: 2, managers: 3 });
    await cluster.runUntil(30_000);
    const leader = cluster.stableLeader() ?? 0;
    await cluster.propose(leader);
    await cluster.runForMs(1_000);
    const acked = cluster.ackedIndexMax;
    expect(acked).toBeGreaterThan(0);
    expect(await cluster.crash(leader)).toBe(true);
    const crashedAtMs = cluster.nowMs;
    while (cluster.stableLeader() === undefined && cluster.nowMs < crashedAtMs + 60_000) {
      await cluster.runForMs(100);
    }
    const electedAfterMs = cluster.nowMs - crashedAtMs;
    expect(electedAfterMs).toBeGreaterThanOrEqual(10_000);
    expect(electedAfterMs).toBeLessThanOrEqual(30_000);
    await cluster.runForMs(2_000);
    for (const id of cluster.liveIds())
      expect(cluster.appliedIndex(id)).toBeGreaterThanOrEqual(acked);
  });

  it('keeps a minority from committing: a partitioned leader steps down (CheckQuorum)', async () => {
    const cluster = await RaftRun.start({ seed: 3, managers: 5 });
    await cluster.runUntil(30_000);
    const leader = cluster.stableLeader() ?? 0;
    const others = cluster.liveIds().filter((id) => id !== leader);
    await cluster.partition([[leader, others[0] ?? 0], others.slice(1)]);
    const write = await cluster.propose(leader);
    expect(write?.accepted).toBe(true);
    await cluster.runForMs(25_000);
    expect(cluster.leaderReach().map((reach) => reach.member)).not.toContain(leader);
    expect(cluster.acknowledged).toBe(0);
    expect(others.slice(1)).toContain(cluster.leader());
    expect(cluster.violations).toEqual([]);
  });

  it('adds a voter through the leader and retires a removed one', async () => {
    const cluster = await RaftRun.start({ seed: 4, managers: 3 });
    await cluster.runUntil(30_000);
    const leader = cluster.stableLeader() ?? 0;
    const added = await cluster.addMember(leader);
    expect(added?.result.accepted).toBe(true);
    await cluster.runForMs(5_000);
    expect(cluster.voters(leader)).toEqual([1, 2, 3, 4]);
    expect(cluster.isUp(4)).toBe(true);
    const victim = leader === 1 ? 2 : 1;
    expect((await cluster.removeMember(leader, victim))?.accepted).toBe(true);
    await cluster.runForMs(5_000);
    expect(cluster.isRemoved(victim)).toBe(true);
    expect(cluster.memberIds()).not.toContain(victim);
    expect(cluster.voters(cluster.leader() ?? 0)).not.toContain(victim);
    expect(cluster.violations).toEqual([]);
  });
});

describe('seeded schedules', () => {
  it('replay exactly: the same seed gives the same trace hash', async () => {
    const hashes: string[] = [];
    for (let run = 0; run < 2; run++) {
      const recorder = new TraceRecorder({ keepEvents: false });
      await runSchedule({
        seed: 4242,
        managers: 5,
        faults: true,
        trace: recorder,
        traceRpcs: true,
      });
      hashes.push(recorder.hash());
    }
    expect(hashes[0]).toBe(hashes[1]);
    const other = new TraceRecorder({ keepEvents: false });
    await runSchedule({ seed: 4243, managers: 5, faults: true, trace: other, traceRpcs: true });
    expect(other.hash()).not.toBe(hashes[0]);
  });

  it('trace every event type a faulty schedule produces, with time and member', async () => {
    const recorder = new TraceRecorder({ keepEvents: true });
    await runSchedule({ seed: 99, managers: 5, faults: true, trace: recorder, traceRpcs: true });
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
