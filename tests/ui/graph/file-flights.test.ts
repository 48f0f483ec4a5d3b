import { describe, expect, it } from 'vitest';
import type { ChipFile, TaskChip } from '../../../src/sim/read-model';
import type { Point } from '../../../src/ui/graph/layout';
import { LEADER, machine } from '../../support/machine-views';
import {
  FILE_FLIGHT_WALL_MS,
  FileFlightAnimator,
  fileFlightEnds,
  MAX_FILE_FLIGHTS,
  newFileFlights,
  type FileFlight,
} from '../../../src/ui/graph/file-flights';

const DB_PASS_V1: ChipFile = { source: 'secret', name: 'db_pass_v1', path: '/run/secrets/db_pass' };
const DB_PASS_V2: ChipFile = { source: 'secret', name: 'db_pass_v2', path: '/run/secrets/db_pass' };
const SITE: ChipFile = { source: 'config', name: 'site.conf', path: '/etc/site.conf' };

function chip(
  taskId: string,
  name: string,
  files: readonly ChipFile[],
  desiredState: TaskChip['desiredState'] = 'running',
): TaskChip {
  return { taskId, name, state: 'running', desiredState, files };
}

describe('file flights', () => {
  it("fly each file a task's container mounts from the leader onto its chip", () => {
    const before = [machine('manager1', [], LEADER), machine('worker1', [chip('t1', 'web.1', [])])];
    const after = [
      machine('manager1', [], LEADER),
      machine('worker1', [chip('t1', 'web.1', [DB_PASS_V1, SITE])]),
    ];
    expect(newFileFlights(before, after)).toEqual([
      {
        key: 'worker1/t1//run/secrets/db_pass',
        chip: 'worker1/t1',
        task: 'web.1',
        from: 'manager1',
        to: 'worker1',
        glyph: 'secret',
        name: 'db_pass_v1',
        path: '/run/secrets/db_pass',
      },
      expect.objectContaining({ chip: 'worker1/t1', glyph: 'config', path: '/etc/site.conf' }),
    ]);
    // Files the chip already held do not fly again.
    expect(
      newFileFlights(
        after,
        after.map((view) => ({ ...view })),
      ),
    ).toEqual([]);
  });

  it('fly nothing on the first view, without a leader, or onto a machine just restarted', () => {
    const mounted = [chip('t1', 'web.1', [DB_PASS_V1])];
    expect(newFileFlights(null, [machine('manager1', mounted, LEADER)])).toEqual([]);
    expect(
      newFileFlights(
        [machine('worker1', [chip('t1', 'web.1', [])])],
        [machine('worker1', mounted)],
      ),
    ).toEqual([]);
    const restarted = newFileFlights(
      [machine('manager1', [], LEADER), machine('worker1', [], { daemon: 'stopped' })],
      [machine('manager1', [], LEADER), machine('worker1', mounted)],
    );
    expect(restarted).toEqual([]);
  });

  it('fly a file with the chip that arrives holding it', () => {
    const before = [machine('manager1', [], LEADER), machine('worker1', [])];
    const after = [
      machine('manager1', [], LEADER),
      machine('worker1', [chip('t1', 'web.1', [SITE])]),
    ];
    expect(newFileFlights(before, after).map((flight) => flight.chip)).toEqual(['worker1/t1']);
  });

  it("swap the key in a rotation: the new task's chip gets the new secret, the old one nothing", () => {
    const old = chip('t1', 'web.1', [DB_PASS_V1]);
    const before = [machine('manager1', [], LEADER), machine('worker1', [old])];
    // The old task stopped (its files went with its container), its replacement started.
    const after = [
      machine('manager1', [], LEADER),
      machine('worker1', [
        { ...old, state: 'shutdown', desiredState: 'shutdown', files: [] },
        chip('t2', 'web.1', [DB_PASS_V2]),
      ]),
    ];
    expect(newFileFlights(before, after)).toEqual([
      expect.objectContaining({ chip: 'worker1/t2', name: 'db_pass_v2', glyph: 'secret' }),
    ]);
  });

  it('interleave the nodes, so the flights that fit are spread over the cluster', () => {
    const before = [
      machine('manager1', [], LEADER),
      machine('worker1', [chip('a', 'web.1', []), chip('b', 'web.3', [])]),
      machine('worker2', [chip('c', 'web.2', []), chip('d', 'web.4', [])]),
    ];
    const after = [
      machine('manager1', [], LEADER),
      machine('worker1', [chip('a', 'web.1', [SITE]), chip('b', 'web.3', [SITE])]),
      machine('worker2', [chip('c', 'web.2', [SITE]), chip('d', 'web.4', [SITE])]),
    ];
    expect(newFileFlights(before, after).map((flight) => flight.task)).toEqual([
      'web.1',
      'web.2',
      'web.3',
      'web.4',
    ]);
  });

  it('land on the centre of its chip, and nowhere once the chip is gone', () => {
    const flight: FileFlight = {
      key: 'worker1/b//run/secrets/db_pass',
      chip: 'worker1/b',
      task: 'web.2',
      from: 'manager1',
      to: 'worker1',
      glyph: 'secret',
      name: 'db_pass_v1',
      path: '/run/secrets/db_pass',
    };
    const machines = new Map([
      ['manager1', machine('manager1', [], LEADER)],
      ['worker1', machine('worker1', [chip('a', 'web.1', []), chip('b', 'web.2', [DB_PASS_V1])])],
    ]);
    const positions = new Map<string, Point>([
      ['manager1', { x: 0, y: 0 }],
      ['worker1', { x: 200, y: 100 }],
    ]);
    const ends = fileFlightEnds(flight, machines, positions);
    expect(ends?.from).toEqual({ x: 0, y: 0 });
    // The second of two chips under worker1: right of its centre, below its box.
    expect(ends?.to.x).toBeGreaterThan(200);
    expect(ends?.to.y).toBeGreaterThan(100 + 26);
    machines.set('worker1', machine('worker1', [chip('a', 'web.1', [])]));
    expect(fileFlightEnds(flight, machines, positions)).toBeNull();
  });
});

