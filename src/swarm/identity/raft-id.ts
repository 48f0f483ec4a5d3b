import type { Prng } from '../../lib/prng';
import { randomBytes } from './random-bytes';

/**
 * Raft member IDs. Swarmkit draws random 63-bit numbers and never reuses one
 * (`manager/state/raft/raft.go`, `design/raft.md` "Raft IDs vs. node IDs"). Our Raft core keys
 * members by JS numbers, so we draw 53 bits (a safe integer), never 0 (`NO_NODE`), and redraw
 * on a collision with any ID in `taken` (current and removed members).
 */
export function newRaftId(prng: Prng, taken: ReadonlySet<number>): number {
  for (;;) {
    const high = prng.nextUint32() & 0x1f_ffff; // 21 bits
    const low = prng.nextUint32();
    const id = high * 0x1_0000_0000 + low;
    if (id !== 0 && !taken.has(id)) return id;
  }
}

/**
 * The SHA-256 digest of a root CA certificate, as 64 hex digits. The playground has no real
 * certificate, so the digest is 32 random bytes: only its use in join tokens is visible.
 */
export function newRootDigestHex(prng: Prng): string {
  return randomBytes(prng, 32)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}
