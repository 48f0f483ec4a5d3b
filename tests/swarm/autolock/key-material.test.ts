import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/lib/base64';
import { Prng } from '../../../src/lib/prng';
import {
  followClusterKey,
  generateUnlockKey,
  newDiskKey,
  parseHumanReadableKey,
  unlockKek,
} from '../../../src/swarm';

describe('autolock', () => {
  const prng = new Prng(8);
  const key = generateUnlockKey(prng);
  const otherKey = generateUnlockKey(prng);

  it('draws a 32-byte DEK and a 12-byte nonce, wrapped by the unlock key only under autolock', () => {
    const clear = newDiskKey(new Prng(1), null);
    expect(decodeBase64(clear.dek)?.length).toBe(32);
    expect(decodeBase64(clear.nonce)?.length).toBe(12);
    expect(clear.kek).toBeNull();
    const wrapped = newDiskKey(new Prng(1), key);
    const keyBytes = parseHumanReadableKey(key);
    expect(keyBytes.ok && Array.from(decodeBase64(wrapped.kek ?? '') ?? [])).toEqual(
      keyBytes.ok ? keyBytes.value : null,
    );
  });

  it.each([
    ['the key itself', () => key, null],
    ['text that is not a key', () => 'hunter2', 'invalid key string'],
    ['a key with padding', () => `${key}=`, 'invalid key string'],
  ])('reads %s as a KEK to try', (_name, given, message) => {
    const result = unlockKek(given());
    expect(result.ok ? null : result.error.message).toBe(message);
  });

  it('a right and a wrong key are told apart only by the DEK they must open', () => {
    const right = unlockKek(key);
    const wrong = unlockKek(otherKey);
    expect(right.ok && wrong.ok).toBe(true);
    expect(right.ok && newDiskKey(new Prng(2), key).kek === right.value).toBe(true);
    expect(wrong.ok && newDiskKey(new Prng(2), key).kek === wrong.value).toBe(false);
  });

  it('rewraps on rotation and keeps the DEK', () => {
    const material = newDiskKey(new Prng(2), key);
    const rotated = followClusterKey(material, otherKey, new Prng(3));
    expect(rotated.dek).toBe(material.dek);
    expect(rotated.kek).toBe(newDiskKey(new Prng(9), otherKey).kek);
    expect(followClusterKey(material, key, new Prng(3))).toBe(material);
  });

  it('rotates the DEK when autolock is turned on, and unwraps it when off', () => {
    const clear = newDiskKey(new Prng(2), null);
    const locked = followClusterKey(clear, key, new Prng(4));
    expect(locked.dek).not.toBe(clear.dek);
    expect(locked.kek).not.toBeNull();
    const unlocked = followClusterKey(locked, null, new Prng(5));
    expect(unlocked.kek).toBeNull();
    expect(unlocked.dek).toBe(locked.dek);
  });
});
