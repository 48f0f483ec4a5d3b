import { describe, expect, it } from 'vitest';
import type { PendingTask, TaskChip } from '../../../src/sim/read-model';
import type { Point } from '../../../src/ui/graph/layout';
import { LEADER, machine } from '../../support/machine-views';
import {
  flightEnds,
  MAX_TASK_FLIGHTS,
  newFlights,
  TASK_FLIGHT_WALL_MS,
  TaskFlightAnimator,
  type TaskFlight,
} from '../../../src/ui/graph/task-flights';

function running(taskId: string, name: string): TaskChip {
  return { taskId, name, state: 'running', desiredState: 'running', files: [] };
}

function leaving(chip: TaskChip): TaskChip {
  return { ...chip, desiredState: 'shutdown' };
}

function pending(taskId: string, name: string): PendingTask {
  return { taskId, name, error: '', nodes: [] };
}

describe('task flights', () => {
  it('fly each chip that appears on a node from the leader', () => {
    const before = [machine('manager1', [], LEADER), machine('worker1', [])];
    const after = [
      machine('manager1', [running('t1', 'web.1')], LEADER),
      machine('worker1', [running('t2', 'web.2')]),
    ];
    expect(newFlights(before, after)).toEqual([
      {
        key: 'manager1/t1',
        task: 'web.1',
        to: 'manager1',
        from: 'manager1',
        offset: { x: 0, y: 0 },
      },
      { key: 'worker1/t2', task: 'web.2', to: 'worker1', from: 'manager1', offset: { x: 0, y: 0 } },
    ]);
    // The next view with the same chips flies nothing again.
    expect(
      newFlights(
        after,
        after.map((view) => ({ ...view })),
      ),
    ).toEqual([]);
  });

  it('fly nothing on the first view, without a leader, or onto a machine just restarted', () => {
    const chips = [running('t1', 'web.1')];
    expect(newFlights(null, [machine('manager1', chips, LEADER)])).toEqual([]);
    expect(newFlights([machine('worker1', [])], [machine('worker1', chips)])).toEqual([]);
    const restarted = newFlights(
      [machine('manager1', [], LEADER), machine('worker1', [], { daemon: 'stopped' })],
      [machine('manager1', [], LEADER), machine('worker1', chips)],
    );
    expect(restarted).toEqual([]);
  });

  it('fly a replacement in the same slot, not the chip it replaces', () => {
    const old = running('t1', 'web.1');
    const before = [machine('manager1', [], LEADER), machine('worker1', [old])];
    // Rolling update, same node: the old task is stopping, the new one has the same name.
    const sameNode = [
      machine('manager1', [], LEADER),
      machine('worker1', [leaving(old), running('t9', 'web.1')]),
    ];
    expect(newFlights(before, sameNode).map((flight) => flight.key)).toEqual(['worker1/t9']);
    // Rescheduled after a failure: the new task lands elsewhere, the old one greys out.
    const elsewhere = [
      machine('manager1', [running('t9', 'web.1')], LEADER),
      machine('worker1', [{ ...old, state: 'failed', desiredState: 'shutdown' }]),
    ];
    expect(newFlights(before, elsewhere).map((flight) => flight.key)).toEqual(['manager1/t9']);
  });

  it('fly a task that waited at the scheduler from its spot there', () => {
    const before = [
      machine('manager1', [], {
        ...LEADER,
        pendingTasks: [pending('p0', 'db.1'), pending('p1', 'db.2')],
      }),
      machine('worker1', []),
    ];
    const after = [
      machine('manager1', [], { ...LEADER, pendingTasks: [pending('p0', 'db.1')] }),
      machine('worker1', [running('p1', 'db.2')]),
    ];
    const [flight] = newFlights(before, after);
    expect(flight?.from).toBe('manager1');
    // The second of two chips in the row above the leader: right of centre, above.
    expect(flight?.offset.x).toBeGreaterThan(0);
    expect(flight?.offset.y).toBeLessThan(-40);
  });

  it('interleave the nodes, so the flights that fit are spread over the cluster', () => {
    const before = [
      machine('manager1', [], LEADER),
      machine('worker1', []),
      machine('worker2', []),
    ];
    const after = [
      machine('manager1', [], LEADER),
      machine('worker1', [running('a', 'web.1'), running('b', 'web.3')]),
      machine('worker2', [running('c', 'web.2'), running('d', 'web.4')]),
    ];
    expect(newFlights(before, after).map((flight) => flight.task)).toEqual([
      'web.1',
      'web.2',
      'web.3',
      'web.4',
    ]);
  });

  it('land a chip on its place in its node row', () => {
    const flight: TaskFlight = {
      key: 'worker1/b',
      task: 'web.2',
      to: 'worker1',
      from: 'manager1',
      offset: { x: 0, y: 0 },
    };
    const machines = new Map([
      ['manager1', machine('manager1', [], LEADER)],
      ['worker1', machine('worker1', [running('a', 'web.1'), running('b', 'web.2')])],
    ]);
    const positions = new Map<string, Point>([
      ['manager1', { x: 0, y: 0 }],
      ['worker1', { x: 200, y: 100 }],
    ]);
    const ends = flightEnds(flight, machines, positions);
    expect(ends?.from).toEqual({ x: 0, y: 0 });
    // Two chips centred under worker1: the second is right of its centre, below its box.
    expect(ends?.to.x).toBeGreaterThan(200);
    expect(ends?.to.y).toBeGreaterThan(100 + 26);
    // A chip removed before it landed has nowhere to go.
    machines.set('worker1', machine('worker1', [running('a', 'web.1')]));
    expect(flightEnds(flight, machines, positions)).toBeNull();
  });
});

describe('the task flight animator', () => {
  const straight = (): { from: Point; to: Point } => ({
    from: { x: 0, y: 0 },
    to: { x: 100, y: 0 },
  });

  function flight(n: number): TaskFlight {
    return {
      key: `worker1/t${n}`,
      task: `web.${n}`,
      to: 'worker1',
      from: 'manager1',
      offset: { x: 0, y: 0 },
    };
  }

  it('moves a chip from the scheduler to its node in wall time, then forgets it', () => {
    const animator = new TaskFlightAnimator();
    animator.add([flight(1)], 1000);
    expect(animator.keys()).toEqual(new Set(['worker1/t1']));
    const [start] = animator.chips(1000, straight);
    const [middle] = animator.chips(1000 + TASK_FLIGHT_WALL_MS / 2, straight);
    expect(start?.x).toBe(0);
    expect(middle?.x).toBeGreaterThan(0);
    expect(middle?.x).toBeLessThan(100);
    expect(animator.chips(1000 + TASK_FLIGHT_WALL_MS, straight)).toEqual([]);
    expect(animator.active).toBe(false);
  });

  it('keeps at most MAX_TASK_FLIGHTS in the air; the rest just appear', () => {
    const animator = new TaskFlightAnimator();
    const many = Array.from({ length: MAX_TASK_FLIGHTS + 25 }, (_, i) => flight(i));
    animator.add(many.slice(0, 10), 0);
    animator.add(many.slice(10), 1);
    expect(animator.chips(2, straight)).toHaveLength(MAX_TASK_FLIGHTS);
    expect(animator.keys().has(`worker1/t${MAX_TASK_FLIGHTS}`)).toBe(false);
  });

  it('drops a flight whose chip is gone', () => {
    const animator = new TaskFlightAnimator();
    animator.add([flight(1)], 0);
    expect(animator.chips(10, () => null)).toEqual([]);
    expect(animator.active).toBe(false);
  });
});
