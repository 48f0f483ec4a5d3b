/**
 * A small seeded PRNG (mulberry32). Every random draw in the simulation comes from an instance
 * of this class, so a run is fully described by its seed and its inputs.
 *
 * The state is a single 32-bit integer, which makes it trivial to snapshot and restore.
 */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** The state to save; `Prng.fromState(state)` continues the same sequence. */
  get state(): number {
    return this.#state;
  }

  static fromState(state: number): Prng {
    return new Prng(state);
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** An integer in [min, max], both inclusive. */
  intInclusive(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.nextFloat() < probability;
  }
}
