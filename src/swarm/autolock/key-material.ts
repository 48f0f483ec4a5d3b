import { encodeBase64 } from '../../lib/base64';
import type { Prng } from '../../lib/prng';
import type { DiskKey } from '../../machine-api';
import { parseHumanReadableKey, randomBytes } from '../identity';
import { ok, type Outcome } from '../result';

/**
 * Autolock's keys (semantics §8; swarmkit `design/raft_encryption.md`, `manager/deks.go`,
 * `ca/keyreadwriter.go`). Each manager seals its Raft log and snapshots with a data key (the
 * DEK) of its own, and keeps the DEK on disk wrapped by a key-encrypting key: the unlock key
 * when autolock is on, nothing otherwise. The machine does the sealing (AES-GCM over Web
 * Crypto, `src/sim/machine/sealed-storage.ts`); the daemon decides the keys. A manager that
 * restarts with a wrapped DEK cannot read its own Raft data until someone gives it the unlock
 * key: it is locked, and the key is right exactly when it opens the DEK.
 */

/** moby `invalidUnlockKey`: the key parses but does not open this manager's keys. */
export const ERR_INVALID_UNLOCK_KEY = 'swarm could not be unlocked: invalid key provided';
/** moby `notLockedError`: unlock on a manager that is not locked. */
export const ERR_NOT_LOCKED = 'swarm is not locked';

/** The DEK is 32 random bytes, as swarmkit's `encryption.GenerateSecretKey` draws. */
const DEK_BYTES = 32;
/** The nonce the DEK is wrapped with: GCM's 12 bytes. */
const NONCE_BYTES = 12;

/**
 * The KEK an unlock key stands for: its 32 bytes (swarmkit uses the decoded key itself as the
 * KEK). An unlock key the cluster stored is always well formed, hence null only for none.
 */
function kekOf(unlockKey: string | null): string | null {
  if (unlockKey === null) return null;
  const bytes = parseHumanReadableKey(unlockKey);
  if (!bytes.ok) throw new Error('the cluster stores a malformed unlock key');
  return encodeBase64(new Uint8Array(bytes.value));
}

/** A new manager's keys: a fresh DEK, wrapped by the cluster's unlock key if any. */
export function newDiskKey(prng: Prng, unlockKey: string | null): DiskKey {
  return {
    dek: encodeBase64(new Uint8Array(randomBytes(prng, DEK_BYTES))),
    nonce: encodeBase64(new Uint8Array(randomBytes(prng, NONCE_BYTES))),
    kek: kekOf(unlockKey),
  };
}

/**
 * `docker swarm unlock`'s key as a KEK to try: text that is not a key gets `invalid key
 * string` here; whether it is the right key only the DEK it must open can tell.
 */
export function unlockKek(keyText: string): Outcome<string> {
  const given = parseHumanReadableKey(keyText);
  if (!given.ok) return given;
  return ok(encodeBase64(new Uint8Array(given.value)));
}

/**
 * A running manager applied a cluster object whose unlock key is `clusterUnlockKey`. It rewraps
 * its DEK with the new key (rotation), unwraps it (autolock off), or, when autolock was just
 * turned on, also rotates its DEK (design/raft_encryption.md). A manager that was down during a
 * rotation never runs this, which is why it needs the old key at its next start.
 */
export function followClusterKey(
  current: DiskKey,
  clusterUnlockKey: string | null,
  prng: Prng,
): DiskKey {
  const kek = kekOf(clusterUnlockKey);
  if (current.kek === kek) return current;
  if (current.kek === null) return newDiskKey(prng, clusterUnlockKey);
  return { ...current, kek };
}
