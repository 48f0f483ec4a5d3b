import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import {
  decodeRawBase64,
  encodeRawBase64,
  generateUnlockKey,
  humanReadableKey,
  parseHumanReadableKey,
} from '../../../src/swarm';
import { seeds } from '../../support/seeds';

describe('unlock keys', () => {
  it('are SWMKEY-1- and 43 characters of unpadded base64', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const key = generateUnlockKey(new Prng(seed));
        expect(key).toMatch(/^SWMKEY-1-[A-Za-z0-9+/]{43}$/);
        expect(key).toHaveLength(52);
      }),
      { numRuns: 500 },
    );
  });

  it('encode as Go RawStdEncoding does and decode back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (array) => {
        const bytes = [...array];
        const expected = Buffer.from(array).toString('base64').replace(/=+$/, '');
        expect(encodeRawBase64(bytes)).toBe(expected);
        expect(decodeRawBase64(expected)).toEqual(bytes);
        const parsed = parseHumanReadableKey(humanReadableKey(bytes));
        expect(parsed.ok && parsed.value).toEqual(bytes);
      }),
    );
  });

  it.each([
    'nope',
    'SWMKEY-2-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8',
    'SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8=',
    'SWMKEY-1-7c37Cc8654o6p38Hnr!ywCi19pllOnGtbdZEgtKxZu8',
    'SWMKEY-1-abcde',
  ])('refuses %j with "invalid key string"', (text) => {
    const parsed = parseHumanReadableKey(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toBe('invalid key string');
  });

  it('reads the documentation example key', () => {
    const parsed = parseHumanReadableKey('SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8');
    expect(parsed.ok && parsed.value.length).toBe(32);
  });
});
