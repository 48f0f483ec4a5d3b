import type { Point } from './layout';

/** Where a flight takes off and lands, in graph coordinates, or null once either end is gone. */
export type FlightEnds<F> = (flight: F) => { readonly from: Point; readonly to: Point } | null;

/** A flight in the air at one frame: what flies, and where it is now. */
export interface Airborne<F> {
  readonly flight: F;
  readonly x: number;
  readonly y: number;
}

interface Launched<F> {
  readonly flight: F;
  readonly startWallMs: number;
}

/**
 * Moves things across the graph in a fixed wall time, as the RPC dots do (`rpc-animator.ts`):
 * a flight shows where something went, the virtual clock stays the truth. At most `max` are in
 * the air; what is added while the sky is full is not drawn in flight at all (it just appears
 * where it lands). Pure apart from the wall times it is given.
 */
export class FlightAnimator<F extends { readonly key: string }> {
  readonly #max: number;
  readonly #wallMs: number;
  #launched: Launched<F>[] = [];

  constructor(max: number, wallMs: number) {
    this.#max = max;
    this.#wallMs = wallMs;
  }

  /** Takes off what fits under the cap. */
  add(flights: readonly F[], wallMs: number): void {
    const room = this.#max - this.#launched.length;
    for (const flight of flights.slice(0, Math.max(0, room))) {
      this.#launched.push({ flight, startWallMs: wallMs });
    }
  }

  clear(): void {
    this.#launched = [];
  }

  get active(): boolean {
    return this.#launched.length > 0;
  }

  /** The flights in the air, whose landing places wait for them. */
  flights(): F[] {
    return this.#launched.map(({ flight }) => flight);
  }

  /**
   * Where each flight is at `wallMs`; one that landed, or whose ends are gone, is forgotten.
   * `ends` places a flight over the current machines and layout.
   */
  positions(wallMs: number, ends: FlightEnds<F>): Airborne<F>[] {
    const airborne: Airborne<F>[] = [];
    const still: Launched<F>[] = [];
    for (const launched of this.#launched) {
      const elapsed = Math.max(0, wallMs - launched.startWallMs) / this.#wallMs;
      const at = elapsed < 1 ? ends(launched.flight) : null;
      if (at === null) continue;
      still.push(launched);
      const t = easeOut(elapsed);
      airborne.push({
        flight: launched.flight,
        x: at.from.x + (at.to.x - at.from.x) * t,
        y: at.from.y + (at.to.y - at.from.y) * t,
      });
    }
    this.#launched = still;
    return airborne;
  }
}

/**
 * The first of each list, then the second of each, and so on: with one list per node, the
 * flights that fit under a cap are spread over the cluster.
 */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let round = 0; round < longest; round++) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

/** Fast off the leader, slowing as it settles where it lands. */
function easeOut(t: number): number {
  return 1 - (1 - t) ** 3;
}
