import type { Prng } from '../../lib/prng';
import { toBase36 } from './base36';
import { bytesToBigInt, randomBytes } from './random-bytes';

/**
 * Object IDs (node, cluster, service, task, …) as swarmkit `identity/randomid.go` `NewID` makes
 * them: 17 random bytes with the high bit forced on, written in base 36, of which characters 1
 * to 25 are kept. Forcing the high bit makes the base-36 text always 27 characters long, so the
 * cut never needs padding.
 */

const ID_ENTROPY_BYTES = 17;
export const ID_LENGTH = 25;

export function newObjectId(prng: Prng): string {
  const bytes = randomBytes(prng, ID_ENTROPY_BYTES);
  bytes[0] = (bytes[0] ?? 0) | 0x80;
  return toBase36(bytesToBigInt(bytes)).slice(1, ID_LENGTH + 1);
}

/** Whether `text` has the shape of an ID: 25 characters of `[0-9a-z]`. */
export function isObjectId(text: string): boolean {
  return /^[0-9a-z]{25}$/.test(text);
}
