import type { Prng } from '../../lib/prng';
import { daemonError } from '../errors';
import { newObjectId, parseHumanReadableKey } from '../identity';
import { fail, ok, type Outcome } from '../result';

/**
 * Autolock as data (semantics §8; swarmkit `design/raft_encryption.md`, `manager/deks.go`,
 * `ca/keyreadwriter.go`). Each manager encrypts its Raft log and snapshots with a data key (the
 * DEK), and keeps the DEK and its TLS key on disk wrapped by a key-encrypting key: the unlock key
 * when autolock is on, nothing otherwise. A manager that restarts with a wrapped DEK cannot read
 * its own Raft data until someone gives it the unlock key: it is locked.
 *
 * No bytes are encrypted here. src/swarm has no Web Crypto (lib ES2023, no DOM), so "the DEK is
 * wrapped by the unlock key" is recorded as which key wraps which DEK, and a key is checked by
 * comparing decoded bytes. Real encryption belongs to the secrets work, outside this layer.
 */
export interface ManagerKeyMaterial {
  /** Stands in for the DEK's bytes: a new ID is a new DEK. */
  readonly dekId: string;
  /** The unlock key (`SWMKEY-1-…`) that wraps the DEK and TLS key, or null when stored in clear. */
  readonly wrappedWith: string | null;
}

/** moby `invalidUnlockKey`: the key parses but is not the one that wraps this manager's keys. */
export const ERR_INVALID_UNLOCK_KEY = 'swarm could not be unlocked: invalid key provided';
/** moby `notLockedError`: unlock on a manager that is not locked. */
export const ERR_NOT_LOCKED = 'swarm is not locked';

/** A new manager's key material: a fresh DEK, wrapped by the cluster's unlock key if any. */
export function newKeyMaterial(prng: Prng, unlockKey: string | null): ManagerKeyMaterial {
  return { dekId: newObjectId(prng), wrappedWith: unlockKey };
}

/** Whether a manager that starts with this material on disk comes up locked. */
export function startsLocked(material: ManagerKeyMaterial): boolean {
  return material.wrappedWith !== null;
}

function sameBytes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * `docker swarm unlock`: text that is not a key gets `invalid key string`, a wrong key gets
 * `swarm could not be unlocked: invalid key provided`. On success the material is unchanged:
 * the manager now holds the key in memory and starts.
 */
export function unlockWith(
  material: ManagerKeyMaterial,
  keyText: string,
): Outcome<ManagerKeyMaterial> {
  const given = parseHumanReadableKey(keyText);
  if (!given.ok) return given;
  if (material.wrappedWith === null) return ok(material);
  const expected = parseHumanReadableKey(material.wrappedWith);
  if (!expected.ok || !sameBytes(given.value, expected.value)) {
    return fail(daemonError('invalid-argument', ERR_INVALID_UNLOCK_KEY));
  }
  return ok(material);
}

/**
 * A running manager applied a cluster object whose unlock key is `clusterUnlockKey`. It rewraps
 * its keys with the new key (rotation), unwraps them (autolock off), or, when autolock was just
 * turned on, also rotates its DEK (design/raft_encryption.md). A manager that was down during a
 * rotation never runs this, which is why it needs the old key at its next start.
 */
export function followClusterKey(
  material: ManagerKeyMaterial,
  clusterUnlockKey: string | null,
  prng: Prng,
): ManagerKeyMaterial {
  if (material.wrappedWith === clusterUnlockKey) return material;
  if (material.wrappedWith === null) return newKeyMaterial(prng, clusterUnlockKey);
  return { ...material, wrappedWith: clusterUnlockKey };
}
