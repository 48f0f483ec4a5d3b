import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MachineView } from '../../../src/sim/read-model';
import { summariseQuorum } from '../../../src/ui/graph/quorum';

function manager(
  hostname: string,
  raft: {
    role?: 'leader' | 'follower' | 'candidate';
    term?: number;
    leader?: string | null;
  } | null,
  daemon: MachineView['daemon'] = 'running',
): MachineView {
  return {
    hostname,
    address: '192.168.0.11',
    daemon,
    swarmRole: 'manager',
    intendedRole: 'manager',
    thread: 'own-worker',
    raft:
      raft === null
        ? null
        : {
            role: raft.role ?? 'follower',
            term: raft.term ?? 1,
            leader: raft.leader ?? null,
            commitIndex: 0,
            lastIndex: 0,
          },
  };
}

describe('summariseQuorum', () => {
  it('is absent without managers', () => {
    expect(summariseQuorum([])).toBeNull();
  });

  it('holds with a leader that a majority follows', () => {
    const summary = summariseQuorum([
      manager('manager1', { role: 'leader', leader: 'manager1' }),
      manager('manager2', { leader: 'manager1' }),
      manager('manager3', null, 'stopped'),
    ]);
    expect(summary).toEqual({
      managers: 3,
      majority: 2,
      tolerated: 1,
      withLeader: 2,
      leader: 'manager1',
      holds: true,
    });
  });

  it('does not hold for a leader cut off in a minority', () => {
    const summary = summariseQuorum([
      manager('manager1', { role: 'leader', term: 1, leader: 'manager1' }),
      manager('manager2', { role: 'candidate', term: 3 }),
      manager('manager3', { role: 'candidate', term: 4 }),
    ]);
    expect(summary?.holds).toBe(false);
    expect(summary?.withLeader).toBe(1);
  });

  it('has the quorum arithmetic of docker-cli.md §10 for every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), (count) => {
        const machines = Array.from({ length: count }, (_, i) => manager(`manager${i + 1}`, null));
        const summary = summariseQuorum(machines);
        expect(summary?.majority).toBe(Math.floor(count / 2) + 1);
        expect(summary?.tolerated).toBe(count - (summary?.majority ?? 0));
        expect(summary?.holds).toBe(false);
      }),
    );
  });
});
