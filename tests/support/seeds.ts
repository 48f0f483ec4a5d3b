import fc from 'fast-check';

/** Any seed of a Prng (an unsigned 32-bit integer), for property tests. */
export const seeds = fc.integer({ min: 0, max: 0xffff_ffff });
