import { describe, expect, it } from 'vitest';
import type { MachineView } from '../../../src/sim/read-model';
import { ChangeAnnouncer } from '../../../src/ui/state/announcements';

type Raft = NonNullable<MachineView['raft']>;

function manager(hostname: string, raft: Partial<Raft> | null, extra: Partial<MachineView> = {}) {
  const view: MachineView = {
    hostname,
    address: '192.168.0.11',
    daemon: raft === null ? 'stopped' : 'running',
    swarmRole: 'manager',
    intendedRole: 'manager',
    thread: 'own-worker',
    raft:
      raft === null
        ? null
        : { role: 'follower', term: 2, leader: null, commitIndex: 0, lastIndex: 0, ...raft },
    nodeStatus: 'ready',
    ...extra,
  };
  return view;
}

/** Three managers, `leader` leading in `term` (or none), the others following it. */
function cluster(leader: string | null, term = 2, stopped: readonly string[] = []) {
  return ['manager1', 'manager2', 'manager3'].map((hostname) =>
    stopped.includes(hostname)
      ? manager(hostname, null)
      : manager(hostname, { role: hostname === leader ? 'leader' : 'follower', term, leader }),
  );
}

describe('ChangeAnnouncer', () => {
  it('says nothing of the first view: the page opens on it', () => {
    const announcer = new ChangeAnnouncer();
    expect(announcer.observe({ machines: cluster('manager1'), partition: null })).toBeNull();
    expect(announcer.observe({ machines: cluster('manager1'), partition: null })).toBeNull();
  });

  it('tells the first leader, without calling the first quorum a regained one', () => {
    const announcer = new ChangeAnnouncer();
    announcer.observe({ machines: cluster(null), partition: null });
    expect(announcer.observe({ machines: cluster('manager1'), partition: null })).toBe(
      'manager1 became the Raft leader in term 2.',
    );
  });

  it('groups what one change of the view brings into one sentence', () => {
    const announcer = new ChangeAnnouncer();
    announcer.observe({ machines: cluster('manager1'), partition: null });
    const lost = cluster(null, 2, ['manager1', 'manager2']).map((machine) =>
      machine.raft === null ? { ...machine, nodeStatus: 'down' as const } : machine,
    );
    expect(announcer.observe({ machines: lost, partition: null })).toBe(
      'manager1 is Down. manager2 is Down. Quorum lost: 0 of 3 managers with a leader, 2 needed.',
    );
    // Down once: the same view again says nothing.
    expect(announcer.observe({ machines: lost, partition: null })).toBeNull();
    expect(announcer.observe({ machines: cluster('manager3', 3), partition: null })).toBe(
      'manager3 became the Raft leader in term 3. Quorum regained.',
    );
  });

  it('tells a new term of the same leader, and the network split and healed', () => {
    const announcer = new ChangeAnnouncer();
    announcer.observe({ machines: cluster('manager1', 2), partition: null });
    expect(
      announcer.observe({
        machines: cluster('manager1', 2),
        partition: [['manager1', 'manager2'], ['manager3']],
      }),
    ).toBe('Network partitioned.');
    expect(announcer.observe({ machines: cluster('manager1', 4), partition: null })).toBe(
      'manager1 became the Raft leader in term 4. Network healed.',
    );
  });
});
