import { describe, expect, it } from 'vitest';
import type { MachineView, TaskChip } from '../../../src/sim/read-model';
import { machineName, machineText } from '../../../src/ui/graph/machine-label';

function machine(overrides: Partial<MachineView> = {}): MachineView {
  return {
    hostname: 'manager2',
    address: '192.168.0.12',
    daemon: 'running',
    swarmRole: 'manager',
    intendedRole: 'manager',
    thread: 'own-worker',
    raft: { role: 'follower', term: 3, leader: 'manager1', commitIndex: 12, lastIndex: 12 },
    nodeStatus: 'ready',
    managerStatus: 'reachable',
    availability: 'active',
    ...overrides,
  };
}

function chip(name: string, state: TaskChip['state']): TaskChip {
  return { taskId: `id-${name}`, name, state, desiredState: 'running', files: [] };
}

describe('machineText', () => {
  it('is what the graph writes: Raft line, role, status line', () => {
    expect(machineText(machine())).toMatchObject({
      hostname: 'manager2',
      detail: 'term 3 · commit 12',
      role: 'manager',
      statusLine: 'Ready · Reachable',
      alarm: false,
      more: null,
    });
  });

  it('warns of a node Down, shows a drained one, and a stopped daemon', () => {
    const down = machineText(
      machine({ nodeStatus: 'down', managerStatus: 'unreachable', availability: 'drain' }),
    );
    expect(down.statusLine).toBe('⚠ Down · Unreachable · Drain');
    expect(down.alarm).toBe(true);
    expect(machineText(machine({ daemon: 'stopped', raft: null })).role).toBe('daemon stopped');
  });

  it('has no status line when no leader answers, and a worker shows its address', () => {
    const worker = machineText(
      machine({
        hostname: 'worker1',
        swarmRole: 'worker',
        raft: null,
        nodeStatus: null,
        managerStatus: null,
      }),
    );
    expect(worker.statusLine).toBeNull();
    expect(worker.detail).toBe('192.168.0.12');
  });
});

describe('machineName', () => {
  it('says what a sighted learner reads on the graph', () => {
    expect(machineName(machine())).toBe('manager2, manager, Reachable, Ready, term 3, commit 12');
  });

  it('names the leader, a candidate, a machine in no swarm', () => {
    expect(
      machineName(
        machine({
          hostname: 'manager1',
          managerStatus: 'leader',
          raft: { role: 'leader', term: 4, leader: 'manager1', commitIndex: 9, lastIndex: 9 },
        }),
      ),
    ).toBe('manager1, manager, Leader, Ready, term 4, commit 9');
    // No leader answers during an election: the crown and the colour are all there is.
    expect(
      machineName(
        machine({
          nodeStatus: null,
          raft: { role: 'candidate', term: 5, leader: null, commitIndex: 9, lastIndex: 9 },
        }),
      ),
    ).toBe('manager2, manager, term 5, commit 9, Raft candidate');
    expect(
      machineName(machine({ hostname: 'worker3', swarmRole: null, raft: null, nodeStatus: null })),
    ).toBe('worker3, not in a swarm, address 192.168.0.12');
  });

  it('counts the task chips by what they show', () => {
    const tasks = [chip('web.1', 'running'), chip('web.2', 'starting'), chip('web.3', 'running')];
    expect(machineName(machine({ tasks }))).toBe(
      'manager2, manager, Reachable, Ready, term 3, commit 12, 3 tasks: 2 running, 1 starting',
    );
  });

  it('follows the view it is made from, as the drawing does', () => {
    const before = machine();
    const after = machine({ nodeStatus: 'down', managerStatus: 'unreachable' });
    expect(machineName(before)).not.toBe(machineName(after));
    expect(machineName(after)).toContain('Unreachable, Down');
  });
});