describe('the file flight animator', () => {
  const straight = (): { from: Point; to: Point } => ({
    from: { x: 0, y: 0 },
    to: { x: 100, y: 0 },
  });

  function flight(n: number): FileFlight {
    return {
      key: `worker1/t${n}//run/secrets/db_pass`,
      chip: `worker1/t${n}`,
      task: `web.${n}`,
      from: 'manager1',
      to: 'worker1',
      glyph: 'secret',
      name: 'db_pass_v1',
      path: '/run/secrets/db_pass',
    };
  }

  it('moves a glyph to its chip in wall time, keeping its badge waiting until it lands', () => {
    const animator = new FileFlightAnimator();
    animator.add([flight(1)], 1000);
    expect(animator.glyphs(1000, straight)).toEqual([
      { key: flight(1).key, task: 'web.1', glyph: 'secret', x: 0, y: 0 },
    ]);
    expect(animator.awaited()).toEqual(new Set(['worker1/t1']));
    const [middle] = animator.glyphs(1000 + FILE_FLIGHT_WALL_MS / 2, straight);
    expect(middle?.x).toBeGreaterThan(0);
    expect(middle?.x).toBeLessThan(100);
    expect(animator.glyphs(1000 + FILE_FLIGHT_WALL_MS, straight)).toEqual([]);
    expect(animator.awaited()).toEqual(new Set());
    expect(animator.active).toBe(false);
  });

  it('keeps at most MAX_FILE_FLIGHTS in the air; the rest just appear', () => {
    const animator = new FileFlightAnimator();
    const many = Array.from({ length: MAX_FILE_FLIGHTS + 10 }, (_, i) => flight(i));
    animator.add(many, 0);
    expect(animator.glyphs(1, straight)).toHaveLength(MAX_FILE_FLIGHTS);
    expect(animator.awaited().has(`worker1/t${MAX_FILE_FLIGHTS}`)).toBe(false);
  });

  it('drops a glyph whose chip is gone, and everything on clear', () => {
    const animator = new FileFlightAnimator();
    animator.add([flight(1)], 0);
    expect(animator.glyphs(10, () => null)).toEqual([]);
    expect(animator.active).toBe(false);
    animator.add([flight(2)], 0);
    animator.clear();
    expect(animator.glyphs(10, straight)).toEqual([]);
  });
});
