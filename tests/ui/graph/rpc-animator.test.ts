import { describe, expect, it } from 'vitest';
import type { RpcView } from '../../../src/sim/read-model';
import { FLIGHT_WALL_MS, MAX_DOTS, RpcAnimator } from '../../../src/ui/graph/rpc-animator';

const positions = new Map([
  ['manager1', { x: 0, y: 0 }],
  ['manager2', { x: 100, y: 0 }],
]);

function rpc(overrides: Partial<RpcView> = {}): RpcView {
  return {
    timeMs: 0,
    from: 'manager1',
    to: 'manager2',
    kind: 'MsgHeartbeat',
    dropped: null,
    ...overrides,
  };
}

describe('RpcAnimator', () => {
  it('moves a dot from sender to receiver over the flight time, then forgets it', () => {
    const animator = new RpcAnimator();
    animator.add([rpc()], 1000);
    expect(animator.dots(1000, positions)[0]).toMatchObject({ x: 0, y: 0, progress: 0 });
    expect(animator.dots(1000 + FLIGHT_WALL_MS / 2, positions)[0]?.x).toBeCloseTo(50);
    expect(animator.dots(1000 + FLIGHT_WALL_MS - 1, positions)[0]?.x).toBeGreaterThan(99);
    expect(animator.dots(1000 + FLIGHT_WALL_MS, positions)).toEqual([]);
    expect(animator.active).toBe(false);
  });

  it('stops a dropped message halfway', () => {
    const animator = new RpcAnimator();
    animator.add([rpc({ dropped: 'partition' })], 0);
    const late = animator.dots(FLIGHT_WALL_MS - 1, positions)[0];
    expect(late?.x).toBeCloseTo(50);
    expect(late?.dropped).toBe(true);
  });

  it('skips machines it has no position for', () => {
    const animator = new RpcAnimator();
    animator.add([rpc({ to: 'manager9' })], 0);
    expect(animator.dots(10, positions)).toEqual([]);
  });

  it('keeps only the newest dots when flooded', () => {
    const animator = new RpcAnimator();
    animator.add(
      Array.from({ length: MAX_DOTS + 40 }, () => rpc()),
      0,
    );
    const dots = animator.dots(1, positions);
    expect(dots).toHaveLength(MAX_DOTS);
    expect(dots[0]?.key).toBe(41);
  });
});
