import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expireHeartbeats,
  heartbeat,
  memberList,
  nextExpiryMs,
  outcomeKnownAtMs,
  recordSendOutcome,
  registerNode,
  startDispatcher,
  type DispatcherState,
} from '../../src/swarm';
import { description, swarmOf, type TestSwarm } from '../support/builders';

/**
 * Node liveness timelines in virtual time (semantics §1.9, §2.1): Down 3 jittered periods after
 * the last heartbeat, Unknown after a leader change and Down 6 periods later, Reachable and
 * Unreachable from the Raft transport.
 */

interface Timeline {
  swarm: TestSwarm;
  dispatcher: DispatcherState;
  session: string;
  periodMs: number;
}

function registered(seed: number): Timeline {
  const swarm = swarmOf(1, 1, seed);
  let dispatcher = startDispatcher(swarm.context()).state;
  const registration = registerNode(dispatcher, swarm.context(), {
    nodeId: swarm.id('worker1'),
    description: description('worker1'),
    addr: '192.168.0.21',
  });
  if (!registration.ok) throw new Error(registration.error.message);
  swarm.apply(registration.value.proposal);
  dispatcher = registration.value.state;
  return {
    swarm,
    dispatcher,
    session: registration.value.sessionId,
    periodMs: registration.value.heartbeatPeriodMs,
  };
}

/** Runs the dispatcher every 100 ms until the node is Down; returns the instant it turned Down. */
function runUntilDown(timeline: Timeline, hostname: string, untilMs: number): number | null {
  const { swarm } = timeline;
  while (swarm.nowMs < untilMs) {
    swarm.nowMs += 100;
    const expired = expireHeartbeats(timeline.dispatcher, swarm.context());
    timeline.dispatcher = expired.state;
    swarm.apply(expired.proposal);
    if (swarm.node(hostname).node.Status.State === 'down') return swarm.nowMs;
  }
  return null;
}

describe('dispatcher heartbeats', () => {
  it('gives periods of 5 s ± 0.5 s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const { periodMs } = registered(seed);
        expect(periodMs).toBeGreaterThanOrEqual(4_500);
        expect(periodMs).toBeLessThan(5_500);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps nodes Ready while they beat on time', () => {
    const timeline = registered(1);
    const { swarm } = timeline;
    // The manager's own agent registers too; until then it holds an "unknown" session.
    swarm.nowMs += 1_000;
    timeline.dispatcher = swarm.register('manager1', '192.168.0.10', timeline.dispatcher);
    const managerSession = timeline.dispatcher.sessions[swarm.id('manager1')]?.sessionId ?? '';
    const sessions = new Map([
      ['manager1', { nextBeatMs: swarm.nowMs, session: managerSession }],
      ['worker1', { nextBeatMs: swarm.nowMs, session: timeline.session }],
    ]);
    const endMs = swarm.nowMs + 120_000;
    while (swarm.nowMs < endMs) {
      swarm.nowMs += 100;
      for (const [hostname, agent] of sessions) {
        if (swarm.nowMs < agent.nextBeatMs) continue;
        const beat = heartbeat(timeline.dispatcher, swarm.context(), {
          nodeId: swarm.id(hostname),
          sessionId: agent.session,
        });
        if (!beat.ok) throw new Error(beat.error.message);
        timeline.dispatcher = beat.value.state;
        agent.nextBeatMs = swarm.nowMs + beat.value.heartbeatPeriodMs;
      }
      expect(expireHeartbeats(timeline.dispatcher, swarm.context()).proposal).toBeNull();
    }
    expect(swarm.node('worker1').node.Status.State).toBe('ready');
    expect(swarm.node('manager1').node.Status.State).toBe('ready');
  });

  it('marks a silent node Down 13.5 to 16.5 s after its last heartbeat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const timeline = registered(seed);
        const lastBeatMs = timeline.swarm.nowMs;
        const downAtMs = runUntilDown(timeline, 'worker1', lastBeatMs + 20_000);
        expect(downAtMs).not.toBeNull();
        const afterMs = (downAtMs ?? 0) - lastBeatMs;
        expect(afterMs).toBeGreaterThanOrEqual(13_500);
        expect(afterMs).toBeLessThanOrEqual(16_600);
        expect(timeline.swarm.node('worker1').node.Status).toEqual({
          State: 'down',
          Message: 'heartbeat failure',
          Addr: '192.168.0.21',
        });
      }),
      { numRuns: 50 },
    );
  });

  it('says when the next expiry is due', () => {
    const timeline = registered(3);
    const due = nextExpiryMs(timeline.dispatcher);
    expect(due).not.toBeNull();
    const nowMs = timeline.swarm.nowMs;
    timeline.swarm.nowMs = (due ?? 0) - 1;
    expect(expireHeartbeats(timeline.dispatcher, timeline.swarm.context()).proposal).toBeNull();
    timeline.swarm.nowMs = due ?? nowMs;
    expect(expireHeartbeats(timeline.dispatcher, timeline.swarm.context()).proposal).not.toBeNull();
  });

  it.each([
    [
      'a node with no session',
      'nope',
      'x',
      'rpc error: code = NotFound desc = node not registered',
    ],
    [
      'a stale session',
      'worker1',
      'old',
      'rpc error: code = InvalidArgument desc = session invalid',
    ],
  ])('refuses a heartbeat from %s', (_name, hostname, session, message) => {
    const timeline = registered(1);
    const nodeId = hostname === 'nope' ? 'nope' : timeline.swarm.id(hostname);
    const beat = heartbeat(timeline.dispatcher, timeline.swarm.context(), {
      nodeId,
      sessionId: session,
    });
    expect(beat.ok).toBe(false);
    if (!beat.ok) expect(beat.error.message).toBe(message);
  });

  it('refuses a fourth registration within 8 s', () => {
    const timeline = registered(1);
    const { swarm } = timeline;
    const attempt = () =>
      registerNode(timeline.dispatcher, swarm.context(), {
        nodeId: swarm.id('worker1'),
        description: description('worker1'),
        addr: '192.168.0.21',
      });
    for (let i = 0; i < 2; i++) {
      swarm.nowMs += 1_000;
      const again = attempt();
      if (!again.ok) throw new Error(again.error.message);
      timeline.dispatcher = again.value.state;
    }
    swarm.nowMs += 1_000;
    const refused = attempt();
    expect(!refused.ok && refused.error.message).toBe(
      `rpc error: code = Unavailable desc = node ${swarm.id('worker1')} exceeded rate limit count of registrations`,
    );
    swarm.nowMs += 9_000;
    expect(attempt().ok).toBe(true);
  });
});

