import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/lib/prng';

describe('Prng', () => {
  it('repeats the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (seed) => {
        const a = new Prng(seed);
        const b = new Prng(seed);
        for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
      }),
    );
  });

  it('continues from a saved state', () => {
    const a = new Prng(42);
    a.nextUint32();
    const b = Prng.fromState(a.state);
    expect(b.nextUint32()).toBe(a.nextUint32());
  });

  it('keeps intInclusive within its bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.nat(100),
        (seed, lo, span) => {
          const value = new Prng(seed).intInclusive(lo, lo + span);
          return value >= lo && value <= lo + span;
        },
      ),
    );
  });
});
