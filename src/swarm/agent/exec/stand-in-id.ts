/**
 * A 64-hex-digit ID derived from `seed` and `purpose`: for the IDs docker draws once for a
 * container or a node and a lab only reads back (its network sandbox, its endpoint, its
 * layer's directory, the node's bridge network), so that they stay the same in every answer
 * without being stored. FNV-1a, 32 bits per round; not a digest of anything real.
 */
export function standInId(seed: string, purpose: string): string {
  let hex = '';
  let hash = 0x811c9dc5;
  for (let round = 0; hex.length < 64; round++) {
    for (const char of `${purpose}:${String(round)}:${seed}`) {
      hash ^= char.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}
