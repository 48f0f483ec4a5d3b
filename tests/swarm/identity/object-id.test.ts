import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import { isObjectId, newObjectId, newRaftId, randomBytes } from '../../../src/swarm';
import { seeds } from '../../support/seeds';

/** Base 36 of a big-endian byte string by long division, with no BigInt (a naive model). */
function naiveBase36(bytes: readonly number[]): string {
  let digits = [...bytes];
  let out = '';
  while (digits.some((d) => d !== 0)) {
    let remainder = 0;
    const next: number[] = [];
    for (const d of digits) {
      const value = remainder * 256 + d;
      next.push(Math.floor(value / 36));
      remainder = value % 36;
    }
    out = '0123456789abcdefghijklmnopqrstuvwxyz'.charAt(remainder) + out;
    digits = next;
  }
  return out === '' ? '0' : out;
}

describe('object IDs', () => {
  it('are 25 characters of [0-9a-z], the middle of the base-36 text of 17 bytes', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const id = newObjectId(new Prng(seed));
        const bytes = randomBytes(new Prng(seed), 17);
        bytes[0] = (bytes[0] ?? 0) | 0x80;
        const text = naiveBase36(bytes);
        expect(text).toHaveLength(27);
        expect(id).toBe(text.slice(1, 26));
        expect(isObjectId(id)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('are deterministic per seed and differ between draws', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const first = newObjectId(a);
    expect(newObjectId(b)).toBe(first);
    expect(newObjectId(a)).not.toBe(first);
  });

  it('rejects what is not an ID', () => {
    expect(isObjectId('4xbxjb0o2z4p8fvl5g0vbnk7x')).toBe(true);
    expect(isObjectId('4xbxjb0o2z4p8fvl5g0vbnk7')).toBe(false);
    expect(isObjectId('4XBXJB0O2Z4P8FVL5G0VBNK7X')).toBe(false);
  });

  it('draws raft IDs that are safe, non-zero and not taken', () => {
    const prng = new Prng(3);
    const taken = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const id = newRaftId(prng, taken);
      expect(Number.isSafeInteger(id) && id > 0 && !taken.has(id)).toBe(true);
      taken.add(id);
    }
  });
});
