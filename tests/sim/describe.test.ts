import { describe, expect, it } from 'vitest';
import { describeTraceEvent } from '../../src/sim/describe';
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
  ])('%j', (event, text) => {
    expect(describeTraceEvent(event, names)).toBe(text);
  });
});
