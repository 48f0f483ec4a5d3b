/**
 * FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit number: a stable seed for a
 * `Prng` drawn from a name or an ID, so that what follows from them needs no draw of its own.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
