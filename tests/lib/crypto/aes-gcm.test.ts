import { describe, expect, it } from 'vitest';
import { countersNonce, decodeText, encodeText, open, seal } from '../../../src/lib/crypto';

const key = new Uint8Array(32).map((_, i) => i);
const otherKey = new Uint8Array(32).map((_, i) => 255 - i);

describe('AES-GCM over Web Crypto', () => {
  it('seals to bytes that do not hold the plaintext, and opens them again', async () => {
    const nonce = countersNonce(1, 3, 7);
    const sealed = await seal(key, nonce, encodeText('hunter2 is my password'));
    expect(decodeText(sealed)).not.toContain('hunter2');
    // The ciphertext and GCM's 16-byte tag.
    expect(sealed.length).toBe(encodeText('hunter2 is my password').length + 16);
    const opened = await open(key, nonce, sealed);
    expect(opened === null ? null : decodeText(opened)).toBe('hunter2 is my password');
  });

  it('gives the same bytes for the same key, nonce and plaintext, and others for another nonce', async () => {
    const plain = encodeText('entry');
    const a = await seal(key, countersNonce(1, 1, 1), plain);
    const b = await seal(key, countersNonce(1, 1, 1), plain);
    const c = await seal(key, countersNonce(1, 1, 2), plain);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('refuses the wrong key, another nonce and a changed byte', async () => {
    const nonce = countersNonce(2, 0, 9);
    const sealed = await seal(key, nonce, encodeText('secret'));
    expect(await open(otherKey, nonce, sealed)).toBeNull();
    expect(await open(key, countersNonce(2, 0, 10), sealed)).toBeNull();
    const changed = sealed.slice();
    changed[0] = (changed[0] ?? 0) ^ 1;
    expect(await open(key, nonce, changed)).toBeNull();
  });

  it('builds distinct nonces from domain, term and index', () => {
    const seen = new Set<string>();
    for (const domain of [1, 2])
      for (const term of [0, 1, 2 ** 32 - 1])
        for (const index of [0, 1, 2 ** 32, 2 ** 40 + 5])
          seen.add(Array.from(countersNonce(domain, term, index)).join(','));
    expect(seen.size).toBe(2 * 3 * 4);
    expect(countersNonce(1, 1, 1)).toHaveLength(12);
  });
});
