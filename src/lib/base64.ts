/**
 * Standard base64 with padding (RFC 4648 §4), the form Go's encoding/json gives a `[]byte`. The
 * core layers have no `atob`/`btoa` (lib ES2023 only), and both sides of the Engine API need it.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map(Array.from({ length: 64 }, (_, value) => [ALPHABET.charAt(value), value]));

export function encodeBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => ALPHABET[(chunk >> shift) & 63] ?? '');
    const kept = Math.min(4, Math.ceil(((bytes.length - i) * 4) / 3));
    text += chars.slice(0, kept).join('') + '='.repeat(4 - kept);
  }
  return text;
}

/** The bytes of `text`, or null when it is not padded standard base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    let chunk = 0;
    for (let j = 0; j < 4; j++) {
      const char = text[i + j] ?? '';
      const isPadding = char === '=' && i + j >= text.length - padding;
      const value = isPadding ? 0 : VALUES.get(char);
      if (value === undefined) return null;
      chunk = (chunk << 6) | value;
    }
    for (const shift of [16, 8, 0]) {
      if (out < bytes.length) bytes[out++] = (chunk >> shift) & 255;
    }
  }
  return bytes;
}
