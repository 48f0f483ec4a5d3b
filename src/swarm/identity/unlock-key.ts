import type { Prng } from '../../lib/prng';
import { daemonError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { randomBytes } from './random-bytes';

/**
 * The manager unlock key, swarmkit `manager/encryption/encryption.go`: 32 random bytes
 * (`GenerateSecretKey`, a NaCl secretbox key) shown as `SWMKEY-1-` + unpadded standard base64
 * (`HumanReadableKey`), 52 characters in all.
 */

const KEY_PREFIX = 'SWMKEY-1-';
const KEY_BYTES = 32;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `invalid key string`: what the daemon says to text that is not a key at all. */
export const INVALID_KEY_STRING = 'invalid key string';

export function generateUnlockKeyBytes(prng: Prng): number[] {
  return randomBytes(prng, KEY_BYTES);
}

export function humanReadableKey(bytes: readonly number[]): string {
  return KEY_PREFIX + encodeRawBase64(bytes);
}

/** A fresh key in its human-readable form. */
export function generateUnlockKey(prng: Prng): string {
  return humanReadableKey(generateUnlockKeyBytes(prng));
}

/**
 * `ParseHumanReadableKey`: the prefix, then base64 without padding. Any length decodes; a key
 * of the wrong length is simply a wrong key later.
 */
export function parseHumanReadableKey(text: string): Outcome<number[]> {
  if (!text.startsWith(KEY_PREFIX))
    return fail(daemonError('invalid-argument', INVALID_KEY_STRING));
  const bytes = decodeRawBase64(text.slice(KEY_PREFIX.length));
  if (bytes === null) return fail(daemonError('invalid-argument', INVALID_KEY_STRING));
  return ok(bytes);
}

/** Go `base64.RawStdEncoding.EncodeToString`. */
export function encodeRawBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = bytes.slice(i, i + 3);
    const value = ((chunk[0] ?? 0) << 16) | ((chunk[1] ?? 0) << 8) | (chunk[2] ?? 0);
    const chars = chunk.length + 1;
    for (let c = 0; c < chars; c++) out += ALPHABET[(value >>> (18 - 6 * c)) & 0x3f] ?? '';
  }
  return out;
}

/**
 * Go `base64.RawStdEncoding.DecodeString`: no `=` padding, `\r` and `\n` skipped, and a final
 * group of one character is an error. Returns null where Go returns an error.
 */
export function decodeRawBase64(text: string): number[] | null {
  const values: number[] = [];
  for (const char of text) {
    if (char === '\r' || char === '\n') continue;
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    values.push(value);
  }
  if (values.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i += 4) {
    const group = values.slice(i, i + 4);
    const value = group.reduce((acc, v, index) => acc | (v << (18 - 6 * index)), 0);
    for (let b = 0; b < group.length - 1; b++) bytes.push((value >>> (16 - 8 * b)) & 0xff);
  }
  return bytes;
}
