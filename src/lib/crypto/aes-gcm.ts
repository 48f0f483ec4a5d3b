import { encodeBase64 } from '../base64';

/**
 * AES-256-GCM over Web Crypto, the one cipher of the project (swarmkit's `manager/encryption`
 * seals the Raft log with AES-GCM too, through NaCl secretbox or AES-GCM; we keep the latter).
 * Browsers, workers and Node 20 all have `globalThis.crypto.subtle`; the core layers are
 * compiled without the DOM lib, so the small part used here is declared, and found at run time.
 */
interface AesGcmParams {
  readonly name: 'AES-GCM';
  readonly iv: Uint8Array;
}

/** An imported key: opaque, as Web Crypto's `CryptoKey` is. */
type ImportedKey = object;

interface SubtleAesGcm {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: 'AES-GCM',
    extractable: boolean,
    usages: readonly string[],
  ): Promise<ImportedKey>;
  encrypt(algorithm: AesGcmParams, key: ImportedKey, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: ImportedKey, data: Uint8Array): Promise<ArrayBuffer>;
}

/** A key is 32 bytes (AES-256), as swarmkit's DEKs and unlock keys are. */
export const KEY_BYTES = 32;
/** GCM's standard 96-bit nonce. */
export const NONCE_BYTES = 12;

function isSubtle(value: unknown): value is SubtleAesGcm {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'importKey') === 'function' &&
    typeof Reflect.get(value, 'encrypt') === 'function' &&
    typeof Reflect.get(value, 'decrypt') === 'function'
  );
}

let subtleCrypto: SubtleAesGcm | undefined;

function subtle(): SubtleAesGcm {
  if (subtleCrypto !== undefined) return subtleCrypto;
  const crypto: unknown = Reflect.get(globalThis, 'crypto');
  const found: unknown =
    typeof crypto === 'object' && crypto !== null ? Reflect.get(crypto, 'subtle') : undefined;
  if (!isSubtle(found)) throw new Error('Web Crypto (crypto.subtle) is not available here');
  subtleCrypto = found;
  return found;
}

/**
 * Imported keys by their bytes: a manager seals thousands of entries under one key, and an
 * import costs a round trip of its own. Few keys live at once (one per manager, the unlock key).
 */
const imported = new Map<string, Promise<ImportedKey>>();
const IMPORTED_MAX = 64;

function importKey(raw: Uint8Array): Promise<ImportedKey> {
  if (raw.length !== KEY_BYTES) throw new Error(`an AES-256 key has ${KEY_BYTES} bytes`);
  const id = encodeBase64(raw);
  const known = imported.get(id);
  if (known !== undefined) return known;
  if (imported.size >= IMPORTED_MAX) imported.clear();
  const key = subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  imported.set(id, key);
  return key;
}

function checkNonce(nonce: Uint8Array): void {
  if (nonce.length !== NONCE_BYTES) throw new Error(`a GCM nonce has ${NONCE_BYTES} bytes`);
}

/**
 * Encrypts and authenticates `plaintext`; the result is the ciphertext followed by the 16-byte
 * tag. A nonce must never be used twice under one key with different plaintexts: callers
 * derive it from what makes the plaintext unique (`entryNonce`).
 */
export async function seal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  checkNonce(nonce);
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv: nonce },
    await importKey(key),
    plaintext,
  );
  return new Uint8Array(sealed);
}

/** The plaintext of `sealed`, or null when the key is wrong or the bytes were changed. */
export async function open(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Promise<Uint8Array | null> {
  checkNonce(nonce);
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: nonce },
      await importKey(key),
      sealed,
    );
    return new Uint8Array(plain);
  } catch {
    // OperationError: the tag does not match. Nothing else can fail once the key imported.
    return null;
  }
}

/**
 * A nonce built from a domain (what is sealed) and two counters that together name one
 * plaintext: a Raft entry is named by its index and term (two entries with both equal are the
 * same entry, Raft's Log Matching property), so sealing it again gives the same bytes and
 * never reuses a nonce for other bytes.
 */
export function countersNonce(domain: number, high: number, low: number): Uint8Array {
  const nonce = new Uint8Array(NONCE_BYTES);
  const view = new DataView(nonce.buffer);
  view.setUint8(0, domain);
  view.setUint32(1, high);
  // Seven bytes of `low`: Raft indexes stay far below 2^56.
  view.setUint8(5, Math.floor(low / 2 ** 48) & 0xff);
  view.setUint16(6, Math.floor(low / 2 ** 32) & 0xffff);
  view.setUint32(8, low >>> 0);
  return nonce;
}
