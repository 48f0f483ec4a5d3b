import type { Prng } from '../../lib/prng';

/**
 * `count` random bytes from the seeded Prng, where swarmkit reads crypto/rand. Four bytes are cut
 * from each 32-bit draw, most significant first, so the draws consumed are ⌈count/4⌉.
 */
export function randomBytes(prng: Prng, count: number): number[] {
  const bytes: number[] = [];
  while (bytes.length < count) {
    const word = prng.nextUint32();
    for (let shift = 24; shift >= 0 && bytes.length < count; shift -= 8) {
      bytes.push((word >>> shift) & 0xff);
    }
  }
  return bytes;
}

/** The bytes as one big-endian unsigned integer (Go `big.Int.SetBytes`). */
export function bytesToBigInt(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte & 0xff);
  return value;
}
