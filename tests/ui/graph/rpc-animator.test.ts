import { describe, expect, it } from 'vitest';
import type { RpcView } from '../../../src/sim/read-model';
import {
  FLIGHT_WALL_MS,
  MAX_DOTS,
  RpcAnimator,
  STILL_AT,
} from '../../../src/ui/graph/rpc-animator';

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

  it('with reduced motion, holds each dot still on its link for the flight, without fading', () => {
    const animator = new RpcAnimator();
    animator.add([rpc(), rpc({ dropped: 'loss' })], 0);
    const early = animator.dots(1, positions, true);
    const late = animator.dots(FLIGHT_WALL_MS - 1, positions, true);
    expect(early.map((dot) => dot.x)).toEqual([100 * STILL_AT, 50]);
    expect(late.map((dot) => dot.x)).toEqual(early.map((dot) => dot.x));
    expect(late.map((dot) => dot.opacity)).toEqual([1, 1]);
    expect(animator.dots(FLIGHT_WALL_MS, positions, true)).toEqual([]);
    // Moving, a dropped message fades as it stops.
    const moving = new RpcAnimator();
    moving.add([rpc({ dropped: 'loss' })], 0);
    expect(moving.dots(FLIGHT_WALL_MS / 2, positions)[0]?.opacity).toBeCloseTo(0.5);
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