describe('leader change', () => {
  it('marks live nodes Unknown, leaves Down nodes Down, then Down after 27 to 33 s', () => {
    const timeline = registered(2);
    const { swarm } = timeline;
    runUntilDown(timeline, 'worker1', swarm.nowMs + 20_000);
    // A new leader's dispatcher starts.
    const start = startDispatcher(swarm.context());
    swarm.apply(start.proposal);
    timeline.dispatcher = start.state;
    expect(swarm.node('worker1').node.Status.State).toBe('down');
    expect(swarm.node('manager1').node.Status).toEqual({
      State: 'unknown',
      Message: 'Node moved to "unknown" state due to leadership change in cluster',
      Addr: '192.168.0.10',
    });
    const startMs = swarm.nowMs;
    const downAtMs = runUntilDown(timeline, 'manager1', startMs + 40_000);
    expect((downAtMs ?? 0) - startMs).toBeGreaterThanOrEqual(27_000);
    expect((downAtMs ?? 0) - startMs).toBeLessThanOrEqual(33_100);
    expect(swarm.node('manager1').node.Status.Message).toBe(
      'heartbeat failure for node in "unknown" state',
    );
  });

  it('turns a node that re-registers Ready again', () => {
    const swarm = swarmOf(1, 1, 4);
    const start = startDispatcher(swarm.context());
    swarm.apply(start.proposal);
    expect(swarm.node('worker1').node.Status.State).toBe('unknown');
    swarm.nowMs += 2_000;
    swarm.register('worker1', '192.168.0.21', start.state);
    expect(swarm.node('worker1').node.Status).toEqual({ State: 'ready', Addr: '192.168.0.21' });
  });
});

describe('manager reachability', () => {
  it('learns a refused send at once and a lost one at the 2 s send timeout', () => {
    expect(outcomeKnownAtMs(10_000, 'refused')).toBe(10_000);
    expect(outcomeKnownAtMs(10_000, 'timed-out')).toBe(12_000);
  });

  it('shows Reachable and Unreachable from the transport; self is always reachable', () => {
    const swarm = swarmOf(3, 0);
    const [m1, m2, m3] = ['manager1', 'manager2', 'manager3'].map((h) => swarm.raftIds.get(h) ?? 0);
    let activity = recordSendOutcome({}, { raftId: m2 ?? 0, outcome: 'delivered', atMs: 1_000 });
    activity = recordSendOutcome(activity, { raftId: m3 ?? 0, outcome: 'delivered', atMs: 1_000 });
    activity = recordSendOutcome(activity, { raftId: m3 ?? 0, outcome: 'refused', atMs: 5_000 });
    const list = memberList(swarm.store, {
      voters: [m1 ?? 0, m2 ?? 0, m3 ?? 0],
      leaderRaftId: m1 ?? 0,
      selfRaftId: m1 ?? 0,
      activity,
    });
    const byHost = new Map(list.map((member) => [member.nodeId, member]));
    const status = (hostname: string) => byHost.get(swarm.id(hostname));
    expect(status('manager1')).toMatchObject({
      leader: true,
      reachability: 'reachable',
      addr: '192.168.0.10:2377',
    });
    expect(status('manager2')).toMatchObject({ leader: false, reachability: 'reachable' });
    expect(status('manager3')).toMatchObject({ leader: false, reachability: 'unreachable' });
    // Delivered again: reachable, with a new "active since".
    const back = recordSendOutcome(activity, {
      raftId: m3 ?? 0,
      outcome: 'delivered',
      atMs: 9_000,
    });
    expect(back[String(m3)]).toEqual({ active: true, becameActiveAtMs: 9_000 });
  });
});
