import { describe, expect, it } from 'vitest';
import type { MachineView } from '../../../src/sim/read-model';
import { layoutMachines, viewBoxFor } from '../../../src/ui/graph/layout';

function machine(hostname: string): MachineView {
  const role = hostname.startsWith('manager') ? 'manager' : 'worker';
  return {
    hostname,
    address: '192.168.0.1',
    daemon: 'running',
    swarmRole: role,
    intendedRole: role,
    thread: role === 'manager' ? 'own-worker' : 'shared',
    raft: null,
  };
}

const seven = [1, 2, 3, 4, 5, 6, 7].map((i) => machine(`manager${i}`));
const three = [1, 2, 3].map((i) => machine(`worker${i}`));

describe('layoutMachines', () => {
  it('is the same for the same machines', () => {
    expect([...layoutMachines([...seven, ...three])]).toEqual([
      ...layoutMachines([...seven, ...three]),
    ]);
  });

  it('keeps the boxes of seven managers and three workers apart', () => {
    const positions = [...layoutMachines([...seven, ...three]).values()];
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const a = positions[i];
        const b = positions[j];
        if (a === undefined || b === undefined) continue;
        // A manager box is 112 × 60: two centres closer than that in both axes overlap.
        const overlap = Math.abs(a.x - b.x) < 112 && Math.abs(a.y - b.y) < 60;
        expect(overlap, `machines ${i} and ${j} overlap`).toBe(false);
      }
    }
  });

  it('shows every machine inside the view box', () => {
    const positions = layoutMachines([...seven, ...three]);
    const box = viewBoxFor(positions);
    for (const { x, y } of positions.values()) {
      expect(x).toBeGreaterThan(box.x);
      expect(x).toBeLessThan(box.x + box.width);
      expect(y).toBeGreaterThan(box.y);
      expect(y).toBeLessThan(box.y + box.height);
    }
  });
});
