import type { MachineView, TaskChip } from '../../src/sim/read-model';

/** A running machine as the graph's read model shows it, with its chips (flight tests). */
export function machine(
  hostname: string,
  tasks: readonly TaskChip[],
  extra: Partial<MachineView> = {},
): MachineView {
  const manager = hostname.startsWith('manager');
  return {
    hostname,
    address: '10.0.0.1',
    daemon: 'running',
    swarmRole: manager ? 'manager' : 'worker',
    intendedRole: manager ? 'manager' : 'worker',
    raft: null,
    thread: manager ? 'own-worker' : 'shared',
    tasks,
    pendingTasks: [],
    ...extra,
  };
}

/** What makes a machine the Raft leader in the read model. */
export const LEADER = {
  raft: { role: 'leader', term: 2, leader: 'manager1', commitIndex: 9, lastIndex: 9 },
} as const;
