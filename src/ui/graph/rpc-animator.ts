import type { RpcView } from '../../sim/read-model';
import type { Point } from './layout';

/** How long a dot takes to cross, in wall milliseconds, whatever the simulated latency. */
export const FLIGHT_WALL_MS = 600;
/** More dots than this at once (7 managers at 50×) would be noise; older ones are dropped. */
export const MAX_DOTS = 160;

export interface Dot {
  readonly key: number;
  readonly x: number;
  readonly y: number;
  readonly kind: RpcView['kind'];
  readonly dropped: boolean;
  /** 0 → 1 over the flight; a dropped message stops at the midpoint and fades. */
  readonly progress: number;
  readonly opacity: number;
}

/**
 * Where a still dot sits with `prefers-reduced-motion`: most of the way to its receiver, so the
 * side it sits on says who is told, and halfway for a message the network drops.
 */
export const STILL_AT = 0.7;

interface Flight {
  readonly key: number;
  readonly rpc: RpcView;
  readonly startWallMs: number;
}

/**
 * Turns RPCs into dots moving from sender to receiver. Real LAN latency is far below what an eye
 * can follow, so every flight takes the same wall time: the animation shows who talks to whom,
 * the virtual clock stays the truth. Pure apart from the wall times it is given.
 */
export class RpcAnimator {
  #flights: Flight[] = [];
  #nextKey = 1;

  add(rpcs: readonly RpcView[], wallMs: number): void {
    for (const rpc of rpcs) this.#flights.push({ key: this.#nextKey++, rpc, startWallMs: wallMs });
    if (this.#flights.length > MAX_DOTS) this.#flights = this.#flights.slice(-MAX_DOTS);
  }

  clear(): void {
    this.#flights = [];
  }

  get active(): boolean {
    return this.#flights.length > 0;
  }

  /**
   * The dots to draw at `wallMs`; finished flights are forgotten. `still` (the page asks for
   * reduced motion) shows each message as a dot that appears on its link, stays put for the
   * flight's time and goes, without moving or fading: who talks to whom, as a change of state.
   */
  dots(wallMs: number, positions: ReadonlyMap<string, Point>, still = false): Dot[] {
    this.#flights = this.#flights.filter((flight) => wallMs - flight.startWallMs < FLIGHT_WALL_MS);
    const dots: Dot[] = [];
    for (const flight of this.#flights) {
      const from = positions.get(flight.rpc.from);
      const to = positions.get(flight.rpc.to);
      if (from === undefined || to === undefined) continue;
      const elapsed = Math.max(0, wallMs - flight.startWallMs) / FLIGHT_WALL_MS;
      const dropped = flight.rpc.dropped !== null;
      const travelled = still
        ? dropped
          ? 0.5
          : STILL_AT
        : easeInOut(dropped ? Math.min(elapsed, 0.5) : elapsed);
      dots.push({
        key: flight.key,
        x: from.x + (to.x - from.x) * travelled,
        y: from.y + (to.y - from.y) * travelled,
        kind: flight.rpc.kind,
        dropped,
        progress: elapsed,
        opacity: dropped && !still ? 1 - elapsed : 1,
      });
    }
    return dots;
  }
}

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}
