import { describe, expect, it } from 'vitest';
import { describeTraceEvent } from '../../src/sim/describe';
import type { SwarmChange } from '../../src/machine-api';
import type { TraceEvent } from '../../src/sim/trace';

const names = (member: number) => `manager${member}`;

describe('describeTraceEvent', () => {
  it.each<[TraceEvent, string | null]>([
    [
      { type: 'role-changed', timeMs: 0, member: 1, role: 'leader', term: 3, lead: 1 },
      'became the Raft leader in term 3',
    ],
    [
      { type: 'role-changed', timeMs: 0, member: 2, role: 'follower', term: 3, lead: 1 },
      'follows manager1 in term 3',
    ],
    [
      { type: 'role-changed', timeMs: 0, member: 2, role: 'follower', term: 4, lead: 0 },
      'is a follower in term 4, with no leader known',
    ],
    // A new member's first state is no change of role.
    [{ type: 'role-changed', timeMs: 0, member: 2, role: 'follower', term: 0, lead: 0 }, null],
    [
      { type: 'machine-moved', timeMs: 0, member: 2, placement: 'own-worker' },
      'now a manager: moved into a Web Worker of its own, without a restart',
    ],
    [
      { type: 'machine-moved', timeMs: 0, member: 2, placement: 'shared' },
      'no longer a manager: moved back to the shared worker thread, without a restart',
    ],
    [
      { type: 'role-changed', timeMs: 0, member: 2, role: 'candidate', term: 5, lead: 0 },
      'started an election for term 5',
    ],
    [
      { type: 'vote-granted', timeMs: 0, member: 3, candidate: 2, term: 5, preVote: false },
      'vote granted to manager2 for term 5',
    ],
    [
      { type: 'network-partitioned', timeMs: 0, member: 1, groups: [[1], [2, 3]] },
      'network partitioned: {manager1} | {manager2, manager3}',
    ],
    [{ type: 'rpc-sent', timeMs: 0, member: 1, to: 2, rpc: 'MsgHeartbeat', term: 1 }, null],
    [{ type: 'commit-advanced', timeMs: 0, member: 1, commitIndex: 4 }, null],
    [
      {
        type: 'entry-applied',
        timeMs: 0,
        member: 1,
        index: 7,
        term: 1,
        kind: 'normal',
        digest: '0123456789abcdef',
      },
      null,
    ],
  ])('%j', (event, text) => {
    expect(describeTraceEvent(event, names)).toBe(text);
  });
});

const status = (
  state: 'ready' | 'down' | 'unknown',
  previous: 'ready' | 'down' | 'unknown',
  message = '',
  silenceMs = 0,
): SwarmChange => ({
  kind: 'node-status-changed',
  hostname: 'worker2',
  state,
  previous,
  message,
  silenceMs,
});

describe('describeTraceEvent: swarm changes', () => {
  it.each<[SwarmChange, string | null]>([
    [{ kind: 'swarm-initialised', hostname: 'manager1' }, 'swarm initialised by manager1'],
    [
      { kind: 'node-joined', hostname: 'worker1', role: 'worker' },
      'node worker1 joined the swarm as a worker',
    ],
    [
      { kind: 'node-joined', hostname: 'manager2', role: 'manager' },
      'node manager2 joined the swarm as a manager',
    ],
    [{ kind: 'node-removed', hostname: 'worker1' }, 'node worker1 removed from the swarm'],
    [
      { kind: 'node-role-changed', hostname: 'manager2', role: 'manager' },
      'manager2 promoted to manager',
    ],
    [
      { kind: 'node-role-changed', hostname: 'manager2', role: 'worker' },
      'manager2 demoted to worker',
    ],
    [
      { kind: 'node-availability-changed', hostname: 'worker2', availability: 'drain' },
      'worker2 availability is now Drain',
    ],
    [
      { kind: 'node-availability-changed', hostname: 'worker2', availability: 'pause' },
      'worker2 availability is now Pause',
    ],
    [
      { kind: 'node-availability-changed', hostname: 'worker2', availability: 'active' },
      'worker2 availability is now Active',
    ],
    [
      status('down', 'ready', 'heartbeat failure', 15_000),
      'worker2 is Down (no heartbeat for 15 s)',
    ],
    [status('down', 'ready', 'shut down'), 'worker2 is Down (shut down)'],
    [status('ready', 'down'), 'worker2 is Ready again'],
    // A new leader's Unknown round trip is left out; the leader line says it.
    [status('unknown', 'ready', 'Node moved to "unknown" state'), null],
    [status('ready', 'unknown'), null],
    [
      { kind: 'manager-reachability-changed', hostname: 'manager3', reachability: 'unreachable' },
      'manager3 is Unreachable',
    ],
    [
      { kind: 'manager-reachability-changed', hostname: 'manager3', reachability: 'reachable' },
      'manager3 is Reachable again',
    ],
    [{ kind: 'swarm-leader-changed', hostname: 'manager2' }, 'manager2 is now the swarm leader'],
    [
      { kind: 'join-token-rotated', role: 'worker' },
      'worker join token rotated; the old one no longer works',
    ],
    [
      { kind: 'join-token-rotated', role: 'manager' },
      'manager join token rotated; the old one no longer works',
    ],
    [{ kind: 'unlock-key-rotated' }, 'unlock key rotated'],
    [
      { kind: 'autolock-changed', enabled: true },
      'autolock on: a restarted manager needs the unlock key',
    ],
    [{ kind: 'autolock-changed', enabled: false }, 'autolock off'],
    [
      { kind: 'manager-locked', hostname: 'manager1' },
      'swarm is locked on manager1: docker swarm unlock needs the unlock key',
    ],
    [{ kind: 'manager-unlocked', hostname: 'manager1' }, 'swarm unlocked on manager1'],
  ])('%j', (change, text) => {
    const event: TraceEvent = { type: 'swarm-changed', timeMs: 0, member: 1, change };
    expect(describeTraceEvent(event, names)).toBe(text);
  });
});
