import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/lib/string-hash';

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('tells apart texts that differ in one character', () => {
    expect(fnv1a('web.1')).not.toBe(fnv1a('web.2'));
  });
});
