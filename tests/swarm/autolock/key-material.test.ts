import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import {
  followClusterKey,
  generateUnlockKey,
  newKeyMaterial,
  startsLocked,
  unlockWith,
} from '../../../src/swarm';

describe('autolock', () => {
  const prng = new Prng(8);
  const key = generateUnlockKey(prng);
  const otherKey = generateUnlockKey(prng);

  it('locks a manager at restart only when its keys are wrapped', () => {
    expect(startsLocked(newKeyMaterial(prng, null))).toBe(false);
    expect(startsLocked(newKeyMaterial(prng, key))).toBe(true);
  });

  it.each([
    ['the right key', () => key, null],
    ['a wrong key', () => otherKey, 'swarm could not be unlocked: invalid key provided'],
    ['text that is not a key', () => 'hunter2', 'invalid key string'],
    ['a key with padding', () => `${key}=`, 'invalid key string'],
  ])('answers %s', (_name, given, message) => {
    const result = unlockWith(newKeyMaterial(new Prng(1), key), given());
    expect(result.ok ? null : result.error.message).toBe(message);
  });

  it('rewraps on rotation, so a manager that saw the rotation needs the new key', () => {
    const material = newKeyMaterial(new Prng(2), key);
    const rotated = followClusterKey(material, otherKey, new Prng(3));
    expect(rotated.dekId).toBe(material.dekId);
    expect(unlockWith(rotated, otherKey).ok).toBe(true);
    expect(unlockWith(rotated, key).ok).toBe(false);
    // A manager that was down during the rotation still has the old wrapping.
    expect(unlockWith(material, key).ok).toBe(true);
  });

  it('rotates the data key when autolock is turned on, and unwraps when off', () => {
    const clear = newKeyMaterial(new Prng(2), null);
    const locked = followClusterKey(clear, key, new Prng(4));
    expect(locked.dekId).not.toBe(clear.dekId);
    expect(startsLocked(locked)).toBe(true);
    expect(startsLocked(followClusterKey(locked, null, new Prng(5)))).toBe(false);
  });
});
