import { decodeText, encodeText, KEY_BYTES, NONCE_BYTES, open, seal } from '../lib/crypto';

const CIPHER = 'aes-256-gcm';

/**
 * What holds the user's data in a save (the checkpoint's machines, the inputs since it with the
 * secrets they created), sealed before it reaches IndexedDB (issue 11: no secret's plaintext in
 * the saved state). Each record gets a fresh random AES-256-GCM key, kept beside the sealed bytes:
 * a page with no server has nowhere else to keep a key. So this keeps the plaintext bytes out of
 * what the browser stores (a search of its files finds no secret), as a disk-encrypted VM image
 * whose key rests beside it would; it does not protect a save from whoever holds it, key and all.
 * The bytes stay a Uint8Array, which IndexedDB clones in one copy.
 */
export interface SealedRecord {
  readonly cipher: typeof CIPHER;
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
  /** The value's JSON in UTF-8, AES-256-GCM sealed (the tag at the end). */
  readonly sealed: Uint8Array;
}

export type OpenedRecord =
  | { readonly kind: 'opened'; readonly value: unknown }
  | { readonly kind: 'corrupt'; readonly reason: string };

/** Random bytes from the platform: this layer may, the deterministic ones below may not. */
function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Seals `value`, which must be JSON-safe data (a snapshot is), under a key of its own. */
export async function sealRecord(value: unknown): Promise<SealedRecord> {
  const key = randomBytes(KEY_BYTES);
  // The key is never used again, so any nonce is safe; a random one costs nothing.
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = await seal(key, nonce, encodeText(JSON.stringify(value)));
  return { cipher: CIPHER, key, nonce, sealed };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBytes(value: unknown, length?: number): value is Uint8Array {
  return value instanceof Uint8Array && (length === undefined || value.length === length);
}

/**
 * The value `sealRecord` sealed, or why it cannot be had: a record that is not sealed, whose
 * bytes were changed, or whose key is not the one it was sealed under. The value is unchecked:
 * the caller's own checks of the save's shape come next.
 */
export async function openRecord(record: unknown): Promise<OpenedRecord> {
  if (
    !isRecord(record) ||
    record.cipher !== CIPHER ||
    !isBytes(record.key, KEY_BYTES) ||
    !isBytes(record.nonce, NONCE_BYTES) ||
    !isBytes(record.sealed)
  ) {
    return { kind: 'corrupt', reason: 'the saved state is corrupt (it is not sealed)' };
  }
  const plain = await open(record.key, record.nonce, record.sealed);
  if (plain === null) {
    return { kind: 'corrupt', reason: 'the saved state is corrupt (it fails authentication)' };
  }
  try {
    const value: unknown = JSON.parse(decodeText(plain));
    return { kind: 'opened', value };
  } catch {
    return { kind: 'corrupt', reason: 'the saved state is corrupt (it is not JSON)' };
  }
}
